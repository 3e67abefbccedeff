"""Granting money draws from a budget pot; more than is left needs a coordinator."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction

from budgets import services as budget_services
from budgets.models import BudgetPot, Grant
from initiatives import services
from initiatives.models import EntryKind, Initiative, Status, TimelineEntry
from tests.factories import BudgetPotFactory, InitiativeFactory, priority

pytestmark = pytest.mark.django_db


@pytest.fixture
def pot(wijk_a):
    return BudgetPotFactory(neighbourhood=wijk_a, name="Wijkbudget A 2026", amount=Decimal(1000))


@pytest.fixture
def in_intake(wijk_a):
    return InitiativeFactory(neighbourhood=wijk_a, status=Status.INTAKE)


def _pot(pot: BudgetPot) -> tuple[Decimal, Decimal]:
    pot.refresh_from_db()
    return pot.granted, pot.left


def test_a_grant_draws_from_the_pot_and_is_on_the_timeline(in_intake, pot, broker_a):
    initiative = budget_services.grant_money(
        in_intake, Decimal(600), pot=pot, actor=broker_a, note="Voor de speeltuin."
    )
    assert initiative.amount_granted == Decimal(600)
    assert _pot(pot) == (Decimal(600), Decimal(400))
    grant = Grant.objects.get(initiative=in_intake)
    assert (grant.pot, grant.amount, grant.granted_by) == (pot, Decimal(600), broker_a)
    entry = TimelineEntry.objects.get(initiative=in_intake, kind=EntryKind.AMOUNT_GRANTED)
    assert entry.actor == broker_a
    assert "Wijkbudget A 2026" in entry.internal_note
    assert "Voor de speeltuin." in entry.internal_note


def test_changing_a_grant_draws_only_the_difference(in_intake, pot, broker_a):
    budget_services.grant_money(in_intake, Decimal(600), pot=pot, actor=broker_a)
    budget_services.grant_money(in_intake, Decimal(900), pot=pot, actor=broker_a)
    assert _pot(pot) == (Decimal(900), Decimal(100))
    budget_services.grant_money(in_intake, Decimal(200), pot=pot, actor=broker_a)
    assert _pot(pot) == (Decimal(200), Decimal(800))
    assert Grant.objects.count() == 1


def test_moving_a_grant_to_another_pot_returns_the_money_to_the_first(
    in_intake, pot, wijk_a, broker_a
):
    other = BudgetPotFactory(neighbourhood=wijk_a, name="Extra middelen", amount=Decimal(500))
    budget_services.grant_money(in_intake, Decimal(300), pot=pot, actor=broker_a)
    budget_services.grant_money(in_intake, Decimal(300), pot=other, actor=broker_a)
    assert _pot(pot) == (Decimal(0), Decimal(1000))
    assert _pot(other) == (Decimal(300), Decimal(200))


def test_a_broker_cannot_grant_more_than_is_left(in_intake, pot, wijk_a, broker_a):
    first = InitiativeFactory(neighbourhood=wijk_a, status=Status.INTAKE)
    budget_services.grant_money(first, Decimal(700), pot=pot, actor=broker_a)
    with pytest.raises(services.WorkflowError) as refused:
        budget_services.grant_money(in_intake, Decimal("300.01"), pot=pot, actor=broker_a)
    assert str(refused.value) == (
        "In “Wijkbudget A 2026” is nog € 300,00 over. "
        "Voor een hoger bedrag is een coördinator nodig."
    )
    assert _pot(pot) == (Decimal(700), Decimal(300))
    assert Initiative.objects.get(pk=in_intake.pk).amount_granted is None
    assert not Grant.objects.filter(initiative=in_intake).exists()
    # Exactly what is left is fine.
    budget_services.grant_money(in_intake, Decimal(300), pot=pot, actor=broker_a)
    assert _pot(pot) == (Decimal(1000), Decimal(0))


def test_a_coordinator_may_overdraw_a_pot_and_brokers_cannot_draw_further(
    in_intake, pot, wijk_a, broker_a, coordinator
):
    budget_services.grant_money(in_intake, Decimal(1200), pot=pot, actor=coordinator)
    assert _pot(pot) == (Decimal(1200), Decimal(-200))
    assert pot.overdraft == Decimal(200)
    other = InitiativeFactory(neighbourhood=wijk_a, status=Status.INTAKE)
    with pytest.raises(services.WorkflowError, match="nog € 0,00 over"):
        budget_services.grant_money(other, Decimal(1), pot=pot, actor=broker_a)
    # Lowering a grant in an overdrawn pot is always allowed, and shrinks the overdraft.
    budget_services.grant_money(in_intake, Decimal(1100), pot=pot, actor=broker_a)
    pot.refresh_from_db()
    assert (pot.granted, pot.overdraft) == (Decimal(1100), Decimal(100))


def test_the_database_refuses_an_overdrawn_pot(pot):
    with pytest.raises(IntegrityError), transaction.atomic():
        BudgetPot.objects.filter(pk=pot.pk).update(granted=Decimal("1000.01"))


def test_money_comes_only_from_a_pot_of_the_initiatives_wijk(in_intake, wijk_b, coordinator):
    elsewhere = BudgetPotFactory(neighbourhood=wijk_b)
    with pytest.raises(services.WorkflowError, match="wijk van dit initiatief"):
        budget_services.grant_money(in_intake, Decimal(10), pot=elsewhere, actor=coordinator)
    assert _pot(elsewhere) == (Decimal(0), Decimal(1000))


def test_an_earmarked_pot_is_for_initiatives_with_its_priority(in_intake, wijk_a, broker_a):
    kinderen = priority("kinderen")
    earmarked = BudgetPotFactory(neighbourhood=wijk_a, priority=kinderen, name="Kansen")
    with pytest.raises(services.WorkflowError, match="alleen voor initiatieven"):
        budget_services.grant_money(in_intake, Decimal(10), pot=earmarked, actor=broker_a)
    in_intake.priorities.add(kinderen)
    budget_services.grant_money(in_intake, Decimal(10), pot=earmarked, actor=broker_a)
    assert _pot(earmarked)[0] == Decimal(10)


def test_a_broker_of_another_wijk_may_not_grant(in_intake, pot, broker_b):
    with pytest.raises(PermissionDenied):
        budget_services.grant_money(in_intake, Decimal(10), pot=pot, actor=broker_b)


def test_no_money_before_intake(wijk_a, pot, broker_a):
    initiative = InitiativeFactory(neighbourhood=wijk_a)
    with pytest.raises(services.WorkflowError, match="in gesprek"):
        budget_services.grant_money(initiative, Decimal(10), pot=pot, actor=broker_a)


def test_a_negative_amount_is_refused(in_intake, pot, broker_a):
    with pytest.raises(services.WorkflowError):
        budget_services.grant_money(in_intake, Decimal(-1), pot=pot, actor=broker_a)


@pytest.mark.parametrize("withdrawn_by", ["initiator", "broker"])
def test_withdrawing_returns_the_money_to_the_pot_on_the_timeline(
    in_intake, pot, broker_a, withdrawn_by
):
    budget_services.grant_money(in_intake, Decimal(400), pot=pot, actor=broker_a)
    initiative = Initiative.objects.get(pk=in_intake.pk)
    if withdrawn_by == "initiator":
        services.withdraw_as_initiator(initiative, "We stoppen ermee.")
    else:
        services.change_status(
            initiative, Status.WITHDRAWN, actor=broker_a, public_text="Op uw verzoek."
        )
    assert _pot(pot) == (Decimal(0), Decimal(1000))
    assert not Grant.objects.exists()
    assert Initiative.objects.get(pk=in_intake.pk).amount_granted is None
    entry = TimelineEntry.objects.get(initiative=in_intake, kind=EntryKind.MONEY_RELEASED)
    assert entry.actor == (None if withdrawn_by == "initiator" else broker_a)
    assert "€ 400,00" in entry.internal_note
    assert "Wijkbudget A 2026" in entry.internal_note


def test_withdrawing_without_a_grant_releases_nothing(in_intake, broker_a):
    services.withdraw_as_initiator(in_intake)
    assert not TimelineEntry.objects.filter(kind=EntryKind.MONEY_RELEASED).exists()


def test_only_coordinators_keep_pots(wijk_a, broker_a, coordinator):
    with pytest.raises(PermissionDenied):
        budget_services.save_pot(
            BudgetPot(neighbourhood=wijk_a, year=2027, name="X", amount=1), actor=broker_a
        )
    pot = budget_services.save_pot(
        BudgetPot(neighbourhood=wijk_a, year=2027, name="Wijkbudget 2027", amount=Decimal(5000)),
        actor=coordinator,
    )
    assert BudgetPot.objects.get(pk=pot.pk).amount == Decimal(5000)
    with pytest.raises(services.WorkflowError, match="al een budget met die naam"):
        budget_services.save_pot(
            BudgetPot(neighbourhood=wijk_a, year=2027, name="Wijkbudget 2027", amount=1),
            actor=coordinator,
        )


def test_a_coordinator_lowering_a_pot_below_its_grants_overdraws_it(
    in_intake, pot, broker_a, coordinator
):
    budget_services.grant_money(in_intake, Decimal(800), pot=pot, actor=broker_a)
    pot.refresh_from_db()
    pot.amount = Decimal(500)
    budget_services.save_pot(pot, actor=coordinator)
    pot.refresh_from_db()
    assert (pot.amount, pot.granted, pot.overdraft, pot.left) == (
        Decimal(500),
        Decimal(800),
        Decimal(300),
        Decimal(-300),
    )
