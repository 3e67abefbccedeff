"""The comparison of all wijken: /wijken/."""

import re

import pytest

from tests.factories import NeighbourhoodFactory, PopulationFactory
from tests.initiatives.overviews.conftest import assert_no_canaries, make_initiatives

pytestmark = pytest.mark.django_db

URL = "/wijken/"


def _row(html: str, wijk: str) -> list[str]:
    """The cells of one wijk's row in the comparison table, as text."""
    match = re.search(
        rf"<tr[^>]*>\s*<th[^>]*scope=\"row\"><a[^>]*>{wijk}</a></th>(.*?)</tr>", html, re.S
    )
    assert match, f"no row for {wijk}"
    return [
        re.sub(r"<[^>]+>", "", cell).strip()
        for cell in re.findall(r"<td[^>]*>(.*?)</td>", match.group(1), re.S)
    ]


# Columns: total, new, running, realised, declined, referred, kinderen, werkloosheid,
# handhaving, none, median, on time, requested, granted, help offers, supports, budget,
# granted from it, left, co-funding, co-funding per municipal euro, verified supports,
# residents reached, answers afterwards, felt helped.


def test_anonymous_visitor_sees_figures_over_published_initiatives(client, dataset):
    response = client.get(URL, {"columns": "all"})
    assert response.status_code == 200
    assert "Cijfers over gepubliceerde initiatieven" in response.text
    assert _row(response.text, "Poelenburg")[:23] == [
        "2",
        "0",
        "1",
        "1",
        "0",
        "0",
        "2",
        "1",
        "0",
        "0",
        "5",
        "50% (1 van 2)",
        "€ 3.000",
        "€ 2.500",
        "1",
        "8",
        "€ 6.000",  # the pots of 2025 and 2026: all years
        "€ 2.500",
        "€ 3.500",
        "€ 1.500",  # published p1 and p2 only
        "€ 0,60",
        "2",  # addresses confirmed for p1
        "32",  # by completed p2 (reopened p1's result waits)
    ]
    # The answers afterwards (feedback): p2 answered, with a 5.
    assert "100% (1 van 1)" in _row(response.text, "Poelenburg")


def test_council_member_sees_figures_over_all_initiatives(client, dataset, council_member):
    client.force_login(council_member)
    response = client.get(URL, {"columns": "all"})
    assert "Cijfers over alle initiatieven" in response.text
    assert _row(response.text, "Poelenburg")[:23] == [
        "4",
        "1",
        "1",
        "1",
        "0",
        "0",
        "2",
        "1",
        "1",
        "1",
        "5",
        "33% (1 van 3)",
        "€ 3.300",
        "€ 2.500",
        "1",
        "8",
        "€ 6.000",
        "€ 2.500",
        "€ 3.500",
        "€ 1.700",  # unpublished p3's materials too
        "€ 0,68",
        "3",  # and for unpublished p3
        "32",
    ]
    assert "100% (1 van 1)" in _row(response.text, "Poelenburg")
    assert _row(response.text, "Kogerveld")[:23] == [
        "2",
        "0",
        "0",
        "0",
        "1",
        "1",
        "0",
        "1",
        "0",
        "1",
        "1,5",
        "100% (2 van 2)",
        "€ 0",
        "€ 0",
        "0",
        "0",
        "€ 0",
        "€ 0",
        "€ 0",
        "€ 0",
        "\u2013",  # no municipal money: no ratio
        "0",
        "0",
    ]
    assert "50% (1 van 2)" in _row(response.text, "Kogerveld")  # k1 answered 2, k2 4


@pytest.mark.parametrize("role", ["council_member", "broker_a", "coordinator"])
def test_staff_roles_see_all_figures_but_no_personal_data(client, dataset, role, request):
    client.force_login(request.getfixturevalue(role))
    response = client.get(URL)
    assert "Cijfers over alle initiatieven" in response.text
    assert_no_canaries(response.text)


def test_anonymous_page_shows_no_personal_data_or_unpublished_titles(client, dataset):
    assert_no_canaries(client.get(URL).text)


def test_period_filter_limits_figures_to_a_quarter(client, dataset, council_member):
    client.force_login(council_member)
    response = client.get(URL, {"period": "2026-Q1"})
    assert "Periode: 2026, kwartaal 1." in response.text
    # Q1 2026: p2 (March), p4 (January, withdrawn) and k1 (January).
    assert _row(response.text, "Poelenburg")[:2] == ["2", "0"]
    assert _row(response.text, "Kogerveld")[:1] == ["1"]


def test_period_filter_offers_only_years_with_data(client, dataset):
    response = client.get(URL)
    assert '<option value="2025">' in response.text
    assert '<option value="2026">' in response.text
    assert '<option value="2024">' not in response.text


