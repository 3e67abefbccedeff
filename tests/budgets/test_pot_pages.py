"""The budget pots in the workspace: brokers see their wijken's pots, coordinators keep them."""

from decimal import Decimal

import pytest
from django.urls import reverse

from budgets import services
from budgets.models import BudgetPot, Contribution
from initiatives.models import Status
from neighbourhoods.models import Priority
from tests.factories import BudgetPotFactory, InitiativeFactory, PartnerFactory

pytestmark = pytest.mark.django_db

LIST = reverse("budgets:list")
CREATE = reverse("budgets:create")


def edit_url(pot) -> str:
    return reverse("budgets:edit", kwargs={"pot_pk": pot.pk})


def data(wijk, **values) -> dict:
    return {
        "neighbourhood": wijk.pk,
        "year": "2026",
        "priority": "",
        "name": "Wijkbudget Poelenburg 2026",
        "amount": "5000,50",
        "description": "Voor ideeën van bewoners.",
        **values,
    }


# --- The list -----------------------------------------------------------------------------


def test_a_broker_sees_the_pots_of_their_wijken_with_the_sums(
    client, broker_a, coordinator, wijk_a, wijk_b
):
    pot = BudgetPotFactory(neighbourhood=wijk_a, name="Wijkbudget Poelenburg", amount=1000)
    BudgetPotFactory(neighbourhood=wijk_b, name="Wijkbudget Kogerveld")
    initiative = InitiativeFactory(neighbourhood=wijk_a, status=Status.INTAKE)
    services.grant_money(initiative, Decimal(1200), pot=pot, actor=coordinator)
    Contribution.objects.create(
        initiative=initiative, partner=PartnerFactory(), kind="space", value=Decimal(300)
    )
    client.force_login(broker_a)
    response = client.get(LIST)
    assert response.status_code == 200
    page = response.text
    assert "Wijkbudget Poelenburg" in page
    assert "Wijkbudget Kogerveld" not in page  # another wijk
    # Total, granted, left (overdrawn by a coordinator), overdraft, co-funding.
    for cell in ("€ 1.000,00", "€ 1.200,00", "€ -200,00", "€ 200,00", "€ 300,00"):
        assert f">{cell}</td>" in page, cell
    assert CREATE not in page and "/bewerken/" not in page


def test_a_coordinator_sees_every_pot_and_links_to_add_and_edit(
    client, coordinator, wijk_a, wijk_b
):
    pot = BudgetPotFactory(neighbourhood=wijk_a, priority=Priority.objects.first())
    BudgetPotFactory(neighbourhood=wijk_b, name="Wijkbudget Kogerveld")
    client.force_login(coordinator)
    page = client.get(LIST).text
    assert f'href="{CREATE}"' in page
    assert f'href="{edit_url(pot)}"' in page
    assert "Wijkbudget Kogerveld" in page
    assert "alleen voor" in page


def test_the_list_links_from_the_workspace_navigation(client, broker_a):
    client.force_login(broker_a)
    assert f'href="{LIST}"' in client.get(reverse("initiatives:workspace")).text


def test_the_list_refuses_a_post(client, coordinator):
    client.force_login(coordinator)
    assert client.post(LIST).status_code == 405


@pytest.mark.parametrize("rows", [2, 20])
def test_the_list_query_count_does_not_grow_with_pots(
    client, coordinator, wijk_a, django_assert_num_queries, rows
):
    for _ in range(rows):
        BudgetPotFactory(neighbourhood=wijk_a)
    client.force_login(coordinator)
    # 1 session, 2 user, 3 groups (roles), 4 the pots with wijk, earmark and co-funding.
    with django_assert_num_queries(4):
        response = client.get(LIST)
    assert response.text.count("/bewerken/") == rows


# --- Creating and changing ----------------------------------------------------------------


