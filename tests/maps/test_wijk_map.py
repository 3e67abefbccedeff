"""The map on the comparison and on a wijk's page: from the boundaries, or not at all."""

import re

import pytest

from tests.factories import InitiativeFactory, NeighbourhoodFactory
from tests.initiatives.overviews.conftest import make_initiatives
from tests.maps.conftest import triangle_boundary

pytestmark = pytest.mark.django_db


def map_of(html: str) -> str:
    match = re.search(r'<figure class="wijk-map .*?</figure>', html, re.S)
    return match[0] if match else ""


def area_class(html: str, name: str) -> str:
    return re.search(
        rf'aria-label="{name}[^"]*"><title>[^<]*</title><path class="wijk-map__area ([^"]+)"', html
    )[1]


def test_without_boundaries_neither_page_has_a_map(client, coded_wijken):
    for url in ("/wijken/", "/wijken/poelenburg/"):
        html = client.get(url).content.decode()
        assert "wijk-map" not in html
        assert 'id="kaart"' not in html
    # The table is all there as before.
    assert 'id="cijfers-per-wijk"' in client.get("/wijken/").content.decode()


def test_the_comparison_colours_every_wijk_by_the_default_figure(client, boundaries):
    poelenburg, kogerveld, _driehoek = boundaries
    InitiativeFactory.create_batch(3, neighbourhood=poelenburg, published=True)
    InitiativeFactory(neighbourhood=kogerveld, published=True)
    html = map_of(client.get("/wijken/").content.decode())

    assert html.count('<path class="wijk-map__area') == 3
    # One link per wijk, to its page, named with its value; three values, three classes
    # spread over the scale (lightest, middle, darkest).
    assert '<a href="/wijken/poelenburg/" aria-label="Poelenburg: 3 (Totaal)">' in html
    assert '<a href="/wijken/kogerveld/" aria-label="Kogerveld: 1 (Totaal)">' in html
    assert '<a href="/wijken/driehoek/" aria-label="Driehoek: 0 (Totaal)">' in html
    assert area_class(html, "Driehoek") == "wijk-map__area--1"
    assert area_class(html, "Kogerveld") == "wijk-map__area--3"
    assert area_class(html, "Poelenburg") == "wijk-map__area--5"
    # The legend gives each class in numbers; the caption names the figure.
    assert "Kaart: Totaal per wijk" in html
    for text in ("0 (1 wijk)", "1 (1 wijk)", "3 (1 wijk)"):
        assert text in html
    # Poelenburg's hole is a second ring of its path; north is up (larger y is higher).
    path = re.search(
        r'aria-label="Poelenburg[^"]*"><title>[^<]*</title><path [^>]* d="([^"]+)"', html
    )[1]
    assert path.count("M") == 2 and path.count("Z") == 2
    assert "style=" not in html


def test_many_wijken_fall_in_five_classes_with_their_ranges(client, boundaries):
    for index in range(7):
        wijk = NeighbourhoodFactory(name=f"Vak {index}", slug=f"vak-{index}")
        triangle_boundary(wijk, x=index * 10)
        InitiativeFactory.create_batch(index * 2, neighbourhood=wijk, published=True)
    html = map_of(client.get("/wijken/").content.decode())
    assert html.count('<path class="wijk-map__area') == 10
    assert {f"wijk-map__area--{step}" for step in range(1, 6)} <= set(
        re.findall(r"wijk-map__area--\d", html)
    )
    # Equal steps of 2.4 from 0 to 12: the three squares, Vak 0 and Vak 1 in the first.
    assert "0 tot en met 2 (5 wijken)" in html
    assert "10 tot en met 12 (2 wijken)" in html


def test_kaart_picks_another_figure_and_an_unknown_one_falls_back(client, boundaries):
    poelenburg = boundaries[0]
    InitiativeFactory(neighbourhood=poelenburg, published=True, support_count=7)
    html = map_of(client.get("/wijken/?kaart=supports").content.decode())
    assert "Kaart: Steunbetuigingen per wijk" in html
    assert 'aria-label="Poelenburg: 7 (Steunbetuigingen)"' in html
    assert '<option value="supports" selected>' in html
    # A share without any measured initiative is hatched: no data.
    html = map_of(client.get("/wijken/?kaart=on_time").content.decode())
    assert "wijk-map__area--none" in html and "Geen gegevens (2 wijken)" in html
    for bogus in ("bestaat-niet", "withdrawn", "<script>"):
        assert "Kaart: Totaal per wijk" in map_of(
            client.get("/wijken/", {"kaart": bogus}).content.decode()
        )


def test_the_figure_form_keeps_the_period_and_the_sorting(client, boundaries):
    html = map_of(client.get("/wijken/?period=all&sort=supports&dir=desc").content.decode())
    for name, value in (("period", "all"), ("sort", "supports"), ("dir", "desc")):
        assert f'<input type="hidden" name="{name}" value="{value}">' in html


def test_a_wijk_without_a_boundary_is_named_under_the_map(client, boundaries):
    NeighbourhoodFactory(name="Zonder grens", slug="zonder-grens")
    html = map_of(client.get("/wijken/").content.decode())
    assert "hun grens is niet bekend: Zonder grens" in html


def test_the_wijk_page_shows_the_wijk_among_its_neighbours(client, boundaries):
    html = map_of(client.get("/wijken/poelenburg/").content.decode())
    assert "Waar ligt Poelenburg?" in html
    assert re.search(
        r'<a href="/wijken/poelenburg/" aria-label="Poelenburg \(deze wijk\)" aria-current="page">'
        r'<title>[^<]*</title><path class="wijk-map__area wijk-map__area--current"',
        html,
    )
    assert '<a href="/wijken/kogerveld/" aria-label="Kogerveld">' in html
    assert '<a href="/wijken/driehoek/" aria-label="Driehoek">' in html
    # The wijk is drawn last, so its outline lies on top of its neighbours'.
    assert html.rindex("<a href") == html.index('<a href="/wijken/poelenburg/"')


def test_a_wijk_far_from_the_others_is_shown_alone(client, boundaries):
    far = NeighbourhoodFactory(name="Ver weg", slug="ver-weg")
    triangle_boundary(far, size=100)
    html = map_of(client.get("/wijken/ver-weg/").content.decode())
    assert html.count("<a href") == 1
    assert "Wijken eromheen" not in html


def test_the_map_adds_one_query_that_does_not_grow_with_the_wijken(
    client, today, boundaries, django_assert_num_queries
):
    poelenburg, kogerveld, _driehoek = boundaries
    make_initiatives([poelenburg, kogerveld], 10)
    # The six of the comparison (tests/initiatives/overviews/test_neighbourhoods.py), and the
    # boundaries; the wijk page's fourteen likewise.
    with django_assert_num_queries(7):
        client.get("/wijken/")
    with django_assert_num_queries(15):
        client.get("/wijken/poelenburg/")
    for index in range(20):
        wijk = NeighbourhoodFactory(name=f"Vak {index}", slug=f"vak-{index}")
        triangle_boundary(wijk)
    with django_assert_num_queries(7):
        client.get("/wijken/")
    with django_assert_num_queries(15):
        client.get("/wijken/poelenburg/")
