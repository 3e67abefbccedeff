"""Drawing money from a pot and putting it back: the pot arithmetic, under the pot's lock.

Called inside a service's transaction, after the initiative's row is locked (always that
order, initiative first and pots by primary key, so two grants cannot deadlock). The
update adds to ``granted`` in SQL, so the database's ``budget_pot_not_overdrawn`` check
sees the real sum even if a caller forgot the lock.
"""

from datetime import datetime
from decimal import Decimal

from django.db.models import F

from budgets.models import BudgetPot, Grant
from initiatives.models import EntryKind, Initiative, TimelineEntry
from wijkaanpak.money import money


class PotTooSmall(Exception):
    """The grant is larger than what is left in the pot, and the actor may not overdraw it."""

    def __init__(self, pot: BudgetPot) -> None:
        super().__init__(pot.name)
        self.pot = pot


def lock_pots(*pot_ids: int | None) -> dict[int, BudgetPot]:
    """Lock the given pots (FOR NO KEY UPDATE, like initiatives: see services._lock)."""
    wanted = sorted({pot_id for pot_id in pot_ids if pot_id is not None})
    pots = BudgetPot.objects.select_for_update(no_key=True).filter(pk__in=wanted).order_by("pk")
    return {pot.pk: pot for pot in pots}


def move(pot: BudgetPot, delta: Decimal, *, may_overdraw: bool) -> None:
    """Add ``delta`` to what the locked ``pot`` has granted (negative: money comes back).

    Beyond the amount only when ``may_overdraw`` (a coordinator); what they allowed beyond
    it shrinks again as money comes back, and brokers never widen it.
    """
    granted = pot.granted + delta
    beyond = max(Decimal(0), granted - pot.amount)
    if may_overdraw:
        overdraft = beyond
    elif delta > 0 and granted > pot.amount + pot.overdraft:
        raise PotTooSmall(pot)
    else:
        overdraft = min(pot.overdraft, beyond)
    BudgetPot.objects.filter(pk=pot.pk).update(granted=F("granted") + delta, overdraft=overdraft)
    pot.granted, pot.overdraft = granted, overdraft


def release(initiative: Initiative, *, actor, now: datetime) -> list[str]:
    """Return a (locked) initiative's grant to its pot; the fields of the initiative to save."""
    grant = Grant.objects.filter(initiative=initiative).first()
    if grant is None:
        return []
    pot = lock_pots(grant.pot_id)[grant.pot_id]
    move(pot, -grant.amount, may_overdraw=False)
    grant.delete()
    initiative.amount_granted = None
    TimelineEntry.objects.create(
        initiative=initiative,
        kind=EntryKind.MONEY_RELEASED,
        actor=actor,
        created_at=now,
        internal_note=f"{money(grant.amount)} → {pot.name}",
    )
    return ["amount_granted"]
