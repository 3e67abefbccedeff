"""Budget pots in the admin: coordinators create and change them, brokers only look."""

from decimal import Decimal

import pytest
from django.urls import reverse

from budgets import services as budget_services
from budgets.models import BudgetPot
from initiatives.models import Status
from tests.factories import BudgetPotFactory, InitiativeFactory
from tests.initiatives.admin.helpers import make_staff

pytestmark = pytest.mark.django_db

ADD = reverse("admin:budgets_budgetpot_add")
CHANGELIST = reverse("admin:budgets_budgetpot_changelist")


def change_url(pot) -> str:
    return reverse("admin:budgets_budgetpot_change", args=[pot.pk])


def test_a_coordinator_creates_a_pot_in_the_admin(client, coordinator, wijk_a):
    client.force_login(make_staff(coordinator))
    assert client.get(ADD).status_code == 200
    response = client.post(
        ADD,
        {
            "neighbourhood": wijk_a.pk,
            "year": "2027",
            "priority": "",
            "name": "Wijkbudget 2027",
            "description": "Voor ideeën van bewoners.",
            "amount": "25000",
        },
    )
    assert response.status_code == 302
    pot = BudgetPot.objects.get()
    assert (pot.neighbourhood, pot.year, pot.amount, pot.granted) == (
        wijk_a,
        2027,
        Decimal(25000),
        Decimal(0),
    )


def test_a_name_used_twice_in_a_year_is_a_form_error(client, coordinator, wijk_a):
    BudgetPotFactory(neighbourhood=wijk_a, year=2027, name="Wijkbudget 2027")
    client.force_login(make_staff(coordinator))
    response = client.post(
        ADD,
        {"neighbourhood": wijk_a.pk, "year": "2027", "name": "Wijkbudget 2027", "amount": "1"},
    )
    assert response.status_code == 200
    assert BudgetPot.objects.count() == 1


def test_a_broker_sees_the_pots_but_cannot_add_or_change_them(client, broker_a, wijk_a):
    pot = BudgetPotFactory(neighbourhood=wijk_a)
    client.force_login(make_staff(broker_a))
    assert client.get(CHANGELIST).status_code == 200
    assert client.get(ADD).status_code == 403
    response = client.post(change_url(pot), {"name": "Anders", "amount": "99999"})
    assert response.status_code == 403
    assert BudgetPot.objects.get(pk=pot.pk).amount == Decimal(1000)


def test_a_pot_in_use_keeps_its_wijk_and_its_granted_sum(
    client, coordinator, broker_a, wijk_a, wijk_b
):
    pot = BudgetPotFactory(neighbourhood=wijk_a, amount=Decimal(1000))
    initiative = InitiativeFactory(neighbourhood=wijk_a, status=Status.INTAKE)
    budget_services.grant_money(initiative, Decimal(300), pot=pot, actor=broker_a)
    client.force_login(make_staff(coordinator))
    response = client.post(
        change_url(pot),
        {
            "neighbourhood": wijk_b.pk,
            "year": "2026",
            "name": pot.name,
            "amount": "2000",
            "granted": "0",
        },
    )
    assert response.status_code == 302
    pot.refresh_from_db()
    assert (pot.neighbourhood, pot.amount, pot.granted) == (wijk_a, Decimal(2000), Decimal(300))
