"""Residents' data rights (AVG): what we hold about a resident, and erasing it on request.

- ``initiator_data`` / ``help_offer_data``: everything the municipality holds about one
  initiator or helper, as plain values and moments (the JSON download, through Django's JSON
  encoder, and the readable page use the same dict).
- ``erase_initiator`` / ``erase_help_offer``: anonymise now, clearing exactly what the
  retention run (``anonymise_closed`` below) clears after the retention period.
- ``record_export``: a coordinator's export, logged.

Every action leaves an internal note on the initiative's timeline: who, when, what.
"""

from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from attachments.models import Attachment
from attachments.services import remove_resident_files
from initiatives import rules
from initiatives.models import (
    EntryKind,
    HelpOffer,
    Initiative,
    Initiator,
    TimelineEntry,
)


def initiator_data(initiative: Initiative) -> dict:
    """What we hold about the initiator of ``initiative``: contact details, texts, timeline."""
    initiator = Initiator.objects.filter(initiative=initiative).first()
    entries = initiative.timeline.for_initiator().order_by("created_at", "pk")
    feedback = Initiative.feedback.related.related_model.objects.filter(initiative=initiative)
    answer = feedback.filter(answered_at__isnull=False).first()
    return {
        "initiative": {
            "id": initiative.pk,
            "title": initiative.title,
            "description": initiative.description,
            "wijk": initiative.neighbourhood.name,
            "priorities": [priority.name for priority in initiative.priorities.all()],
            "needs": list(initiative.needs),
            "amount_requested": _amount(initiative.amount_requested),
            "amount_granted": _amount(initiative.amount_granted),
            "submitted_at": (initiative.submitted_at),
            "status": initiative.status,
            "status_label": str(initiative.get_status_display()),
            "published": initiative.is_published,
            "public_title": initiative.public_title,
            "public_summary": initiative.public_summary,
            "language": initiative.language,
        },
        "contact_details": None
        if initiator is None
        else {
            "name": initiator.name,
            "email": initiator.email,
            "phone": initiator.phone,
            "consent_at": (initiator.consent_at),
            "anonymised_at": (initiator.anonymised_at),
            "mail_stopped_at": (initiator.mail_stopped_at),
        },
        "timeline": [
            {
                "created_at": (entry.created_at),
                "kind": entry.kind,
                "kind_label": str(entry.get_kind_display()),
                "to_status": entry.to_status,
                "to_status_label": str(entry.get_to_status_display()) if entry.to_status else "",
                "text": entry.public_text,
            }
            for entry in entries
        ],
        # The initiator's own photos (the stored copies, without their metadata); the
        # files themselves are on the tracking page.
        "attachments": [
            {
                "id": attachment.pk,
                "added_at": attachment.created_at,
                "content_type": attachment.content_type,
                "size": attachment.size,
                "published": attachment.is_published,
                "description": attachment.alt_text,
            }
            for attachment in Attachment.objects.filter(initiative=initiative).from_initiator()
        ],
        # The answers to the questions afterwards (feedback app), if given.
        "feedback": None
        if answer is None
        else {
            "helped": answer.helped,
            "helped_label": str(answer.get_helped_display()),
            "improvement": answer.improvement,
            "answered_at": answer.answered_at,
        },
    }


def help_offer_data(offer: HelpOffer) -> dict:
    """What we hold about a helper: their offer and which initiative it was for."""
    return {
        "help_offer": {
            "id": offer.pk,
            "name": offer.name,
            "email": offer.email,
            "phone": offer.phone,
            "offer_kinds": list(offer.offer_kinds),
            "message": offer.message,
            "consent_at": (offer.consent_at),
            "created_at": (offer.created_at),
            "connected": offer.is_connected,
            "anonymised_at": (offer.anonymised_at),
            "mail_stopped_at": (offer.mail_stopped_at),
            "language": offer.language,
        },
        "initiative": {
            "id": offer.initiative_id,
            "public_title": offer.initiative.public_title if offer.initiative.is_published else "",
        },
    }


def _amount(value) -> str | None:
    return None if value is None else str(value)


# --- Who finds what -----------------------------------------------------------------------


