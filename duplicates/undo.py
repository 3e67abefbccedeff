"""Undoing a merge, as part of reopening the duplicate (``initiatives.services._transition``).

Kept apart from ``duplicates.services`` so that ``initiatives.services`` may call it without
an import cycle: it uses the models only.
"""

from datetime import datetime

from django.db.models import Q
from django.utils.translation import gettext as _

from duplicates.models import Merge
from initiatives.models import (
    EntryKind,
    HelpOffer,
    Initiative,
    Status,
    Support,
    TimelineEntry,
    VerifiedSupport,
)


def lock(pk: int) -> Initiative:
    """The row under the lock ``initiatives.services._lock`` takes (FOR NO KEY UPDATE)."""
    return Initiative.objects.select_for_update(no_key=True).get(pk=pk)


def reopening(initiative: Initiative, *, actor, now: datetime) -> list[str]:
    """``initiative`` (locked) moves on from its status: if merged, the merge is undone."""
    if initiative.status != Status.MERGED:
        return []
    return undo_merge(initiative, actor=actor, now=now)


def undo_merge(duplicate: Initiative, *, actor, now: datetime) -> list[str]:
    """Move back what the merge moved; ``duplicate`` is locked and is being reopened.

    Returns the fields of ``duplicate`` it changed (the caller saves them). Inside the
    caller's transaction: the target is locked after the duplicate. A merge locks the two
    in primary-key order, but this duplicate is merged, so no merge takes it any more.
    """
    merge = Merge.objects.filter(duplicate=duplicate).first()
    if merge is None:
        return []
    into = lock(merge.into_id)
    supports = Support.objects.filter(pk__in=merge.support_ids, initiative=into).update(
        initiative=duplicate
    )
    VerifiedSupport.objects.filter(pk__in=merge.verified_support_ids, initiative=into).update(
        initiative=duplicate
    )
    offers = HelpOffer.objects.filter(pk__in=merge.help_offer_ids, initiative=into)
    waiting = offers.filter(is_connected=False).exists()
    offer_count = offers.update(initiative=duplicate)

    duplicate.support_count += supports
    duplicate.help_offer_count += offer_count
    fields = ["support_count", "help_offer_count"]
    if waiting:
        duplicate.help_waiting_since = duplicate.help_waiting_since or now
        fields.append("help_waiting_since")
    if merge.duplicate_published_at is not None:
        # It was online before the merge: back on the public pages, as it was.
        duplicate.is_published = True
        duplicate.published_at = merge.duplicate_published_at
        fields += ["is_published", "published_at"]

    into.support_count = max(0, into.support_count - supports)
    into.help_offer_count = max(0, into.help_offer_count - offer_count)
    into.version += 1
    into.updated_at = now
    into.save(update_fields=["support_count", "help_offer_count", "version", "updated_at"])
    summary = _(
        "%(supports)s steunbetuigingen en %(offers)s hulpaanbiedingen terug naar #%(pk)s."
    ) % {"supports": supports, "offers": offer_count, "pk": duplicate.pk}
    TimelineEntry.objects.bulk_create(
        [
            TimelineEntry(
                initiative=into,
                kind=EntryKind.MERGE_UNDONE,
                actor=actor,
                created_at=now,
                public_text=_(
                    "Een vergelijkbaar idee dat hiermee was samengevoegd, gaat weer apart verder."
                ),
                internal_note=_("Samenvoeging met #%(pk)s ongedaan gemaakt. %(summary)s")
                % {"pk": duplicate.pk, "summary": summary},
            ),
            TimelineEntry(
                initiative=duplicate,
                kind=EntryKind.NOTE,
                actor=actor,
                created_at=now,
                internal_note=_("Samenvoeging met #%(pk)s ongedaan gemaakt. %(summary)s")
                % {"pk": into.pk, "summary": summary},
            ),
        ]
    )
    merge.delete()
    return fields


def merges_of(initiative: Initiative) -> tuple[Merge | None, list[Merge]]:
    """What ``initiative`` was merged into, and what was merged into it (one query)."""
    merges = list(
        Merge.objects.filter(Q(duplicate=initiative) | Q(into=initiative))
        .select_related("duplicate", "into")
        .order_by("at", "pk")
    )
    own = next((merge for merge in merges if merge.duplicate_id == initiative.pk), None)
    return own, [merge for merge in merges if merge.into_id == initiative.pk]
