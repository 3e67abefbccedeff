"""The budget workflows: a coordinator keeps the pots, a broker grants money from one.

Like ``initiatives.services``: the actor is explicit, ``initiatives.rules`` decides, rows
are locked, one transaction, and every change to an initiative leaves a timeline entry.
Money goes back to its pot when an initiative is withdrawn (``initiatives.services``
calls ``budgets.ledger.release``).
"""

from datetime import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from budgets import ledger
from budgets.models import BudgetPot, Contribution, Grant
from initiatives import rules
from initiatives.models import EntryKind, Initiative, Partner
from initiatives.services import WorkflowError, _entry, _lock, _save
from wijkaanpak.money import money


def save_pot(pot: BudgetPot, *, actor, now: datetime | None = None) -> BudgetPot:
    """Create a pot or change one (its amount, name, year, earmark); coordinators only."""
    if not rules.can_manage_budget_pots(actor):
        raise PermissionDenied
    with transaction.atomic():
        if pot.pk is None:
            pot.created_at = now or timezone.now()
            pot.granted = pot.overdraft = Decimal(0)
            try:
                with transaction.atomic():
                    pot.save()
            except IntegrityError as error:
                raise WorkflowError(
                    _("Deze wijk heeft dit jaar al een budget met die naam.")
                ) from error
            return pot
        current = ledger.lock_pots(pot.pk)[pot.pk]
        if pot.neighbourhood_id != current.neighbourhood_id and current.granted:
            raise WorkflowError(_("Er is al geld uit dit budget toegekend: de wijk blijft."))
        # A coordinator may lower the amount below what is granted: that is an overdraft.
        pot.granted = current.granted
        pot.overdraft = max(Decimal(0), current.granted - pot.amount)
        try:
            with transaction.atomic():
                pot.save(
                    update_fields=[
                        "neighbourhood",
                        "year",
                        "priority",
                        "name",
                        "description",
                        "amount",
                        "overdraft",
                    ]
                )
        except IntegrityError as error:
            raise WorkflowError(
                _("Deze wijk heeft dit jaar al een budget met die naam.")
            ) from error
    return pot


def grant_money(
    initiative: Initiative,
    amount: Decimal,
    *,
    pot: BudgetPot,
    actor,
    note: str = "",
    expected_version: int | None = None,
    now: datetime | None = None,
) -> Initiative:
    """Grant ``amount`` from ``pot``, replacing the initiative's earlier grant (if any).

    More than is left in the pot needs a coordinator; a broker gets a ``WorkflowError``.
    """
    if not rules.can_manage(actor, initiative):
        raise PermissionDenied
    if not rules.can_grant_money(actor, initiative):
        raise WorkflowError(
            _("Geld toekennen kan pas als u met de initiatiefnemer in gesprek bent.")
        )
    if amount < 0:
        raise WorkflowError(_("Een bedrag kan niet negatief zijn."))
    if not rules.can_draw_from(initiative, pot):
        raise WorkflowError(_("Kies een budget van de wijk van dit initiatief."))
    if pot.priority_id and not initiative.priorities.filter(pk=pot.priority_id).exists():
        raise WorkflowError(
            _("Dit budget is alleen voor initiatieven met de prioriteit “%(priority)s”.")
            % {"priority": pot.priority.label}
        )
    now = now or timezone.now()
    may_overdraw = rules.can_overdraw_budget_pot(actor)
    with transaction.atomic():
        current = _lock(initiative, expected_version)
        existing = Grant.objects.filter(initiative=current).first()
        pots = ledger.lock_pots(pot.pk, existing and existing.pot_id)
        target = pots[pot.pk]
        try:
            if existing and existing.pot_id != pot.pk:
                ledger.move(pots[existing.pot_id], -existing.amount, may_overdraw=may_overdraw)
                ledger.move(target, amount, may_overdraw=may_overdraw)
            else:
                previous = existing.amount if existing else Decimal(0)
                ledger.move(target, amount - previous, may_overdraw=may_overdraw)
        except ledger.PotTooSmall as error:
            left = error.pot.left + (
                existing.amount if existing and existing.pot_id == pot.pk else 0
            )
            raise WorkflowError(
                _(
                    "In “%(pot)s” is nog %(left)s over. "
                    "Voor een hoger bedrag is een coördinator nodig."
                )
                % {"pot": error.pot.name, "left": money(max(left, Decimal(0)))}
            ) from error
        Grant.objects.update_or_create(
            initiative=current,
            defaults={"pot": target, "amount": amount, "granted_by": actor, "granted_at": now},
        )
        current.amount_granted = amount
        _save(current, "amount_granted", now=now)
        _entry(
            current,
            EntryKind.AMOUNT_GRANTED,
            actor,
            now,
            internal_note=f"{money(amount)} ({target.name}). {note}".strip(),
        )
    return current


def add_contribution(
    initiative: Initiative,
    partner: Partner,
    *,
    kind: str,
    value: Decimal,
    description: str = "",
    actor,
    now: datetime | None = None,
) -> Contribution:
    """Record a partner's co-funding: money, or space, materials or hours at their value."""
    if not rules.can_record_contribution(actor, initiative):
        raise PermissionDenied
    if value < 0:
        raise WorkflowError(_("Een bedrag kan niet negatief zijn."))
    if not partner.is_active:
        raise WorkflowError(_("Deze partner is niet meer actief."))
    now = now or timezone.now()
    with transaction.atomic():
        current = _lock(initiative, None)
        contribution = Contribution.objects.create(
            initiative=current,
            partner=partner,
            kind=kind,
            value=value,
            description=description.strip(),
            created_by=actor,
            created_at=now,
        )
        _entry(
            current,
            EntryKind.CONTRIBUTION_ADDED,
            actor,
            now,
            internal_note=f"{partner.name}: {contribution.get_kind_display()}, {money(value)}",
        )
    return contribution
