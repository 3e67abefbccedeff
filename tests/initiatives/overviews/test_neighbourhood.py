"""One wijk: /wijken/<slug>/."""

import re

import pytest

from tests.factories import NeighbourhoodFactory, PopulationFactory, UserFactory
from tests.initiatives.overviews.conftest import assert_no_canaries, make_initiatives

pytestmark = pytest.mark.django_db

URL = "/wijken/poelenburg/"


def test_page_shows_description_and_brokers_by_work_name_only(client, dataset, broker_a):
    response = client.get(URL)
    assert response.status_code == 200
    assert "Een wijk in de gemeente." in response.text
    assert "Anna Makelaar" in response.text
    assert "broker_a" not in response.text  # neither username nor e-mail address


def test_inactive_brokers_are_not_listed(client, dataset, wijk_a):
    wijk_a.brokers.add(UserFactory(first_name="Oud", last_name="Collega", is_active=False))
    assert "Oud Collega" not in client.get(URL).text


def test_priorities_list_published_initiatives_linked_to_their_page(client, dataset):
    html = client.get(URL).text
    assert f'href="/initiatieven/{dataset["p1"].pk}/">Huiswerkklas in het buurthuis</a>' in html
    assert f'href="/initiatieven/{dataset["p2"].pk}/">Speelplein De Vlinder</a>' in html


def test_a_priority_without_initiatives_gets_an_explicit_callout(client, dataset):
    html = client.get(URL).text
    # Anonymous: only published initiatives count, and none is about enforcement.
    assert "Nog geen initiatieven voor “Handhaaf” in Poelenburg." in html


def test_council_member_learns_there_are_unpublished_initiatives_without_their_title(
    client, dataset, council_member
):
    client.force_login(council_member)
    html = client.get(URL).text
    assert "Cijfers over alle initiatieven" in html
    assert "Nog geen gepubliceerde initiatieven voor “Handhaaf” in Poelenburg." in html
    assert_no_canaries(html)


def test_figures_differ_between_public_and_council(client, dataset, council_member):
    public = client.get(URL).text
    assert "Cijfers over gepubliceerde initiatieven" in public
    assert "50% (1 van 2)" in public
    client.force_login(council_member)
    council = client.get(URL).text
    assert "33% (1 van 3)" in council
    assert "€ 3.300" in council
    assert "€ 3.300" not in public


@pytest.mark.parametrize("role", [None, "council_member", "broker_a", "broker_b", "coordinator"])
def test_no_personal_data_or_unpublished_text_for_any_role(client, dataset, role, request):
    if role:
        client.force_login(request.getfixturevalue(role))
    assert_no_canaries(client.get(URL).text)
    assert_no_canaries(client.get("/wijken/kogerveld/").text)


def _table(html: str, caption: str) -> list[tuple[str, list[str]]]:
    """The rows of the table with this caption: the row header and the cells, as text."""
    match = re.search(rf"<caption>{caption}</caption>(.*?)</table>", html, re.S)
    assert match, f"no table {caption!r}"
    return [
        (header, re.findall(r"<td>(.*?)</td>", cells))
        for header, cells in re.findall(
            r"<tr><th scope=\"row\">(.*?)</th>(.*?)</tr>", match.group(1), re.S
        )
    ]


def test_trend_covers_twelve_months_including_empty_ones(client, dataset, council_member):
    client.force_login(council_member)
    html = client.get(URL).text
    # June 2025 up to May 2026; p1 and p3 in April, p2 in March, p4 in January.
    assert _table(html, "Ingediende initiatieven per maand, de laatste 12 maanden") == [
        ("juni 2025", ["0"]),
        ("juli 2025", ["0"]),
        ("augustus 2025", ["0"]),
        ("september 2025", ["0"]),
        ("oktober 2025", ["0"]),
        ("november 2025", ["0"]),
        ("december 2025", ["0"]),
        ("januari 2026", ["1"]),
        ("februari 2026", ["0"]),
        ("maart 2026", ["1"]),
        ("april 2026", ["2"]),
        ("mei 2026", ["0"]),
    ]
    assert (
        '<title id="chart-trend-title">Ingediende initiatieven per maand, de laatste 12 maanden.'
        " Grafieken hebben ook een tabel met dezelfde cijfers.</title>" in html
    )


