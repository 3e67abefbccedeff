"""The mail to the initiator of a merged duplicate (the pattern of ``initiatives.tasks``).

The task carries ids only. It names the other initiative only by its public title and page,
and only when it is published: never the other initiator or their own words.
"""

from django.tasks import task

from initiatives.models import Initiative, Status, TimelineEntry
from initiatives.resident_mail import may_mail
from initiatives.tasks import _record, _resident_message, _url
from wijkaanpak.tasks import send_or_retry


@task
def notify_initiator_merged(entry_id: int, into_id: int, attempt: int = 1) -> None:
    """Their idea was merged into a similar one; their private link shows its progress."""
    entry = TimelineEntry.objects.select_related("initiative__initiator").get(pk=entry_id)
    duplicate = entry.initiative
    initiator = getattr(duplicate, "initiator", None)
    if initiator is None or not may_mail(initiator) or duplicate.status != Status.MERGED:
        return  # stopped, or the merge was undone before the mail went out
    into = Initiative.objects.only("pk", "public_title", "is_published").get(pk=into_id)
    message = _resident_message(
        "merged_initiator",
        {
            "initiative": duplicate,
            "initiator": initiator,
            "entry": entry,
            "into_title": into.public_title if into.is_published else "",
            "into_url": _url(into.get_absolute_url()) if into.is_published else "",
        },
        initiator,
        duplicate.language,
    )
    send_or_retry(message, notify_initiator_merged, attempt, entry_id=entry_id, into_id=into_id)
    _record(duplicate, "e-mail aan initiatiefnemer: idee samengevoegd")
