"""Issue 16: figures per 1,000 residents, column groups, a year earlier, print and permalink.

The data set of conftest.py (today is 20 May 2026). Anonymous visitors see published
initiatives: Poelenburg has p1 and p2 (€ 2,500 granted, 2 verified supports for p1) and 2
voices; Kogerveld k1 and k2, and no population figures.
"""

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from initiatives.comparison import count_change, euro_change, share_change
from initiatives.figures import NO_DATA
from tests.factories import InitiativeFactory, NeighbourhoodFactory, PopulationFactory

pytestmark = pytest.mark.django_db
URL = "/wijken/"
AMS = ZoneInfo("Europe/Amsterdam")
CSS = Path(__file__).resolve().parents[3] / "static" / "css" / "site.css"


def _cells(html: str, wijk: str) -> list[str]:
    row = re.search(rf">{wijk}</a></th>(.*?)</tr>", html, re.S)[1]
    return re.findall(r"<td>(.*?)</td>", row)


def _headers(html: str) -> list[str]:
    head = re.search(r'id="cijfers-per-wijk">.*?<thead>(.*?)</thead>', html, re.S)[1]
    return [re.sub(r"<[^>]+>|[▲▼]", "", cell).strip() for cell in re.findall(r"<th.*?</th>", head)]


# --- Per 1,000 residents ----------------------------------------------------------------


@pytest.fixture
def population(dataset, wijk_a):
    PopulationFactory(neighbourhood=wijk_a, year=2024, residents=8000)
    PopulationFactory(neighbourhood=wijk_a, year=2026, residents=5000)


def test_the_comparison_shows_figures_per_1000_residents_beside_the_counts(client, population):
    html = client.get(URL, {"columns": "per-1000"}).text

    assert _headers(html) == [
        "Wijk",
        "Inwoners",
        "Totaal",
        "Initiatieven per 1.000 inwoners",
        "Signalen",
        "Signalen per 1.000 inwoners",
        "Steun vanaf een adres in de wijk",
        "Steun vanaf een adres per 1.000 inwoners",
        "Toegekend",
        "Toegekend per 1.000 inwoners",
    ]
    # All years: the newest CBS year, 2026 (5,000 residents). By hand: 2 initiatives,
    # 2 voices and 2 verified supports per 5,000 = 0.4 per 1,000; € 2,500 → € 500.
    assert _cells(html, "Poelenburg") == [
        "5.000", "2", "0,4", "2", "0,4", "2", "0,4", "€ 2.500", "€ 500"
    ]  # fmt: skip
    # No population: the rates are unknown, the counts stay.
    assert _cells(html, "Kogerveld")[:3] == [NO_DATA, "2", NO_DATA]
    assert "Inwoners: CBS, kerncijfers wijken en buurten 2026." in html


def test_a_period_uses_the_newest_cbs_year_up_to_its_own(client, population):
    html = client.get(URL, {"columns": "per-1000", "period": "2025"}).text

    # 2025 has no figures of its own: 2024's 8,000 residents; no initiative in 2025.
    assert _cells(html, "Poelenburg")[:3] == ["8.000", "0", "0,0"]
    assert "kerncijfers wijken en buurten 2024." in html


def test_sample_figures_say_so(client, dataset, wijk_a):
    PopulationFactory(neighbourhood=wijk_a, year=2026, residents=4000, is_sample=True)

    html = client.get(URL, {"columns": "per-1000"}).text

    assert "voorbeeldcijfers in de vorm van het CBS (niet van het CBS), jaar 2026" in html


def test_the_wijk_page_shows_the_counts_beside_their_rate(client, population, wijk_a):
    html = client.get(f"/wijken/{wijk_a.slug}/", {"period": "2026"}).text

    assert "Per 1.000 inwoners" in html
    # 2026: p1 and p2 (both published in 2026), 5,000 residents.
    assert "<dt>Initiatieven per 1.000 inwoners</dt><dd>0,4</dd>" in html
    assert "<dt>Toegekend per 1.000 inwoners</dt><dd>€ 500</dd>" in html
    assert "5.000 inwoners." in html
    assert "kerncijfers wijken en buurten 2026." in html


# --- Column groups and sorting ---------------------------------------------------------


def test_the_table_shows_one_group_of_columns_beside_the_wijk(client, dataset):
    default = client.get(URL).text
    money = client.get(URL, {"columns": "money"}).text
    unknown = client.get(URL, {"columns": "nonsense"}).text

    assert _headers(default) == [
        "Wijk", "Totaal", "Nieuw", "Loopt", "Gerealiseerd", "Afgewezen", "Doorverwezen"
    ]  # fmt: skip
    assert _headers(money)[:3] == ["Wijk", "Gevraagd", "Toegekend"]
    assert "Nieuw" not in _headers(money)
    assert _headers(unknown) == _headers(default)
    # Every group is a plain link that keeps the rest of the address; the chosen one says so.
    assert 'href="?columns=money#tabel" aria-current="true">Geld</a>' in money
    assert 'href="?columns=response#tabel">Reactie</a>' in money
    assert "Schuif voor meer kolommen" in money


def test_every_figure_column_is_in_a_group(client, dataset):
    every = set(_headers(client.get(URL, {"columns": "all"}).text))
    grouped = set()
    for group in ("status", "priorities", "response", "money", "support", "per-1000"):
        grouped |= set(_headers(client.get(URL, {"columns": group}).text))
    grouped |= set(_headers(client.get(URL, {"columns": "year-on-year"}).text))

    assert every == grouped


