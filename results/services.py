"""Recording what a completed initiative achieved.

Like ``initiatives.services``: the actor is explicit, ``initiatives.rules`` decides, the
initiative's row is locked, one transaction, and the change leaves a timeline entry. There
is no timeline kind of its own (that would change the initiatives app's table): the entry
is an internal note (``EntryKind.NOTE``) that starts with "Resultaat vastgelegd".
"""

from datetime import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from initiatives import rules
from initiatives.models import EntryKind, Initiative
from initiatives.services import WorkflowError, _entry, _lock
from results.models import Result
from wijkaanpak.money import money


def record_result(
    initiative: Initiative,
    *,
    actor,
    residents_reached: int,
    volunteers: int,
    partners_involved: int | None = None,
    money_spent: Decimal | None = None,
    story: str = "",
    is_public: bool = False,
    now: datetime | None = None,
) -> Result:
    """Record the result of a completed initiative, or change the one recorded.

    ``partners_involved`` None: the partners linked to the initiative.
    """
    if not rules.can_manage(actor, initiative):
        raise PermissionDenied
    if min(residents_reached, volunteers, partners_involved or 0) < 0:
        raise WorkflowError(_("Een aantal kan niet negatief zijn."))
    if money_spent is not None and money_spent < 0:
        raise WorkflowError(_("Een bedrag kan niet negatief zijn."))
    now = now or timezone.now()
    with transaction.atomic():
        current = _lock(initiative, None)
        # Asked again of the locked row: a colleague may have reopened it just now.
        if not rules.can_record_result(actor, current):
            raise WorkflowError(_("Een resultaat kan pas als het initiatief is afgerond."))
        if partners_involved is None:
            partners_involved = current.partner_links.count()
        values = {
            "residents_reached": residents_reached,
            "volunteers": volunteers,
            "partners_involved": partners_involved,
            "money_spent": money_spent,
            "story": story.strip(),
            "is_public": is_public,
            "updated_at": now,
        }
        result, created = Result.objects.update_or_create(
            initiative=current,
            defaults=values,
            create_defaults={**values, "recorded_by": actor, "recorded_at": now},
        )
        summary = _(
            "%(residents)s bewoners bereikt, %(volunteers)s vrijwilligers, "
            "%(partners)s partners, uitgegeven: %(spent)s."
        ) % {
            "residents": residents_reached,
            "volunteers": volunteers,
            "partners": partners_involved,
            "spent": money(money_spent) if money_spent is not None else _("onbekend"),
        }
        heading = _("Resultaat vastgelegd") if created else _("Resultaat bijgewerkt")
        shown = _("Openbaar.") if is_public else _("Niet openbaar.")
        _entry(current, EntryKind.NOTE, actor, now, internal_note=f"{heading}: {summary} {shown}")
    return result
