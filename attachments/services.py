"""Adding, publishing and removing attachments.

Like ``initiatives.services``: the actor is explicit, ``initiatives.rules`` decides, the
initiative's row is locked, one transaction, and each change leaves an internal note on the
timeline (no timeline kind of its own, which would change the initiatives app's table).

Files are written to storage inside the transaction; when it fails they are removed again,
and removed files go only once the transaction has committed (``on_commit``), so a rolled
back deletion keeps its file.
"""

import uuid
from collections.abc import Iterable, Sequence
from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from attachments.files import PDF, Prepared
from attachments.models import Attachment
from initiatives import rules
from initiatives.models import EntryKind, Initiative
from initiatives.services import WorkflowError, _entry, _lock

# At most this many photos from the resident in all (the form takes three at a time).
MAX_RESIDENT_PHOTOS = 10


def _store(prepared: Prepared, now: datetime) -> tuple[str, str, str]:
    """Write the file (and thumbnail) under a random name; return (key, name, thumbnail)."""
    key = uuid.uuid4().hex
    folder = f"attachments/{now.year}"
    name = default_storage.save(f"{folder}/{key}.{prepared.extension}", ContentFile(prepared.data))
    thumbnail = ""
    if prepared.thumbnail:
        thumbnail = default_storage.save(
            f"{folder}/{key}-klein.{prepared.extension}", ContentFile(prepared.thumbnail)
        )
    return key, name, thumbnail


def _delete_files(names: Iterable[str]) -> None:
    for name in names:
        if name:
            default_storage.delete(name)


def _delete_on_commit(attachments: Iterable[Attachment]) -> None:
    names = [name for a in attachments for name in (a.file.name, a.thumbnail.name) if name]
    transaction.on_commit(lambda: _delete_files(names))


def add_attachments(
    initiative: Initiative,
    files: Sequence[Prepared],
    *,
    actor=None,
    original_names: Sequence[str] = (),
    now: datetime | None = None,
) -> list[Attachment]:
    """Attach checked files: the initiator's (``actor`` None) or a broker's.

    A resident's file name is never kept; a broker's is, for the brokers only.
    """
    if not files:
        return []
    by_broker = actor is not None
    if by_broker and not rules.can_add_attachment(actor, initiative):
        raise PermissionDenied
    if not by_broker and any(prepared.content_type == PDF for prepared in files):
        raise WorkflowError(_("Alleen een sociaal makelaar kan een PDF toevoegen."))
    now = now or timezone.now()
    written: list[str] = []
    try:
        with transaction.atomic():
            current = _lock(initiative, None)
            if not by_broker:
                if not rules.initiator_can_add_photos(current):
                    raise WorkflowError(_("Bij dit idee kunt u geen foto's meer toevoegen."))
                already = Attachment.objects.filter(initiative=current).from_initiator().count()
                if already + len(files) > MAX_RESIDENT_PHOTOS:
                    raise WorkflowError(
                        _("U kunt hoogstens %(max)s foto's toevoegen. Er zijn er al %(count)s.")
                        % {"max": MAX_RESIDENT_PHOTOS, "count": already}
                    )
            added = []
            for index, prepared in enumerate(files):
                key, name, thumbnail = _store(prepared, now)
                written += [name, thumbnail]
                # Only a broker's document keeps its name ("Offerte hovenier.pdf").
                keep_name = prepared.content_type == PDF and index < len(original_names)
                name_kept = original_names[index] if by_broker and keep_name else ""
                added.append(
                    Attachment.objects.create(
                        initiative=current,
                        kind=Attachment.Kind.DOCUMENT
                        if prepared.content_type == PDF
                        else Attachment.Kind.PHOTO,
                        added_by=Attachment.AddedBy.BROKER
                        if by_broker
                        else Attachment.AddedBy.INITIATOR,
                        added_by_user=actor,
                        key=key,
                        file=name,
                        thumbnail=thumbnail,
                        content_type=prepared.content_type,
                        size=len(prepared.data),
                        original_size=prepared.original_size,
                        width=prepared.width,
                        height=prepared.height,
                        original_name=_clean_name(name_kept),
                        created_at=now,
                    )
                )
            who = _("De makelaar") if by_broker else _("De initiatiefnemer")
            note = ngettext(
                "%(who)s voegde %(count)s bijlage toe.",
                "%(who)s voegde %(count)s bijlagen toe.",
                len(added),
            ) % {"who": who, "count": len(added)}
            _entry(current, EntryKind.NOTE, actor, now, internal_note=note)
    except BaseException:
        _delete_files(written)
        raise
    return added