def test_sorting_works_without_javascript_and_keeps_the_group(client, dataset):
    html = client.get(URL, {"columns": "money", "sort": "granted", "dir": "desc"}).text

    assert re.findall(r'/wijken/([a-z-]+)/">', html)[:2] == [
        "poelenburg",
        "kogerveld",
    ]
    assert '<th scope="col" aria-sort="descending"><a' in html
    assert html.count("aria-sort=") == 1
    # A second click reverses it, in the same group; other columns sort within the group.
    assert "?columns=money&amp;sort=granted&amp;dir=asc#tabel" in html
    assert "?columns=money&amp;sort=requested&amp;dir=desc#tabel" in html
    # The period form keeps the group and the sorting.
    assert '<input type="hidden" name="columns" value="money">' in html


# --- A year earlier ----------------------------------------------------------------------


def test_changes_read_in_words_and_numbers():
    assert count_change(17, 5) == "12 meer dan een jaar eerder (+240 %)"
    assert count_change(3, 4) == "1 minder dan een jaar eerder (\u221225 %)"
    assert count_change(2, 0) == "2 meer dan een jaar eerder"
    assert count_change(4, 4) == "evenveel als een jaar eerder"
    assert euro_change(Decimal(1500), Decimal(1000)) == "€ 500 meer dan een jaar eerder (+50 %)"
    assert share_change(0.75, 0.5) == "25 procentpunten hoger dan een jaar eerder"
    assert share_change(0.5, 0.51) == "1 procentpunt lager dan een jaar eerder"
    assert share_change(None, 0.5) == "niet te vergelijken: te weinig gegevens"


def _local(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=AMS)


@pytest.fixture
def across_new_year(db):
    wijk = NeighbourhoodFactory(name="Westerwatering", slug="westerwatering")
    for moment, granted in [
        (_local(2024, 12, 31, 23, 30), 0),  # 2024: not in 2025-Q1
        (_local(2025, 1, 1, 0, 30), 1000),  # 2025-Q1
        (_local(2025, 3, 31, 23, 30), 0),  # 2025-Q1
        (_local(2025, 12, 31, 23, 30), 0),  # 2025-Q4: in 2025, not in 2026
        (_local(2026, 1, 1, 0, 30), 500),  # 2026-Q1
        (_local(2026, 2, 2, 12, 0), 1000),
        (_local(2026, 3, 31, 23, 59), 0),
    ]:
        InitiativeFactory(
            neighbourhood=wijk, published=True, submitted_at=moment, amount_granted=granted
        )
    return wijk


def test_a_quarter_is_compared_with_the_same_quarter_a_year_earlier(client, across_new_year):
    html = client.get(URL, {"columns": "year-on-year", "period": "2026-Q1"}).text

    assert "2026, kwartaal 1 vergeleken met 2025, kwartaal 1." in html
    cells = _cells(html, "Westerwatering")
    assert cells[:2] == ["3", "1 meer dan een jaar eerder (+50 %)"]
    assert cells[4:] == ["€ 1.500", "€ 500 meer dan een jaar eerder (+50 %)"]


def test_a_year_is_compared_with_the_year_before_on_the_wijk_page(client, across_new_year):
    html = client.get("/wijken/westerwatering/", {"period": "2026"}).text

    # 2026: three; 2025: two in the first quarter and one on 31 December, late evening.
    assert "<caption>2026 vergeleken met 2025</caption>" in html
    assert (
        '<tr><th scope="row">Initiatieven</th><td data-label="2026">3</td>'
        '<td data-label="2025">3</td><td data-label="Verschil">evenveel als een jaar eerder</td>'
    ) in html
    assert "€ 500 meer dan een jaar eerder (+50 %)" in html


def test_all_years_have_no_year_earlier(client, across_new_year):
    html = client.get(URL, {"columns": "year-on-year"}).text

    assert "Kies hierboven een jaar of een kwartaal." in html
    assert _cells(html, "Westerwatering")[1] == NO_DATA


# --- Print and share ---------------------------------------------------------------------


def test_the_print_stylesheet_leaves_out_navigation_and_keeps_charts_whole(client, dataset):
    css = CSS.read_text(encoding="utf-8")
    prints = "".join(re.findall(r"@media print \{(.*?)\n\}", css, re.S))

    assert ".site-nav" in prints and ".site-main form" in prints
    assert re.search(r"\.chart, [^{]*\.figures-table tr[^{]*\{ break-inside: avoid; \}", prints)
    html = client.get(URL, {"period": "2026"}).text
    assert 'href="/static/css/site.css"' in html or "site.css" in html
    # The footer that prints: the period, the date and the source.
    assert "Periode: 2026. Cijfers van 20 mei 2026." in html


def test_the_permalink_keeps_the_view_and_round_trips(client, dataset):
    asked = {"period": "2026", "columns": "money", "sort": "granted", "dir": "desc", "x": "1"}
    html = client.get(URL, asked).text
    link = re.search(r'Link naar deze weergave: <a class="utrecht-link" href="([^"]+)"', html)[1]

    assert link == (
        "http://testserver/wijken/?period=2026&amp;columns=money&amp;sort=granted&amp;dir=desc"
    )
    again = client.get(link.replace("&amp;", "&").removeprefix("http://testserver")).text
    table = re.compile(r'<table class="utrecht-table[^"]*comparison-table".*?</table>', re.S)
    without_x = client.get(URL, {name: value for name, value in asked.items() if name != "x"})
    assert table.search(again)[0] == table.search(without_x.text)[0]