@pytest.mark.parametrize(
    "query",
    [
        "?period=abc",
        "?period=99999999",
        "?period=2026-Q9",
        "?period=2019",
        "?year=99999999",
        "?sort=;drop",
        "?sort=total&dir=sideways",
        "?period=%00",
        "?sort=__class__",
    ],
)
def test_malformed_query_strings_fall_back_without_error(client, dataset, query):
    response = client.get(URL + query)
    assert response.status_code == 200
    assert "Poelenburg" in response.text


def test_invalid_period_says_it_shows_all_years(client, dataset):
    response = client.get(URL, {"period": "abc"})
    assert "Deze periode kennen we niet" in response.text
    assert "Periode: alle jaren." in response.text


def test_sorting_by_a_column_orders_the_rows_and_marks_the_header(client, dataset, council_member):
    client.force_login(council_member)
    ascending = client.get(URL, {"sort": "total", "dir": "asc"}).text
    assert ascending.index(">Kogerveld</a></th>") < ascending.index(">Poelenburg</a></th>")
    descending = client.get(URL, {"sort": "total", "dir": "desc"}).text
    assert descending.index(">Poelenburg</a></th>") < descending.index(">Kogerveld</a></th>")
    assert descending.count('aria-sort="descending"') == 1
    assert "?sort=total&amp;dir=asc#tabel" in descending  # a second click reverses


def test_sort_links_keep_the_period(client, dataset):
    response = client.get(URL, {"period": "2026"})
    assert "?period=2026&amp;sort=total&amp;dir=desc" in response.text


def test_charts_are_accessible_svg_with_a_short_title_and_a_link_to_the_table(client, dataset):
    html = client.get(URL, {"columns": "all"}).text
    assert html.count('role="img"') == 2
    assert 'aria-labelledby="chart-priorities-title"' in html
    assert (
        '<title id="chart-priorities-title">Initiatieven per wijk, verdeeld over de prioriteiten.'
        " Grafieken hebben ook een tabel met dezelfde cijfers.</title>" in html
    )
    # The comparison table has every number of both charts, so they link to it instead of
    # repeating its columns in tables of their own.
    assert '<table class="utrecht-table utrecht-table--html-table figures-table' in html
    assert 'id="cijfers-per-wijk"' in html
    assert html.count('href="#cijfers-per-wijk"') == 2
    assert html.count("<details") == 0
    assert _row(html, "Poelenburg")[6:9] == ["2", "1", "0"]  # per priority
    assert _row(html, "Poelenburg")[11] == "50% (1 van 2)"  # on time


def test_the_page_stays_under_30_kb_with_25_wijken(client, today, wijk_a, council_member):
    wijken = [wijk_a, *(NeighbourhoodFactory(name=f"Wijk {n:02}") for n in range(2, 26))]
    make_initiatives(wijken, 200)
    client.force_login(council_member)
    assert len(client.get(URL).content) < 30_000


def test_the_page_works_in_english(client, dataset):
    client.cookies["django_language"] = "en"
    response = client.get(URL)
    assert response.status_code == 200
    assert '<html lang="en"' in response.text
    assert "Help our children" in response.text


def test_query_count_does_not_grow_with_the_data_for_the_public(
    client, today, wijk_a, wijk_b, django_assert_num_queries
):
    make_initiatives([wijk_a, wijk_b], 10)
    # 1 years with data, 2 priorities, 3 wijken, 4 figures per wijk, 5 priority counts.
    # "Wat de wijken zeggen" (voices per wijk and priority) adds one grouped query, the map
    # (maps app) one for the boundaries. The wijken's population and voices are subqueries
    # of 3.
    with django_assert_num_queries(7):
        client.get(URL)
    make_initiatives([wijk_a, wijk_b], 490)
    for year in range(2015, 2027):
        PopulationFactory(neighbourhood=wijk_a, year=year)
    for group in ("status", "per-1000", "all"):
        with django_assert_num_queries(7):
            client.get(URL, {"columns": group})
    # A year earlier, where the table shows it: the figures of that period, one query.
    with django_assert_num_queries(8):
        client.get(URL, {"columns": "year-on-year", "period": "2026"})


def test_query_count_does_not_grow_with_the_data_for_council_members(
    client, today, wijk_a, wijk_b, council_member, django_assert_num_queries
):
    client.force_login(council_member)
    make_initiatives([wijk_a, wijk_b], 10)
    # The seven of the public page, plus session, user, and the user's groups (roles).
    with django_assert_num_queries(10):
        client.get(URL)
    make_initiatives([wijk_a, wijk_b], 490)
    with django_assert_num_queries(10):
        client.get(URL)
