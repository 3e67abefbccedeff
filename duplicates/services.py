"""Merging a duplicate into a similar initiative of the same wijk.

Like ``initiatives.services``: the actor is explicit, ``initiatives.rules`` decides, both rows
are locked (in primary-key order, so two merges of the same pair cannot deadlock), one
transaction, a timeline entry on both, and the duplicate's initiator is mailed with the
transaction. Undoing is reopening the duplicate (``duplicates.undo``).
"""

from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from duplicates import tasks
from duplicates.models import Merge
from initiatives import rules
from initiatives.models import (
    EntryKind,
    HelpOffer,
    Initiative,
    Status,
    Support,
    VerifiedSupport,
)
from initiatives.services import (
    InvalidTransition,
    WorkflowError,
    _answered,
    _entry,
    _lock,
    _mark_first_response,
    _save,
)
from wijkaanpak.tasks import enqueue_in_transaction


def default_text() -> str:
    """What the duplicate's initiator reads unless the broker writes otherwise."""
    return _(
        "Er was al een vergelijkbaar idee in uw wijk. We hebben uw idee daarmee "
        "samengevoegd, zodat we er samen aan werken. Uw steunbetuigingen en hulpaanbod "
        "gaan mee. Via uw persoonlijke link ziet u hoe het idee verder gaat."
    )


def _check(actor, duplicate: Initiative, into: Initiative) -> None:
    if not (rules.can_manage(actor, duplicate) and rules.can_manage(actor, into)):
        raise PermissionDenied
    if duplicate.pk == into.pk:
        raise WorkflowError(_("Een initiatief kan niet met zichzelf worden samengevoegd."))
    if duplicate.neighbourhood_id != into.neighbourhood_id:
        raise WorkflowError(_("Alleen initiatieven uit dezelfde wijk kunnen worden samengevoegd."))
    if into.status == Status.MERGED:
        raise WorkflowError(
            _("Het andere initiatief is zelf al samengevoegd. Kies het idee waarin het zit.")
        )
    if not duplicate.can_transition_to(Status.MERGED):
        raise InvalidTransition(
            _("Een initiatief met de status “%(status)s” kan niet worden samengevoegd.")
            % {"status": Status(duplicate.status).label}
        )
    if duplicate.amount_granted:
        raise WorkflowError(
            _(
                "Aan dit initiatief is geld toegekend. Voeg het andere initiatief hiermee "
                "samen, of haal eerst het geld terug."
            )
        )
    if not rules.can_merge(actor, duplicate, into):  # the rule the checks above spell out
        raise PermissionDenied


def merge_initiatives(
    duplicate: Initiative,
    into: Initiative,
    *,
    actor,
    public_text: str = "",
    internal_note: str = "",
    expected_version: int | None = None,
    now: datetime | None = None,
) -> Merge:
    """Close ``duplicate`` as merged into ``into``: its supports and help offers move along.

    A browser that supported both keeps one support (on ``into``); the other stays with the
    duplicate, where it counts nowhere, so undoing moves back exactly what moved.
    ``expected_version``: the duplicate's version on the broker's page (optimistic locking).
    """
    _check(actor, duplicate, into)
    public_text = public_text.strip() or default_text()
    now = now or timezone.now()
    with transaction.atomic():
        first, second = sorted((duplicate, into), key=lambda initiative: initiative.pk)
        locked = {
            first.pk: _lock(first, expected_version if first.pk == duplicate.pk else None),
            second.pk: _lock(second, expected_version if second.pk == duplicate.pk else None),
        }
        duplicate, into = locked[duplicate.pk], locked[into.pk]
        _check(actor, duplicate, into)  # again, on the locked rows
        if Merge.objects.filter(into=duplicate).exists():
            raise WorkflowError(
                _(
                    "Er zijn al andere ideeën met dit initiatief samengevoegd. Voeg het "
                    "andere initiatief hiermee samen."
                )
            )

        support_ids = list(
            Support.objects.filter(initiative=duplicate)
            .exclude(browser_key__in=Support.objects.filter(initiative=into).values("browser_key"))
            .values_list("pk", flat=True)
        )
        verified_ids = list(
            VerifiedSupport.objects.filter(initiative=duplicate)
            .exclude(
                address_hash__in=VerifiedSupport.objects.filter(initiative=into).values(
                    "address_hash"
                )
            )
            .values_list("pk", flat=True)
        )
        offers = HelpOffer.objects.filter(initiative=duplicate)
        offer_ids = list(offers.values_list("pk", flat=True))
        waiting = offers.filter(is_connected=False).exists()
        Support.objects.filter(pk__in=support_ids).update(initiative=into)
        VerifiedSupport.objects.filter(pk__in=verified_ids).update(initiative=into)
        HelpOffer.objects.filter(pk__in=offer_ids).update(initiative=into)

        merge = Merge.objects.create(
            duplicate=duplicate,
            into=into,
            by=actor,
            at=now,
            support_ids=support_ids,
            verified_support_ids=verified_ids,
            help_offer_ids=offer_ids,
            duplicate_published_at=duplicate.published_at if duplicate.is_published else None,
        )

        from_status = duplicate.status
        duplicate.status = Status.MERGED
        duplicate.closed_at = now
        duplicate.support_count = max(0, duplicate.support_count - len(support_ids))
        duplicate.help_offer_count = max(0, duplicate.help_offer_count - len(offer_ids))
        duplicate.help_waiting_since = None
        duplicate.is_published = False  # its public page sends visitors to ``into``
        duplicate.published_at = None
        fields = [
            "status",
            "closed_at",
            "support_count",
            "help_offer_count",
            "help_waiting_since",
            "is_published",
            "published_at",
            *_mark_first_response(duplicate, now),
            *_answered(duplicate),
        ]
        _save(duplicate, *fields, now=now)
        into.support_count += len(support_ids)
        into.help_offer_count += len(offer_ids)
        into_fields = ["support_count", "help_offer_count"]
        if waiting and into.help_waiting_since is None:
            into.help_waiting_since = now  # "Actie nodig": offers nobody connected yet
            into_fields.append("help_waiting_since")
        _save(into, *into_fields, now=now)

        moved = _("%(supports)s steunbetuigingen en %(offers)s hulpaanbiedingen overgezet.") % {
            "supports": len(support_ids),
            "offers": len(offer_ids),
        }
        entry = _entry(
            duplicate,
            EntryKind.STATUS_CHANGE,
            actor,
            now,
            from_status=from_status,
            to_status=Status.MERGED,
            public_text=public_text,
            internal_note=" ".join(
                part
                for part in (
                    _("Samengevoegd met #%(pk)s „%(title)s”.")
                    % {"pk": into.pk, "title": into.title},
                    moved,
                    internal_note.strip(),
                )
                if part
            ),
        )
        _entry(
            into,
            EntryKind.MERGED_IN,
            actor,
            now,
            public_text=_("Samengevoegd met een vergelijkbaar idee uit de wijk."),
            internal_note=_("#%(pk)s „%(title)s” is hiermee samengevoegd. %(moved)s")
            % {"pk": duplicate.pk, "title": duplicate.title, "moved": moved},
        )
        enqueue_in_transaction(tasks.notify_initiator_merged, entry_id=entry.pk, into_id=into.pk)
    return merge
