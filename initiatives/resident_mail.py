"""The way out of our e-mail for residents: initiators and helpers.

Every e-mail to a resident carries a stop link, /wijkpost/bewoner/<token>/stoppen/, and the
``List-Unsubscribe`` headers, so a mail program's own "unsubscribe" button works too. The
token is signed (``django.core.signing``, with its own salt) and names the kind of contact and
its id. It does not expire: the link in an old e-mail keeps working. It is no secret worth
guarding beyond what it does: it only stops mail, and the page it opens shows no personal
data. The worker makes it from the ids a task carries, so a queued task holds no link.

Stopping sets ``mail_stopped_at``; the tracking link keeps working, and the brokers see on
the timeline that the resident wants no more e-mail.
"""

from datetime import datetime

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from initiatives.models import ContactDetails, EntryKind, HelpOffer, Initiator, TimelineEntry

SALT = "initiatives.resident_mail.stop"
# The kind in the token: one letter per kind of contact.
MODELS: dict[str, type[ContactDetails]] = {"i": Initiator, "h": HelpOffer}
# What the brokers read on the timeline (internal, in Dutch like the other internal notes).
STOPPED_NOTE = {
    Initiator: "De initiatiefnemer wil geen e-mail meer (via de link in een e-mail).",
    HelpOffer: "Iemand die hulp aanbood wil geen e-mail meer (via de link in een e-mail).",
}


def _kind(contact: ContactDetails) -> str:
    return next(kind for kind, model in MODELS.items() if isinstance(contact, model))


def stop_token(contact: ContactDetails) -> str:
    return signing.dumps([_kind(contact), contact.pk], salt=SALT)


def stop_url(contact: ContactDetails) -> str:
    path = reverse("initiatives:stop_resident_mail", kwargs={"token": stop_token(contact)})
    return settings.SITE_URL + path


def contact_for_token(token: str) -> ContactDetails | None:
    """The initiator or helper a stop link names; None for a link we did not make."""
    try:
        kind, pk = signing.loads(token, salt=SALT)
    except (signing.BadSignature, TypeError, ValueError):
        return None
    model = MODELS.get(kind) if isinstance(kind, str) else None
    if model is None or not isinstance(pk, int):
        return None
    return model.objects.filter(pk=pk).first()


def may_mail(contact: ContactDetails) -> bool:
    """Whether we may e-mail this resident: an address, not anonymised, not stopped."""
    return bool(contact.email) and contact.anonymised_at is None and contact.mail_stopped_at is None


def stop_mail(contact: ContactDetails, *, now: datetime | None = None) -> bool:
    """No more e-mail to this resident; False when they had stopped it already.

    The resident acts without an account: the signed link is their authority. Stopping
    twice (a double click, a mail program's button and the page) changes nothing.
    """
    now = now or timezone.now()
    model = type(contact)
    with transaction.atomic():
        stopped = model.objects.filter(pk=contact.pk, mail_stopped_at__isnull=True).update(
            mail_stopped_at=now
        )
        if stopped:
            TimelineEntry.objects.create(
                initiative_id=contact.initiative_id,
                kind=EntryKind.DATA_REQUEST,
                created_at=now,
                internal_note=STOPPED_NOTE[model],
            )
    contact.refresh_from_db(fields=["mail_stopped_at"])
    return bool(stopped)