def find_by_email(email: str) -> tuple[QuerySet, QuerySet]:
    """Initiatives whose initiator, and help offers whose helper, used this address."""
    email = email.strip()
    initiatives = (
        Initiative.objects.filter(initiator__email__iexact=email)
        .select_related("neighbourhood", "initiator")
        .order_by("-submitted_at", "-pk")
    )
    offers = (
        HelpOffer.objects.filter(email__iexact=email)
        .select_related("initiative")
        .order_by("-created_at", "-pk")
    )
    return initiatives, offers


# --- Logged actions -----------------------------------------------------------------------


def _note(initiative_id: int, actor, text: str) -> None:
    TimelineEntry.objects.create(
        initiative_id=initiative_id, kind=EntryKind.DATA_REQUEST, actor=actor, internal_note=text
    )


def record_export(initiative_id: int, *, actor, what: str) -> None:
    """A coordinator downloaded a resident's data (an access request by letter or e-mail)."""
    if not rules.can_handle_data_requests(actor):
        raise PermissionDenied
    _note(initiative_id, actor, f"AVG-inzageverzoek: {what} gedownload.")


def _clear_feedback(initiatives) -> None:
    """What the initiator wrote afterwards ("Wat kan beter?", feedback app) may be personal;
    the score stays for the figures. The table is reached by its relation's name."""
    feedback = Initiative.feedback.related.related_model
    feedback.objects.filter(initiative__in=initiatives).exclude(improvement="").update(
        improvement=""
    )


def _clear_initiator(initiative_ids: list[int], now) -> int:
    """The retention run's clearing (anonymise_closed) for these initiatives."""
    cleared = Initiator.objects.filter(
        initiative__in=initiative_ids, anonymised_at__isnull=True
    ).update(**Initiator.anonymised(now))
    TimelineEntry.objects.filter(initiative__in=initiative_ids).personal_texts().update(
        public_text=""
    )
    # The initiator's photos go (their files once this commits); brokers' documents stay.
    remove_resident_files(initiative_ids)
    _clear_feedback(initiative_ids)
    return cleared


@transaction.atomic
def erase_initiator(initiative: Initiative, *, actor=None) -> None:
    """Anonymise the initiator now: at their own request (``actor`` None) or a coordinator's."""
    if actor is not None and not rules.can_handle_data_requests(actor):
        raise PermissionDenied
    _clear_initiator([initiative.pk], timezone.now())
    if actor is None:
        text = "AVG-verwijderverzoek van de initiatiefnemer: persoonsgegevens gewist."
    else:
        text = (
            "AVG-verwijderverzoek (brief of e-mail): persoonsgegevens van de initiatiefnemer "
            "gewist."
        )
    _note(initiative.pk, actor, text)


@transaction.atomic
def erase_help_offer(offer: HelpOffer, *, actor) -> None:
    if not rules.can_handle_data_requests(actor):
        raise PermissionDenied
    HelpOffer.objects.filter(pk=offer.pk, anonymised_at__isnull=True).update(
        **HelpOffer.anonymised(timezone.now())
    )
    _note(
        offer.initiative_id,
        actor,
        f"AVG-verwijderverzoek (brief of e-mail): hulpaanbod {offer.pk} gewist.",
    )


# --- Retention --------------------------------------------------------------------------


def anonymise_closed(before: datetime, *, now: datetime | None = None) -> tuple[int, int]:
    """Remove personal data of initiatives closed before ``before``; return (initiators, offers)."""
    now = now or timezone.now()
    closed = Initiative.objects.closed().filter(closed_at__lt=before)
    with transaction.atomic():
        initiators = Initiator.objects.filter(
            initiative__in=closed, anonymised_at__isnull=True
        ).update(**Initiator.anonymised(now))
        offers = HelpOffer.objects.filter(initiative__in=closed, anonymised_at__isnull=True).update(
            **HelpOffer.anonymised(now)
        )
        # What the initiator wrote (replies, a withdrawal reason) and what was written to
        # them by name may carry personal details too.
        TimelineEntry.objects.filter(initiative__in=closed).personal_texts().update(public_text="")
        # The initiator's photos go (their files once this commits); brokers' documents stay.
        remove_resident_files(closed)
        _clear_feedback(closed)
    return initiators, offers
