"""The Atom feed per wijk: /wijken/<slug>/feed/."""

import xml.etree.ElementTree as ET

import pytest

from tests.factories import InitiativeFactory, TimelineEntryFactory
from tests.initiatives.overviews.conftest import assert_no_canaries, body

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def _entries(client, url: str) -> list[dict]:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)  # noqa: S314 - our own output
    return [
        {
            "title": entry.findtext(f"{ATOM}title"),
            "summary": entry.findtext(f"{ATOM}summary"),
            "id": entry.findtext(f"{ATOM}id"),
        }
        for entry in feed.iter(f"{ATOM}entry")
    ]


def test_feed_lists_published_initiatives_and_their_public_updates(client, dataset):
    entries = _entries(client, "/wijken/poelenburg/feed/")
    titles = [entry["title"] for entry in entries]
    assert titles == [
        "Nieuws: Huiswerkklas in het buurthuis",  # 28 April
        "Huiswerkklas in het buurthuis",  # published 26 April
        "Speelplein De Vlinder",  # published 5 March
    ]
    assert entries[0]["summary"] == "De huiswerkklas begint na de zomer."
    assert len({entry["id"] for entry in entries}) == 3
    assert all(entry["id"].startswith("http://testserver/initiatieven/") for entry in entries)


def test_feed_has_no_personal_data_internal_notes_or_unpublished_initiatives(
    client, dataset, council_member
):
    client.force_login(council_member)  # the feed is the same for everyone
    text = body(client.get("/wijken/poelenburg/feed/"))
    assert_no_canaries(text)
    assert "CANARY" not in text


def test_feed_holds_at_most_fifty_items(client, today, wijk_a):
    for initiative in InitiativeFactory.create_batch(30, neighbourhood=wijk_a, published=True):
        TimelineEntryFactory(initiative=initiative)
    assert len(_entries(client, "/wijken/poelenburg/feed/")) == 50


def test_feed_of_an_unknown_wijk_is_404(client, db):
    assert client.get("/wijken/bestaat-niet/feed/").status_code == 404


def test_feed_query_count_does_not_grow(client, today, wijk_a, django_assert_num_queries):
    for initiative in InitiativeFactory.create_batch(5, neighbourhood=wijk_a, published=True):
        TimelineEntryFactory(initiative=initiative)
    # 1 wijk, 2 published initiatives, 3 public updates.
    with django_assert_num_queries(3):
        client.get("/wijken/poelenburg/feed/")
    for initiative in InitiativeFactory.create_batch(60, neighbourhood=wijk_a, published=True):
        TimelineEntryFactory(initiative=initiative)
    with django_assert_num_queries(3):
        client.get("/wijken/poelenburg/feed/")
