"""A database outage: 503 with Retry-After and a calm page, cached public pages still served.

Here the database is cut off where Django talks to it (every query raises the
OperationalError a refused connection raises); test_outage_real.py stops a real PostgreSQL.
"""

import logging

import pytest
from django.core.cache import cache
from django.db import OperationalError
from django.test import Client

from tests.factories import InitiativeFactory, InitiatorFactory

pytestmark = pytest.mark.django_db

REFUSED = 'connection to server at "127.0.0.1", port 5432 failed: Connection refused'


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def database_down(monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError(REFUSED)

    def cut() -> None:
        monkeypatch.setattr("django.db.backends.utils.CursorWrapper.execute", refuse)

    return cut


@pytest.fixture
def published(wijk_a):
    initiative = InitiativeFactory(
        neighbourhood=wijk_a, published=True, public_title="Speeltuin opknappen"
    )
    InitiatorFactory(initiative=initiative)
    return initiative


def test_a_page_needing_the_database_gets_a_calm_503_logged_as_a_warning(
    client, wijk_a, database_down, caplog
):
    database_down()
    with caplog.at_level(logging.INFO):
        response = client.get("/initiatieven/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    assert "De site is even niet bereikbaar" in response.text
    assert "Er ging bij ons iets mis" not in response.text
    [record] = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert record.levelno == logging.WARNING
    assert record.exc_info is None
    assert record.getMessage() == f"Database unavailable: GET /initiatieven/ ({REFUSED})"


def test_the_outage_page_speaks_english_too(client, database_down):
    database_down()
    client.cookies["django_language"] = "en"
    response = client.get("/initiatieven/")
    assert response.status_code == 503
    assert "The site is briefly unavailable" in response.text
    assert 'lang="en"' in response.text


def test_a_form_post_during_an_outage_gets_the_503_page(client, submission, database_down):
    database_down()
    response = client.post("/idee/", submission)
    assert response.status_code == 503


def test_a_visitor_with_a_session_gets_the_503_page_too(wijk_a, database_down, caplog):
    # The session is read in middleware, before any view: the 500 handler answers.
    visitor = Client(raise_request_exception=False)
    visitor.cookies["sessionid"] = "an-existing-session"
    database_down()
    with caplog.at_level(logging.INFO):
        response = visitor.get("/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


def test_cached_public_pages_are_served_with_the_last_known_data(published, database_down):
    pages = ["/", "/initiatieven/", published.get_absolute_url(), "/wijken/poelenburg/"]
    before = {path: Client().get(path) for path in pages}
    assert all(response.status_code == 200 for response in before.values())

    database_down()
    for path in pages:
        during = Client().get(path)
        assert during.status_code == 200, path
        assert "Speeltuin opknappen" in during.text
    # A page nobody asked for before the outage is not in the cache.
    assert Client().get("/initiatieven/?q=speeltuin").status_code == 503


def test_a_new_process_finds_the_last_version_in_a_shared_cache(
    published, database_down, monkeypatch
):
    assert Client().get("/").status_code == 200
    monkeypatch.setattr("initiatives.pagecache._last_versions", {})  # a fresh worker
    database_down()
    assert Client().get("/").status_code == 200
