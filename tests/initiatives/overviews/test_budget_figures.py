"""Pots and co-funding on the wijk page, in the comparison and in open data, by hand.

The overviews' data set (tests/initiatives/overviews/conftest.py) holds the money:
Poelenburg's 2026 pot of € 5,000 funds p1 (€ 500) and p2 (€ 2,000); its 2025 pot of
€ 1,000 is unused. Partners give p1 € 250 and space worth € 750, p2 hours worth € 500,
and unpublished p3 materials worth € 200.
"""

from decimal import Decimal

import pytest
from django.core.cache import cache
from django.urls import reverse

from budgets import services as budget_services
from initiatives.figures import pot_years
from initiatives.forms.overviews import period_for
from initiatives.models import Status
from tests.factories import BudgetPotFactory, InitiativeFactory

from .conftest import assert_no_canaries, body

pytestmark = pytest.mark.django_db


@pytest.fixture
def wijk_url(wijk_a) -> str:
    return reverse("initiatives:neighbourhood", kwargs={"slug": wijk_a.slug})


def _pot_row(html: str, name: str) -> list[str]:
    row = html.split(f'<tr><th scope="row">{name}', 1)[1].split("</tr>", 1)[0]
    return [cell.split("</td>")[0] for cell in row.split("<td>")[1:]]


def test_each_pot_shows_total_granted_left_and_co_funding_per_euro(client, dataset, wijk_url):
    html = client.get(wijk_url).text
    # Co-funding of the initiatives drawing from the pot (all of them: p1 and p2).
    assert _pot_row(html, "Wijkbudget Poelenburg 2026") == [
        "2026",
        "€ 5.000",
        "€ 2.500",
        "€ 2.500",
        "€ 1.500",
        "€ 0,60",
    ]
    assert _pot_row(html, "Wijkbudget Poelenburg 2025") == [
        "2025",
        "€ 1.000",
        "€ 0",
        "€ 1.000",
        "€ 0",
        "\u2013",
    ]
    assert_no_canaries(html)


def test_the_period_chooses_the_pots_of_its_year(client, dataset, wijk_url):
    html = client.get(wijk_url, {"period": "2026-Q2"}).text
    assert "Wijkbudget Poelenburg 2026" in html
    assert "Wijkbudget Poelenburg 2025" not in html
    assert pot_years(period_for("2026-Q4").start, period_for("2026-Q4").end) == (2026, 2026)
    assert pot_years(None, None) is None


def test_the_wijk_figures_sum_the_pots_and_the_co_funding(client, dataset, wijk_url):
    html = client.get(wijk_url, {"period": "2026"}).text
    for label, value in [
        ("Wijkbudget", "€ 5.000"),
        ("Uit het wijkbudget toegekend", "€ 2.500"),
        ("Nog over in het wijkbudget", "€ 2.500"),
        ("Bijdragen van partners (cofinanciering)", "€ 1.500"),
        ("Cofinanciering per euro van de gemeente", "€ 0,60"),
    ]:
        assert f"<dt>{label}</dt><dd>{value}</dd>" in html, label


def test_a_wijk_without_a_pot_says_so(client, dataset, wijk_b):
    html = client.get(reverse("initiatives:neighbourhood", kwargs={"slug": wijk_b.slug})).text
    assert "Voor deze periode is er nog geen wijkbudget." in html


def test_the_open_data_has_no_personal_data_or_descriptions(client, dataset, council_member):
    client.force_login(council_member)
    for name in (
        "initiatives:neighbourhoods",
        "initiatives:open_data_neighbourhoods_csv",
        "voices:open_data_csv",
    ):
        assert_no_canaries(body(client.get(reverse(name))))


def test_a_grant_renews_the_cached_wijk_page_at_once(
    client, settings, transactional_db, wijk_a, wijk_url, broker_a
):
    # Real commits: on PostgreSQL the data version rises as the commit's last step.
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    try:
        pot = BudgetPotFactory(neighbourhood=wijk_a, name="Wijkbudget 2026", year=2026)
        assert _pot_row(client.get(wijk_url).text, "Wijkbudget 2026")[2] == "€ 0"
        initiative = InitiativeFactory(neighbourhood=wijk_a, status=Status.INTAKE)
        budget_services.grant_money(initiative, Decimal(300), pot=pot, actor=broker_a)
        assert _pot_row(client.get(wijk_url).text, "Wijkbudget 2026")[2] == "€ 300"
    finally:
        cache.clear()
