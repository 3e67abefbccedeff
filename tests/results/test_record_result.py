"""results.services.record_result: who may, when, and what it writes."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction

from initiatives.models import EntryKind, Status
from initiatives.services import WorkflowError
from results.models import Result
from results.services import record_result
from tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db


def _record(initiative, actor, **values):
    return record_result(
        initiative, actor=actor, **{"residents_reached": 32, "volunteers": 4, **values}
    )


def test_a_broker_records_the_result_of_a_completed_initiative(completed, broker_a):
    result = _record(
        completed, broker_a, money_spent=Decimal("480.50"), story=" Het plein was vol. "
    )
    result.refresh_from_db()
    assert (result.residents_reached, result.volunteers) == (32, 4)
    assert result.partners_involved == 2  # the linked partners, when none is given
    assert result.money_spent == Decimal("480.50")
    assert result.story == "Het plein was vol."
    assert result.is_public is False
    assert result.recorded_by == broker_a
    entry = completed.timeline.get()
    assert entry.kind == EntryKind.NOTE
    assert entry.actor == broker_a
    assert entry.internal_note.startswith("Resultaat vastgelegd: 32 bewoners bereikt")
    assert entry.public_text == ""  # an internal note: the initiator does not see it


def test_recording_again_updates_the_one_result(completed, broker_a, coordinator):
    first = _record(completed, broker_a)
    second = _record(completed, coordinator, residents_reached=40, partners_involved=5)
    assert Result.objects.count() == 1
    second.refresh_from_db()
    assert (second.residents_reached, second.partners_involved) == (40, 5)
    assert second.recorded_by == broker_a  # who recorded it first
    assert second.recorded_at == first.recorded_at
    assert second.updated_at > first.updated_at
    notes = list(completed.timeline.order_by("created_at").values_list("internal_note", flat=True))
    assert notes[1].startswith("Resultaat bijgewerkt: 40 bewoners bereikt")


@pytest.mark.parametrize("status", sorted(set(Status.values) - {Status.COMPLETED}))
def test_only_a_completed_initiative_gets_a_result(wijk_a, broker_a, status):
    initiative = InitiativeFactory(neighbourhood=wijk_a, status=status)
    with pytest.raises(WorkflowError, match="afgerond"):
        _record(initiative, broker_a)
    assert not Result.objects.exists()
    assert not initiative.timeline.exists()


@pytest.mark.parametrize("role", ["broker_b", "council_member", "administrator"])
def test_who_does_not_manage_the_initiative_may_not(completed, role, request):
    with pytest.raises(PermissionDenied):
        _record(completed, request.getfixturevalue(role))
    assert not Result.objects.exists()


@pytest.mark.parametrize(
    "values", [{"residents_reached": -1}, {"volunteers": -2}, {"money_spent": Decimal(-1)}]
)
def test_negative_numbers_are_refused(completed, broker_a, values):
    with pytest.raises(WorkflowError):
        _record(completed, broker_a, **values)
    assert not Result.objects.exists()


def test_the_database_refuses_a_negative_amount(completed):
    with pytest.raises(IntegrityError), transaction.atomic():
        Result.objects.create(
            initiative=completed,
            residents_reached=1,
            volunteers=1,
            partners_involved=0,
            money_spent=Decimal(-1),
        )