def test_status_funnel_and_money(client, dataset, council_member):
    client.force_login(council_member)
    html = client.get(URL).text
    assert _table(html, "Initiatieven per status") == [
        ("Nieuw", ["1"]),
        ("Loopt", ["1"]),
        ("Gerealiseerd", ["1"]),
        ("Afgewezen", ["0"]),
        ("Doorverwezen", ["0"]),
        ("Ingetrokken", ["1"]),
    ]
    assert "€ 2.500" in html


def test_page_links_the_feed_the_exports_and_the_filtered_list(client, dataset, wijk_a):
    html = client.get(URL).text
    assert (
        '<link rel="alternate" type="application/atom+xml" href="/wijken/poelenburg/feed/"' in html
    )
    assert 'href="/wijken/poelenburg/feed/">' in html
    assert 'href="/wijken/poelenburg/initiatieven.csv"' in html
    assert f'href="/initiatieven/?wijk={wijk_a.slug}"' in html


def test_period_filter_applies_to_the_figures(client, dataset, council_member):
    client.force_login(council_member)
    html = client.get(URL, {"period": "2026-Q2"}).text
    assert "Periode: 2026, kwartaal 2." in html
    assert "50% (1 van 2)" in html  # p1 on time, p3 overdue


@pytest.mark.parametrize("url", ["/wijken/bestaat-niet/", "/wijken/ONBEKEND/", "/wijken/%3Bdrop/"])
def test_unknown_wijk_is_404(client, dataset, url):
    assert client.get(url).status_code == 404


def test_inactive_wijk_is_404(client, db):
    NeighbourhoodFactory(slug="oud", name="Oude wijk", is_active=False)
    assert client.get("/wijken/oud/").status_code == 404


@pytest.mark.parametrize(
    "query", ["?period=abc", "?period=2026-Q0", "?year=99999999", "?sort=;drop"]
)
def test_malformed_query_strings_do_not_break_the_page(client, dataset, query):
    assert client.get(URL + query).status_code == 200


def test_the_page_works_in_english(client, dataset):
    client.cookies["django_language"] = "en"
    response = client.get(URL)
    assert '<html lang="en"' in response.text
    assert "Enforce the rules" in response.text


def test_wrong_method_is_refused(client, dataset):
    assert client.post(URL).status_code == 405


def test_query_count_does_not_grow_with_the_data_for_the_public(
    client, today, wijk_a, wijk_b, broker_a, django_assert_num_queries
):
    make_initiatives([wijk_a, wijk_b], 10)
    # 1 wijk, 2 submissions per month (the years with data and the 12-month trend), 3
    # priorities with their counts, 4 figures, 5 latest published (overall and per
    # priority), 6 budget pots with their co-funding, 7 scores per criterion ("Wat telt bij
    # de beslissingen"; tests/assessments/test_outcomes.py adds assessments), 8 brokers.
    # "Wat de wijk zegt" (voices.figures.wijk_says) adds five grouped queries; the wijk's
    # population and voices for the figures per 1,000 residents one, the map (maps app) one
    # for the boundaries.
    with django_assert_num_queries(15):
        client.get(URL)
    make_initiatives([wijk_a, wijk_b], 490)
    for year in range(2015, 2027):
        PopulationFactory(neighbourhood=wijk_a, year=year)
    with django_assert_num_queries(15):
        client.get(URL)
    # A year or a quarter adds the same period a year earlier: one query.
    with django_assert_num_queries(16):
        client.get(URL, {"period": "2026"})


def test_query_count_does_not_grow_with_the_data_for_council_members(
    client, today, wijk_a, wijk_b, council_member, django_assert_num_queries
):
    client.force_login(council_member)
    make_initiatives([wijk_a, wijk_b], 10)
    # The fifteen of the public page, plus session, user, and the user's groups (roles).
    with django_assert_num_queries(18):
        client.get(URL)
    make_initiatives([wijk_a, wijk_b], 490)
    with django_assert_num_queries(18):
        client.get(URL)
