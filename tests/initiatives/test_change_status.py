"""services.change_status: the transition table, the texts it requires, and what it records."""

import datetime as dt
import itertools

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import PermissionDenied

from initiatives import services
from initiatives.models import TRANSITIONS, EntryKind, Status
from initiatives.workflow import OWN_ACTION_STATUSES
from tests.factories import FIXED_NOW, InitiativeFactory, InitiatorFactory

pytestmark = pytest.mark.django_db

# Merging has its own service (duplicates.services.merge_initiatives); change_status refuses it.
ALLOWED = sorted(
    (source, target)
    for source, targets in TRANSITIONS.items()
    for target in targets - OWN_ACTION_STATUSES
)
FORBIDDEN = [
    (source, target)
    for source, target in itertools.product(Status.values, Status.values)
    if target not in TRANSITIONS[source] - OWN_ACTION_STATUSES
]


def test_the_table_matches_design_md():
    assert {
        "submitted": {"intake", "declined", "referred", "withdrawn", "merged"},
        "intake": {"preparing", "declined", "referred", "withdrawn", "merged"},
        "preparing": {"in_progress", "declined", "withdrawn", "merged"},
        "in_progress": {"completed", "withdrawn", "merged"},
        "declined": {"intake"},
        "referred": {"intake"},
        "withdrawn": {"intake"},
        "completed": {"intake"},
        "merged": {"intake"},
    } == TRANSITIONS


def make(status: str, wijk):
    initiative = InitiativeFactory(status=status, neighbourhood=wijk)
    InitiatorFactory(initiative=initiative)
    return initiative


@pytest.mark.parametrize(("source", "target"), ALLOWED)
def test_every_allowed_transition_is_recorded(source, target, broker_a, wijk_a):
    initiative = make(source, wijk_a)
    changed = services.change_status(
        initiative, target, actor=broker_a, public_text="Uitleg voor u.", referred_to="Meldpunt"
    )
    changed.refresh_from_db()
    assert changed.status == target
    entry = changed.timeline.get(kind=EntryKind.STATUS_CHANGE)
    assert (entry.from_status, entry.to_status, entry.actor) == (source, target, broker_a)
    assert entry.public_text == "Uitleg voor u."


@pytest.mark.parametrize(("source", "target"), FORBIDDEN)
def test_every_forbidden_transition_raises_and_changes_nothing(source, target, broker_a, wijk_a):
    initiative = make(source, wijk_a)
    with pytest.raises(services.InvalidTransition):
        services.change_status(
            initiative, target, actor=broker_a, public_text="Uitleg.", referred_to="Meldpunt"
        )
    initiative.refresh_from_db()
    assert initiative.status == source
    assert not initiative.timeline.exists()


@pytest.mark.parametrize("target", [Status.DECLINED, Status.REFERRED, Status.INTAKE])
def test_declining_referring_and_every_move_need_a_text_for_the_initiator(target, broker_a, wijk_a):
    initiative = make(Status.SUBMITTED, wijk_a)
    with pytest.raises(services.WorkflowError):
        services.change_status(
            initiative, target, actor=broker_a, public_text="  ", referred_to="X"
        )
    initiative.refresh_from_db()
    assert initiative.status == Status.SUBMITTED


def test_reopening_needs_a_reason(broker_a, wijk_a):
    initiative = make(Status.DECLINED, wijk_a)
    with pytest.raises(services.WorkflowError, match="reden"):
        services.change_status(initiative, Status.INTAKE, actor=broker_a, public_text="")


def test_referring_records_where_it_went(broker_a, wijk_a):
    initiative = make(Status.SUBMITTED, wijk_a)
    with pytest.raises(services.WorkflowError):
        services.change_status(initiative, Status.REFERRED, actor=broker_a, public_text="Melding.")
    services.change_status(
        initiative,
        Status.REFERRED,
        actor=broker_a,
        public_text="Dit is een melding voor de openbare ruimte.",
        referred_to="Meldpunt openbare ruimte",
        referral_reference="MOR-2026-0042",
    )
    initiative.refresh_from_db()
    assert (initiative.referred_to, initiative.referral_reference) == (
        "Meldpunt openbare ruimte",
        "MOR-2026-0042",
    )


def test_closing_sets_closed_at_and_reopening_clears_it(broker_a, wijk_a):
    initiative = make(Status.IN_PROGRESS, wijk_a)
    services.change_status(initiative, Status.COMPLETED, actor=broker_a, public_text="Klaar!")
    initiative.refresh_from_db()
    assert initiative.closed_at is not None
    services.change_status(initiative, Status.INTAKE, actor=broker_a, public_text="Nog een ronde.")
    initiative.refresh_from_db()
    assert initiative.closed_at is None


def test_first_status_change_is_the_first_response_in_working_days(broker_a, wijk_a):
    initiative = make(Status.SUBMITTED, wijk_a)  # submitted Monday 2 March 2026
    with time_machine.travel(FIXED_NOW + dt.timedelta(days=3), tick=False):  # Thursday
        services.change_status(
            initiative, Status.INTAKE, actor=broker_a, public_text="We bellen u."
        )
    initiative.refresh_from_db()
    assert initiative.first_response_at == FIXED_NOW + dt.timedelta(days=3)
    assert initiative.response_working_days == 3
    first = initiative.first_response_at
    services.change_status(initiative, Status.PREPARING, actor=broker_a, public_text="Verder.")
    initiative.refresh_from_db()
    assert initiative.first_response_at == first


def test_the_initiator_gets_an_email_after_commit(
    broker_a, wijk_a, django_capture_on_commit_callbacks
):
    initiative = make(Status.SUBMITTED, wijk_a)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.change_status(
            initiative, Status.INTAKE, actor=broker_a, public_text="We bellen u."
        )
        assert mail.outbox == []
    for callback in callbacks:
        callback()
    assert [message.to for message in mail.outbox] == [["fatima@bewoner.example"]]
    assert "We bellen u." in mail.outbox[0].body
    assert "In gesprek" in mail.outbox[0].body


def test_a_broker_of_another_wijk_may_not_change_status(broker_b, wijk_a):
    initiative = make(Status.SUBMITTED, wijk_a)
    with pytest.raises(PermissionDenied):
        services.change_status(initiative, Status.INTAKE, actor=broker_b, public_text="Hallo.")
    initiative.refresh_from_db()
    assert initiative.status == Status.SUBMITTED


def test_a_council_member_may_not_change_status(council_member, wijk_a):
    initiative = make(Status.SUBMITTED, wijk_a)
    with pytest.raises(PermissionDenied):
        services.change_status(initiative, Status.INTAKE, actor=council_member, public_text="Hoi.")


def test_a_coordinator_may_change_status_in_any_wijk(coordinator, wijk_a):
    initiative = make(Status.SUBMITTED, wijk_a)
    services.change_status(initiative, Status.INTAKE, actor=coordinator, public_text="Welkom.")
    initiative.refresh_from_db()
    assert initiative.status == Status.INTAKE


def test_a_stale_version_is_refused_with_what_changed(broker_a, coordinator, wijk_a):
    initiative = make(Status.SUBMITTED, wijk_a)
    loaded_version = initiative.version
    services.change_status(initiative, Status.INTAKE, actor=coordinator, public_text="Eerst.")
    with pytest.raises(services.EditConflict) as conflict:
        services.change_status(
            initiative,
            Status.DECLINED,
            actor=broker_a,
            public_text="Helaas.",
            expected_version=loaded_version,
        )
    assert [entry.to_status for entry in conflict.value.changes] == [Status.INTAKE]
    initiative.refresh_from_db()
    assert initiative.status == Status.INTAKE
