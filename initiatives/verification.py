"""Verified support: a resident confirms "Ik steun dit" from an address inside the wijk.

Postcode, house number and an e-mail address go in; a link comes back by e-mail (double
opt-in). The address must lie in the initiative's wijk: its house-number range where a PC6
spans two wijken (from the CBS import), else its PC6, else its PC4. Only an HMAC of the
address (keyed with SECRET_KEY) is stored, so the database holds no address, and one
address counts once per initiative. The e-mail address is deleted as soon as the link is
used, and requests whose link was never used are deleted when they expire.
"""

import hashlib
import re
import secrets
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from initiatives import rules, tasks
from initiatives.models import Initiative, SupportConfirmation, VerifiedSupport
from initiatives.services import WorkflowError
from neighbourhoods.models import Neighbourhood

LINK_VALID = timedelta(days=7)
HOUSE_NUMBER = re.compile(r"^\s*(\d{1,5})\s*[-\s]?\s*([a-zA-Z0-9]{0,6})\s*$")


def normalise_house_number(value: str) -> str | None:
    """ "12", "12a", "12 A", "12-bis" → "12", "12A", "12A", "12BIS"; None if not a number."""
    match = HOUSE_NUMBER.match(value or "")
    if not match or int(match.group(1)) == 0:
        return None
    return str(int(match.group(1))) + match.group(2).upper()


def address_hash(postcode: str, house_number: str) -> str:
    """The one form an address is kept in: a keyed hash, never the address itself."""
    return salted_hmac(
        "wijkaanpak.address", f"{postcode}:{house_number}", algorithm="sha256"
    ).hexdigest()


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def request_confirmation(
    initiative: Initiative,
    *,
    postcode: str,
    house_number: str,
    email: str,
    language: str = "nl",
    now: datetime | None = None,
) -> SupportConfirmation:
    """Check that the address lies in the initiative's wijk and send the confirmation link.

    ``postcode`` and ``house_number`` as the form normalised them (PC6, "12A").
    """
    if not rules.public_can_support(initiative):
        raise WorkflowError(_("U kunt dit idee niet meer steunen."))
    number = int(re.match(r"\d+", house_number).group())
    wijk = Neighbourhood.objects.for_address(postcode, number)
    if wijk is None or wijk.pk != initiative.neighbourhood_id:
        raise WorkflowError(
            _(
                "Dit adres ligt niet in %(wijk)s. Alleen bewoners van %(wijk)s kunnen hun "
                "steun met hun adres bevestigen. Klopt de postcode?"
            )
            % {"wijk": initiative.neighbourhood.name}
        )
    now = now or timezone.now()
    confirmation = SupportConfirmation(
        initiative=initiative,
        address_hash=address_hash(postcode, house_number),
        email=email,
        nonce=secrets.token_hex(16),
        created_at=now,
    )
    confirmation.token_hash = _token_hash(confirmation.token())
    with transaction.atomic():
        # Requests whose link was never used go, with their e-mail addresses.
        SupportConfirmation.objects.filter(
            created_at__lt=now - LINK_VALID, confirmed_at__isnull=True
        ).delete()
        confirmation.save()
        transaction.on_commit(
            lambda: tasks.send_support_confirmation.enqueue(
                confirmation_id=confirmation.pk, language=language
            )
        )
    return confirmation


def confirm(token: str, *, now: datetime | None = None) -> tuple[Initiative, bool]:
    """Use a confirmation link: the initiative, and whether this address now counts anew."""
    now = now or timezone.now()
    with transaction.atomic():
        # Locked: a double click confirms once. Only this row (not the initiative's).
        confirmation = (
            SupportConfirmation.objects.select_for_update()
            .filter(token_hash=_token_hash(token))
            .first()
        )
        if confirmation is None:
            raise WorkflowError(_("Deze link kennen we niet. Vraag een nieuwe link aan."))
        if confirmation.confirmed_at is not None:
            raise WorkflowError(_("Deze link is al gebruikt. Uw steun telt al mee."))
        expired = confirmation.created_at < now - LINK_VALID
        if expired:
            confirmation.delete()  # with its e-mail address; the refusal follows the commit
        else:
            try:
                with transaction.atomic():
                    VerifiedSupport.objects.create(
                        initiative_id=confirmation.initiative_id,
                        address_hash=confirmation.address_hash,
                        created_at=now,
                    )
                added = True
            except IntegrityError:
                added = False  # this address already counts for this initiative
            confirmation.confirmed_at = now
            confirmation.email = ""
            confirmation.save(update_fields=["confirmed_at", "email"])
    if expired:
        raise WorkflowError(_("Deze link is verlopen. Vraag een nieuwe link aan."))
    return Initiative.objects.get(pk=confirmation.initiative_id), added