def test_a_coordinator_creates_a_pot(client, coordinator, wijk_a):
    client.force_login(coordinator)
    assert client.get(CREATE).status_code == 200
    response = client.post(CREATE, data(wijk_a))
    assert response.status_code == 302
    assert response["Location"] == LIST
    pot = BudgetPot.objects.get()
    assert (pot.neighbourhood, pot.year, pot.priority, pot.amount, pot.granted) == (
        wijk_a,
        2026,
        None,
        Decimal("5000.50"),
        Decimal(0),
    )
    assert "Het wijkbudget is opgeslagen." in client.get(LIST).text


def test_a_coordinator_earmarks_a_pot_for_a_priority(client, coordinator, wijk_a):
    priority = Priority.objects.first()
    client.force_login(coordinator)
    assert client.post(CREATE, data(wijk_a, priority=priority.pk)).status_code == 302
    assert BudgetPot.objects.get().priority == priority


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"amount": "-5"}, "minstens 0"),
        ({"amount": "vijfduizend"}, "Vul een getal in"),
        ({"year": "1999"}, "minstens 2000"),
        ({"name": ""}, "Vul dit in."),
        ({"neighbourhood": "999999"}, "Kies een van de mogelijkheden."),
    ],
)
def test_bad_input_keeps_the_form_as_typed(client, coordinator, wijk_a, values, message):
    client.force_login(coordinator)
    response = client.post(CREATE, data(wijk_a, description="Mijn uitleg", **values))
    assert response.status_code == 200
    assert message in response.text
    assert "Mijn uitleg" in response.text
    assert 'id="foutmeldingen"' in response.text
    assert not BudgetPot.objects.exists()


def test_a_second_pot_with_the_same_name_is_refused_with_the_form_kept(client, coordinator, wijk_a):
    BudgetPotFactory(neighbourhood=wijk_a, year=2026, name="Wijkbudget Poelenburg 2026")
    client.force_login(coordinator)
    response = client.post(CREATE, data(wijk_a, amount="777"))
    assert response.status_code == 200
    assert "bestaat al" in response.text
    assert 'value="777"' in response.text
    assert BudgetPot.objects.count() == 1


def test_a_coordinator_changes_a_pots_amount(client, coordinator, wijk_a):
    pot = BudgetPotFactory(neighbourhood=wijk_a, amount=1000)
    client.force_login(coordinator)
    assert client.get(edit_url(pot)).status_code == 200
    response = client.post(edit_url(pot), data(wijk_a, amount="2500"))
    assert response.status_code == 302
    pot.refresh_from_db()
    assert (pot.amount, pot.name) == (Decimal(2500), "Wijkbudget Poelenburg 2026")


def test_a_pot_with_grants_keeps_its_wijk(client, coordinator, wijk_a, wijk_b):
    pot = BudgetPotFactory(neighbourhood=wijk_a, amount=1000)
    initiative = InitiativeFactory(neighbourhood=wijk_a, status=Status.INTAKE)
    services.grant_money(initiative, Decimal(100), pot=pot, actor=coordinator)
    client.force_login(coordinator)
    response = client.post(edit_url(pot), data(wijk_b))
    assert response.status_code == 200
    assert "de wijk blijft" in response.text
    pot.refresh_from_db()
    assert pot.neighbourhood == wijk_a


def test_a_broker_may_not_create_or_edit_a_pot(client, broker_a, wijk_a):
    pot = BudgetPotFactory(neighbourhood=wijk_a, amount=1000)
    client.force_login(broker_a)
    assert client.post(CREATE, data(wijk_a)).status_code == 403
    assert client.post(edit_url(pot), data(wijk_a, amount="9999")).status_code == 403
    pot.refresh_from_db()
    assert pot.amount == Decimal(1000)
    assert BudgetPot.objects.count() == 1


def test_an_unknown_pot_is_a_404(client, coordinator):
    client.force_login(coordinator)
    assert client.get(reverse("budgets:edit", kwargs={"pot_pk": 999999})).status_code == 404
