from decimal import Decimal

import pytest
from django.urls import reverse

from budgets import services as budget_services
from budgets.models import BudgetPot
from initiatives.models import EntryKind, Initiative, Status, TimelineEntry
from tests.factories import BudgetPotFactory, InitiativeFactory, PartnerFactory

from .conftest import versioned

pytestmark = pytest.mark.django_db


@pytest.fixture
def in_intake(wijk_a):
    return InitiativeFactory(neighbourhood=wijk_a, status=Status.INTAKE)


@pytest.fixture
def pot(wijk_a):
    return BudgetPotFactory(neighbourhood=wijk_a, name="Wijkbudget A", amount=Decimal(1000))


def url(initiative) -> str:
    return reverse("initiatives:workspace_amount", kwargs={"pk": initiative.pk})


def test_broker_records_the_amount_granted_in_dutch_notation(client, in_intake, pot, broker_a):
    client.force_login(broker_a)
    data = versioned(in_intake, "amount", pot=pot.pk, amount="750,50", note="Uit het wijkbudget.")
    assert client.post(url(in_intake), data).status_code == 302
    assert Initiative.objects.get(pk=in_intake.pk).amount_granted == Decimal("750.50")
    assert BudgetPot.objects.get(pk=pot.pk).granted == Decimal("750.50")
    entry = TimelineEntry.objects.get(initiative=in_intake, kind=EntryKind.AMOUNT_GRANTED)
    assert entry.actor == broker_a
    assert "Uit het wijkbudget." in entry.internal_note


@pytest.mark.parametrize("amount", ["-5", "abc", "1e400", "99999999999999999", "1,234,5", ""])
def test_bad_amounts_are_form_errors(client, in_intake, pot, broker_a, amount):
    client.force_login(broker_a)
    data = versioned(in_intake, "amount", pot=pot.pk, amount=amount)
    response = client.post(url(in_intake), data)
    assert response.status_code == 200
    assert 'href="#id_amount-amount"' in response.text
    assert Initiative.objects.get(pk=in_intake.pk).amount_granted is None


def test_no_money_before_intake_is_a_form_error_keeping_the_amount(
    client, initiative, pot, broker_a
):
    client.force_login(broker_a)
    data = versioned(initiative, "amount", pot=pot.pk, amount="10", note="Voor de koffie.")
    response = client.post(url(initiative), data)
    assert response.status_code == 200
    assert "Geld toekennen kan pas als u met de initiatiefnemer in gesprek bent." in response.text
    assert 'value="10"' in response.text
    assert 'value="Voor de koffie."' in response.text
    assert Initiative.objects.get(pk=initiative.pk).amount_granted is None


def test_the_broker_chooses_a_pot_of_the_wijk(client, in_intake, pot, wijk_b, broker_a):
    BudgetPotFactory(neighbourhood=wijk_b, name="Budget van wijk B")
    client.force_login(broker_a)
    page = client.get(reverse("initiatives:workspace_detail", kwargs={"pk": in_intake.pk}))
    assert "Wijkbudget A (2026, nog € 1.000,00 over)" in page.text
    assert "Budget van wijk B" not in page.text
    client.cookies["django_language"] = "en"
    english = client.get(reverse("initiatives:workspace_detail", kwargs={"pk": in_intake.pk}))
    assert "Wijkbudget A (2026, €1,000.00 left)" in english.text
    del client.cookies["django_language"]
    response = client.post(url(in_intake), versioned(in_intake, "amount", amount="10"))
    assert response.status_code == 200
    assert 'href="#id_amount-pot"' in response.text


def test_more_than_is_left_is_refused_keeping_what_was_typed(client, in_intake, pot, broker_a):
    client.force_login(broker_a)
    data = versioned(in_intake, "amount", pot=pot.pk, amount="1500", note="Groot plan.")
    response = client.post(url(in_intake), data)
    assert response.status_code == 200
    assert "is nog € 1.000,00 over" in response.text
    assert "Voor een hoger bedrag is een coördinator nodig." in response.text
    assert 'value="1500"' in response.text
    assert 'value="Groot plan."' in response.text
    assert BudgetPot.objects.get(pk=pot.pk).granted == 0


def test_a_coordinator_may_grant_more_than_is_left(client, in_intake, pot, coordinator):
    client.force_login(coordinator)
    data = versioned(in_intake, "amount", pot=pot.pk, amount="1500")
    assert client.post(url(in_intake), data).status_code == 302
    assert BudgetPot.objects.get(pk=pot.pk).left == Decimal(-500)


@pytest.mark.parametrize("pots", [1, 30])
def test_page_query_count_does_not_grow_with_pots_or_contributions(
    client, in_intake, wijk_a, broker_a, django_assert_num_queries, pots
):
    for number in range(pots):
        pot = BudgetPotFactory(neighbourhood=wijk_a, name=f"Budget {number}")
        budget_services.add_contribution(
            in_intake, PartnerFactory(), kind="money", value=Decimal(5), actor=broker_a
        )
    budget_services.grant_money(in_intake, Decimal(10), pot=pot, actor=broker_a)
    client.force_login(broker_a)
    # As on test_workspace_detail's page, the initiative now with its grant and pot, and
    # the wijk's budget pots for the grant form (from intake on), the attachments: 21.
    with django_assert_num_queries(22):
        client.get(reverse("initiatives:workspace_detail", kwargs={"pk": in_intake.pk}))
