import datetime as dt

import pytest

from tests.factories import FIXED_NOW, InitiativeFactory, NeighbourhoodFactory

pytestmark = pytest.mark.django_db


def test_home_explains_shows_priorities_wijken_and_one_way_to_submit(client, wijk_a, wijk_b):
    NeighbourhoodFactory(name="Gesloten wijk", slug="gesloten", is_active=False)
    response = client.get("/")
    assert response.status_code == 200
    html = response.text
    assert "Heeft u een idee voor uw wijk?" in html
    for label in ["Help onze kinderen", "Pak de werkloosheid aan", "Handhaaf"]:
        assert label in html
    assert 'href="/initiatieven/?wijk=poelenburg"' in html
    assert "Kogerveld" in html
    assert "Gesloten wijk" not in html
    assert 'href="/idee/"' in html and "Deel uw idee" in html
    assert "Er staan nog geen initiatieven op de website" in html


def test_home_shows_the_six_most_recently_published(client, wijk_a):
    for number in range(8):
        InitiativeFactory(
            neighbourhood=wijk_a,
            published=True,
            published_at=FIXED_NOW + dt.timedelta(days=number),
            public_title=f"Openbaar {number}",
        )
    InitiativeFactory(neighbourhood=wijk_a, title="Nog niet bekeken")
    html = client.get("/").text
    assert [f"Openbaar {n}" in html for n in range(8)] == [False] * 2 + [True] * 6
    assert "Nog niet bekeken" not in html


def test_home_query_count_does_not_grow_with_the_data(client, wijk_a, django_assert_num_queries):
    def check(total: int) -> None:
        InitiativeFactory.create_batch(total, neighbourhood=wijk_a, published=True)
        # initiatives + wijk, their priorities, the priorities, the wijken
        with django_assert_num_queries(4):
            client.get("/")

    check(10)
    check(190)


def test_home_in_english(client, wijk_a):
    client.cookies["django_language"] = "en"
    assert b'<html lang="en"' in client.get("/").content
