"""duplicates.services.merge_initiatives, and undoing it by reopening the duplicate."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from duplicates.models import Merge
from duplicates.services import merge_initiatives
from initiatives import services
from initiatives.models import EntryKind, Initiative, Status, Support, TimelineEntry
from initiatives.services import InvalidTransition, WorkflowError
from tests.factories import FIXED_NOW, InitiativeFactory

pytestmark = pytest.mark.django_db


def _browsers(initiative) -> set[str]:
    return set(Support.objects.filter(initiative=initiative).values_list("browser_key", flat=True))


def test_supports_move_once_per_browser_and_offers_move(pair, broker_a):
    duplicate, target = pair
    merge = merge_initiatives(duplicate, target, actor=broker_a, now=FIXED_NOW)
    duplicate.refresh_from_db()
    target.refresh_from_db()
    assert _browsers(target) == {"b1", "b2", "b3"}  # b2 counts once
    assert _browsers(duplicate) == {"b2"}  # its second support stays behind, counted nowhere
    assert (target.support_count, duplicate.support_count) == (3, 1)
    assert target.help_offers.count() == 2 and not duplicate.help_offers.exists()
    assert (target.help_offer_count, duplicate.help_offer_count) == (2, 0)
    assert sorted(target.verified_supports.values_list("address_hash", flat=True)) == [
        "a1",
        "a2",
    ]
    assert (duplicate.status, duplicate.closed_at) == (Status.MERGED, FIXED_NOW)
    assert not duplicate.is_published
    assert (merge.duplicate, merge.into, merge.by, merge.at) == (
        duplicate,
        target,
        broker_a,
        FIXED_NOW,
    )
    assert len(merge.support_ids) == 1 and len(merge.help_offer_ids) == 1


def test_both_timelines_say_so(pair, broker_a):
    duplicate, target = pair
    merge_initiatives(duplicate, target, actor=broker_a, public_text="Samen verder.")
    own = duplicate.timeline.get(kind=EntryKind.STATUS_CHANGE)
    assert (own.from_status, own.to_status, own.public_text) == (
        Status.SUBMITTED,
        Status.MERGED,
        "Samen verder.",
    )
    assert f"#{target.pk}" in own.internal_note
    joined = target.timeline.get(kind=EntryKind.MERGED_IN)
    assert joined.public_text == "Samengevoegd met een vergelijkbaar idee uit de wijk."
    # Public, so the target's page and its initiator see it; nothing of the other resident.
    assert joined in target.timeline.public()
    assert "Fatima" not in joined.public_text


def test_the_duplicates_initiator_gets_a_mail_without_the_other_initiator(
    pair, broker_a, django_capture_on_commit_callbacks
):
    duplicate, target = pair
    with django_capture_on_commit_callbacks(execute=True):
        merge_initiatives(duplicate, target, actor=broker_a)
    sent = [message for message in mail.outbox if message.to == ["fatima@dubbel.example"]]
    assert len(sent) == 1
    message = sent[0]
    assert "samengevoegd" in message.subject
    body = message.body + message.alternatives[0][0]
    assert "Speeltuin Vinkenstraat opknappen" in body  # the target's public title
    assert target.get_absolute_url() in body
    assert "Karin" not in body and "karin@doel.example" not in body
    assert "/wijkpost/bewoner/" in body and message.extra_headers["List-Unsubscribe"]
    assert not [message for message in mail.outbox if message.to == ["karin@doel.example"]]
    assert duplicate.timeline.filter(kind=EntryKind.EMAIL_SENT).exists()


def test_no_mail_when_the_merge_was_undone_before_it_went_out(
    pair, broker_a, django_capture_on_commit_callbacks
):
    duplicate, target = pair
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        merge_initiatives(duplicate, target, actor=broker_a)
    services.change_status(duplicate, Status.INTAKE, actor=broker_a, public_text="Toch apart.")
    mail.outbox.clear()
    callbacks[0]()
    assert not [message for message in mail.outbox if "samengevoegd" in message.subject]


def test_figures_count_the_pair_once(pair, broker_a):
    duplicate, target = pair
    today = timezone.localdate()
    before = Initiative.objects.counted().figures_by_neighbourhood(today)[target.neighbourhood_id]
    merge_initiatives(duplicate, target, actor=broker_a)
    after = Initiative.objects.counted().figures_by_neighbourhood(today)[target.neighbourhood_id]
    assert (before["total"], after["total"]) == (2, 1)
    assert after["new"] == before["new"] - 1  # the duplicate was submitted


def test_undo_by_reopening_moves_everything_back(pair, broker_a):
    duplicate, target = pair
    published_at = duplicate.published_at
    merge_initiatives(duplicate, target, actor=broker_a)
    duplicate.refresh_from_db()
    services.change_status(duplicate, Status.INTAKE, actor=broker_a, public_text="Toch apart.")
    duplicate.refresh_from_db()
    target.refresh_from_db()
    assert _browsers(duplicate) == {"b1", "b2"} and _browsers(target) == {"b2", "b3"}
    assert (duplicate.support_count, target.support_count) == (2, 2)
    assert (duplicate.help_offer_count, target.help_offer_count) == (1, 1)
    assert duplicate.help_offers.get().name == "Jan Helper"
    assert sorted(duplicate.verified_supports.values_list("address_hash", flat=True)) == [
        "a1",
        "a2",
    ]
    assert (duplicate.status, duplicate.is_published) == (Status.INTAKE, True)
    assert duplicate.published_at == published_at
    assert not Merge.objects.exists()
    assert target.timeline.filter(kind=EntryKind.MERGE_UNDONE).exists()
    assert duplicate.timeline.filter(kind=EntryKind.NOTE, internal_note__contains="ongedaan")
    figures = Initiative.objects.counted().figures_by_neighbourhood(timezone.localdate())
    assert figures[target.neighbourhood_id]["total"] == 2


def test_a_merge_can_be_done_again_after_undoing(pair, broker_a):
    duplicate, target = pair
    merge_initiatives(duplicate, target, actor=broker_a)
    services.change_status(duplicate, Status.INTAKE, actor=broker_a, public_text="Apart.")
    merge_initiatives(duplicate, target, actor=broker_a)
    assert Merge.objects.get().duplicate == duplicate


def test_the_status_form_cannot_merge(pair, broker_a):
    duplicate, _target = pair
    assert Status.MERGED not in duplicate.allowed_transitions()
    with pytest.raises(InvalidTransition):
        services.change_status(duplicate, Status.MERGED, actor=broker_a, public_text="x")


@pytest.mark.parametrize("who", ["broker_b", "council_member", "anonymous"])
def test_only_managers_of_the_wijk_merge(pair, request, who):
    from django.contrib.auth.models import AnonymousUser

    actor = AnonymousUser() if who == "anonymous" else request.getfixturevalue(who)
    duplicate, target = pair
    with pytest.raises(PermissionDenied):
        merge_initiatives(duplicate, target, actor=actor)
    assert not Merge.objects.exists()
    assert Initiative.objects.get(pk=duplicate.pk).status == Status.SUBMITTED


def test_a_coordinator_merges(pair, coordinator):
    duplicate, target = pair
    merge_initiatives(duplicate, target, actor=coordinator)
    assert Merge.objects.filter(by=coordinator).exists()


def test_not_across_wijken(wijk_a, wijk_b, coordinator):
    duplicate = InitiativeFactory(neighbourhood=wijk_a)
    target = InitiativeFactory(neighbourhood=wijk_b)
    with pytest.raises(WorkflowError, match="dezelfde wijk"):
        merge_initiatives(duplicate, target, actor=coordinator)


@pytest.mark.parametrize(
    ("duplicate_status", "target_status", "message"),
    [
        (Status.COMPLETED, Status.INTAKE, "kan niet worden samengevoegd"),
        (Status.WITHDRAWN, Status.INTAKE, "kan niet worden samengevoegd"),
        (Status.INTAKE, Status.MERGED, "zelf al samengevoegd"),
    ],
)
def test_refused_merges_change_nothing(wijk_a, broker_a, duplicate_status, target_status, message):
    duplicate = InitiativeFactory(neighbourhood=wijk_a, status=duplicate_status)
    target = InitiativeFactory(neighbourhood=wijk_a, status=target_status)
    with pytest.raises(WorkflowError, match=message):
        merge_initiatives(duplicate, target, actor=broker_a)
    assert not Merge.objects.exists()
    assert not TimelineEntry.objects.exists()


def test_not_into_itself_nor_chained(pair, broker_a, wijk_a):
    duplicate, target = pair
    with pytest.raises(WorkflowError, match="zichzelf"):
        merge_initiatives(duplicate, duplicate, actor=broker_a)
    merge_initiatives(duplicate, target, actor=broker_a)
    other = InitiativeFactory(neighbourhood=wijk_a)
    target.refresh_from_db()
    with pytest.raises(WorkflowError, match="andere ideeën"):
        merge_initiatives(target, other, actor=broker_a)


def test_a_duplicate_with_money_is_not_merged(wijk_a, broker_a):
    duplicate = InitiativeFactory(neighbourhood=wijk_a, status=Status.INTAKE, amount_granted=100)
    target = InitiativeFactory(neighbourhood=wijk_a)
    with pytest.raises(WorkflowError, match="geld"):
        merge_initiatives(duplicate, target, actor=broker_a)


def test_a_stale_page_is_refused(pair, broker_a):
    duplicate, target = pair
    with pytest.raises(services.EditConflict):
        merge_initiatives(duplicate, target, actor=broker_a, expected_version=duplicate.version - 1)
    assert not Merge.objects.exists()
