"""What needs a broker now: follow-up dates, "Gezien", and a resident's link on paper.

Services in the manner of ``initiatives.services``: the acting user explicitly, the rights
from ``initiatives.rules``, one transaction, and a timeline entry saying who did what.
"""

from datetime import date, datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from initiatives import rules
from initiatives.models import EntryKind, Initiative
from initiatives.services import WorkflowError, _entry, _lock, _save


def set_follow_up(
    initiative: Initiative,
    on: date | None,
    reason: str = "",
    *,
    actor,
    now: datetime | None = None,
) -> Initiative:
    """Come back to it on ``on`` ("bel terug na de vakantie"); None removes the date."""
    if not rules.can_set_follow_up(actor, initiative):
        raise PermissionDenied
    reason = reason.strip()
    if on is not None and not reason:
        raise WorkflowError(_("Schrijf op waarom u dit wilt opvolgen."))
    now = now or timezone.now()
    with transaction.atomic():
        current = _lock(initiative, None)
        current.follow_up_on = on
        current.follow_up_reason = reason if on is not None else ""
        _save(current, "follow_up_on", "follow_up_reason", now=now)
        if on is None:
            note = str(_("Geen datum meer om op te volgen."))
        else:
            note = f"{date_format(on, 'j F Y')}: {reason}"
        _entry(current, EntryKind.FOLLOW_UP, actor, now, internal_note=note)
    return current


def handle_attention(initiative: Initiative, *, actor, now: datetime | None = None) -> Initiative:
    """A reply or help offer needs nothing more: it leaves "Actie nodig"."""
    if not rules.can_manage(actor, initiative):
        raise PermissionDenied
    now = now or timezone.now()
    with transaction.atomic():
        current = _lock(initiative, None)
        if current.initiator_replied_at is None and current.help_waiting_since is None:
            return current
        current.initiator_replied_at = None
        current.help_waiting_since = None
        _save(current, "initiator_replied_at", "help_waiting_since", now=now)
        _entry(current, EntryKind.ATTENTION_HANDLED, actor, now)
    return current


def new_tracking_link(initiative: Initiative, *, actor, now: datetime | None = None) -> str:
    """A new private link for the resident (a lost letter); the old one stops working."""
    if not rules.can_print_letter(actor, initiative):
        raise PermissionDenied
    now = now or timezone.now()
    with transaction.atomic():
        current = _lock(initiative, None)
        token = current.issue_tracking_token()
        _save(current, "tracking_nonce", "tracking_token_hash", now=now)
        _entry(current, EntryKind.NEW_TRACKING_LINK, actor, now)
    return token