def _clean_name(name: str) -> str:
    """The last part of a file name, without folders or control characters, at most 200."""
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(char for char in name if char.isprintable())
    return name.strip()[:200]


def _locked_attachment(attachment: Attachment, actor) -> tuple[Initiative, Attachment]:
    current = _lock(attachment.initiative, None)
    if not rules.can_manage_attachments(actor, current):
        raise PermissionDenied
    row = Attachment.objects.select_for_update().filter(pk=attachment.pk).first()
    if row is None or row.initiative_id != current.pk:
        raise WorkflowError(_("Deze bijlage bestaat niet meer."))
    return current, row


def publish_attachment(
    attachment: Attachment, *, actor, alt_text: str, now: datetime | None = None
) -> Attachment:
    """Make the attachment public (or change its text), with the required description."""
    alt_text = " ".join(alt_text.split())
    if not alt_text:
        raise WorkflowError(_("Schrijf eerst wat er op de foto staat of wat het document is."))
    now = now or timezone.now()
    with transaction.atomic():
        current, row = _locked_attachment(attachment, actor)
        first = row.published_at is None
        row.alt_text = alt_text
        if first:
            row.published_at = now
            row.published_by = actor
        row.save(update_fields=["alt_text", "published_at", "published_by"])
        note = (
            _("Bijlage %(pk)s openbaar gemaakt: %(alt)s")
            if first
            else _("Beschrijving van bijlage %(pk)s aangepast: %(alt)s")
        )
        _entry(
            current,
            EntryKind.NOTE,
            actor,
            now,
            internal_note=note % {"pk": row.pk, "alt": alt_text},
        )
    return row


def unpublish_attachment(attachment: Attachment, *, actor, now: datetime | None = None) -> None:
    now = now or timezone.now()
    with transaction.atomic():
        current, row = _locked_attachment(attachment, actor)
        if row.published_at is None:
            return
        row.published_at = None
        row.published_by = None
        row.save(update_fields=["published_at", "published_by"])
        _entry(
            current,
            EntryKind.NOTE,
            actor,
            now,
            internal_note=_("Bijlage %(pk)s niet meer openbaar.") % {"pk": row.pk},
        )


def delete_attachment(attachment: Attachment, *, actor, now: datetime | None = None) -> None:
    now = now or timezone.now()
    with transaction.atomic():
        current, row = _locked_attachment(attachment, actor)
        row.delete()
        _delete_on_commit([row])
        _entry(
            current,
            EntryKind.NOTE,
            actor,
            now,
            internal_note=_("Bijlage %(pk)s verwijderd.") % {"pk": row.pk},
        )


def remove_resident_files(initiatives) -> int:
    """Anonymising: the initiator's files go, the brokers' documents lose their names.

    Runs inside the caller's transaction; the stored files are deleted after it commits.
    """
    attachments = Attachment.objects.filter(initiative__in=initiatives)
    resident = list(attachments.from_initiator().only("pk", "file", "thumbnail"))
    Attachment.objects.filter(pk__in=[a.pk for a in resident]).delete()
    attachments.exclude(original_name="").update(original_name="")
    _delete_on_commit(resident)
    return len(resident)
