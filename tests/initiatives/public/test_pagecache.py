"""The cache of public pages (initiatives.pagecache): fast, never stale, never personal.

The rest of the suite runs with the cache off (PAGE_CACHE_SECONDS=0 in pyproject); these
tests switch it on. Tests of staleness commit for real (transactional_db): on PostgreSQL the
data version goes up only when a transaction commits.
"""

import re

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.test import Client

from initiatives import services
from initiatives.models import DataVersion, Initiative, Status
from initiatives.pagecache import csrf_placeholder_text
from initiatives.views.public import BROWSER_COOKIE
from neighbourhoods.models import Priority
from tests.factories import (
    InitiativeFactory,
    InitiatorFactory,
    NeighbourhoodFactory,
    TimelineEntryFactory,
    broker_of,
)
from tests.second_factor import verify_session

CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


def make_published(wijk, **kwargs) -> Initiative:
    initiative = InitiativeFactory(neighbourhood=wijk, published=True, **kwargs)
    InitiatorFactory(initiative=initiative)
    return initiative


PUBLIC_PAGES = [
    "/",
    "/initiatieven/",
    "/initiatieven/?q=speeltuin&status=submitted",
    "/wijken/",
    "/wijken/poelenburg/",
]


@pytest.mark.django_db
@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_a_second_visitor_gets_the_page_for_one_query(path, wijk_a, django_assert_num_queries):
    make_published(wijk_a, public_title="Speeltuin opknappen")
    first = Client().get(path)
    assert first.status_code == 200
    with django_assert_num_queries(1):  # the data version
        second = Client().get(path)
    assert second.status_code == 200
    assert CSRF_FIELD.sub("", second.text) == CSRF_FIELD.sub("", first.text)


@pytest.mark.django_db
def test_the_initiative_page_is_cached_too(wijk_a, django_assert_num_queries):
    initiative = make_published(wijk_a)
    Client().get(initiative.get_absolute_url())
    with django_assert_num_queries(1):
        assert Client().get(initiative.get_absolute_url()).status_code == 200


@pytest.mark.django_db
def test_every_visitor_gets_their_own_working_csrf_token(wijk_a):
    make_published(wijk_a)
    tokens = []
    for _ in range(2):
        visitor = Client(enforce_csrf_checks=True)
        page = visitor.get("/")
        token = CSRF_FIELD.search(page.text).group(1)
        assert csrf_placeholder_text() not in page.text
        response = visitor.post("/i18n/setlang/", {"language": "en", "csrfmiddlewaretoken": token})
        assert response.status_code == 302
        tokens.append(token)
    assert tokens[0] != tokens[1]


@pytest.mark.django_db
def test_each_language_has_its_own_page(wijk_a):
    Client().get("/")
    english = Client(headers={"accept-language": "en"}).get("/")
    assert english["Content-Language"] == "en"
    assert '<html lang="en"' in english.text


@pytest.mark.django_db
def test_logged_in_users_get_the_page_rendered_for_them(wijk_a, broker_a):
    Client().get("/")
    broker = Client()
    broker.force_login(broker_a)
    verify_session(broker, broker_a)
    page = broker.get("/")
    assert "Werkvoorraad" in page.text
    assert "Werkvoorraad" not in Client().get("/").text


@pytest.mark.django_db
def test_a_waiting_message_is_shown_not_a_cached_page(wijk_a):
    initiative = make_published(wijk_a)
    visitor = Client()
    visitor.get(initiative.get_absolute_url())  # cached without a message
    response = visitor.post(f"/initiatieven/{initiative.pk}/steunen/", follow=True)
    assert "Dank u wel! U steunt dit idee." in response.text


def test_a_supporter_and_a_stranger_each_see_their_own_support_box(transactional_db, wijk_a):
    initiative = make_published(wijk_a)
    url = initiative.get_absolute_url()
    stranger = Client()
    assert "Ik steun dit" in stranger.get(url).text
    supporter = Client()
    supporter.post(f"/initiatieven/{initiative.pk}/steunen/")
    supporter.cookies.pop("messages", None)
    assert BROWSER_COOKIE in supporter.cookies
    page = supporter.get(url).text
    assert "U steunt dit idee. Dank u wel!" in page
    assert "1 bewoner steunt dit idee." in page
    again = stranger.get(url).text
    assert "Ik steun dit" in again and "U steunt dit idee" not in again
    assert "1 bewoner steunt dit idee." in again


@pytest.mark.django_db
def test_error_pages_are_not_cached(wijk_a, django_assert_max_num_queries):
    Client().get("/initiatieven/999999/")
    with django_assert_max_num_queries(3) as queries:
        assert Client().get("/initiatieven/999999/").status_code == 404
    assert len(queries) > 1  # looked up again


# --- Never stale: every kind of change shows on the next view --------------------------


def test_a_broker_publishing_shows_on_the_list_at_once(transactional_db, wijk_a, broker_a):
    make_published(wijk_a, public_title="Eerste idee")
    assert "Eerste idee" in Client().get("/initiatieven/").text
    waiting = InitiativeFactory(neighbourhood=wijk_a, status=Status.INTAKE)
    services.publish(
        waiting,
        public_title="Tweede idee",
        public_summary="Een moestuin voor de buurt.",
        actor=broker_a,
    )
    assert "Tweede idee" in Client().get("/initiatieven/").text


def test_a_queryset_update_shows_at_once(transactional_db, wijk_a):
    initiative = make_published(wijk_a, public_title="Oude titel")
    assert "Oude titel" in Client().get(initiative.get_absolute_url()).text
    Initiative.objects.filter(pk=initiative.pk).update(public_title="Nieuwe titel")
    assert "Nieuwe titel" in Client().get(initiative.get_absolute_url()).text


def test_a_public_update_shows_at_once(transactional_db, wijk_a):
    initiative = make_published(wijk_a)
    Client().get(initiative.get_absolute_url())
    TimelineEntryFactory(initiative=initiative, public_text="De bank staat er!")
    assert "De bank staat er!" in Client().get(initiative.get_absolute_url()).text


def test_reference_data_changes_show_at_once(transactional_db, wijk_a):
    Client().get("/")
    Priority.objects.filter(slug="kinderen").update(name="Kinderen en jongeren voorop")
    NeighbourhoodFactory(name="Rosmolenwijk", slug="rosmolenwijk")
    page = Client().get("/").text
    assert "Kinderen en jongeren voorop" in page
    assert "Rosmolenwijk" in page


def test_a_brokers_new_name_shows_on_the_wijk_page(transactional_db, wijk_a):
    broker = broker_of(wijk_a, first_name="Anna", last_name="Makelaar")
    assert "Anna Makelaar" in Client().get("/wijken/poelenburg/").text
    broker.last_name = "de Wit"
    broker.save()
    assert "Anna de Wit" in Client().get("/wijken/poelenburg/").text


# --- The data version --------------------------------------------------------------------


def test_the_version_goes_up_with_each_committed_change(transactional_db, wijk_a):
    before = DataVersion.current()
    initiative = make_published(wijk_a)
    after_create = DataVersion.current()
    assert after_create > before
    Initiative.objects.filter(pk=initiative.pk).update(support_count=3)
    assert DataVersion.current() > after_create


def test_the_version_stays_when_nothing_public_changes(transactional_db, wijk_a):
    initiative = make_published(wijk_a)
    before = DataVersion.current()
    initiative.initiator.name = "Iemand anders"  # contact details: never on a public page
    initiative.initiator.save()
    assert DataVersion.current() == before


def test_the_version_is_raised_with_the_commit_not_before(transactional_db, wijk_a):
    initiative = make_published(wijk_a)
    before = DataVersion.current()
    with transaction.atomic():
        Initiative.objects.filter(pk=initiative.pk).update(support_count=5)
        during = DataVersion.current()
    if connection.vendor == "postgresql":
        # Raised as the commit's last step: no reader sees the number before the data.
        assert during == before
    else:
        # SQLite has one writer at a time; readers wait for the commit either way.
        assert during == before + 1
    assert DataVersion.current() == before + 1


@pytest.mark.django_db
def test_a_wijks_open_data_is_cached_whole(wijk_a, django_assert_num_queries):
    make_published(wijk_a, public_title="Speeltuin opknappen")
    first = Client().get("/wijken/poelenburg/initiatieven.csv")
    body = first.content
    with django_assert_num_queries(1):
        second = Client().get("/wijken/poelenburg/initiatieven.csv")
    assert second.content == body
    assert b"Speeltuin opknappen" in body
    assert second["Content-Disposition"] == first["Content-Disposition"]
    assert second["Access-Control-Allow-Origin"] == "*"


@pytest.mark.django_db
def test_open_data_links_follow_the_host_asked_for(wijk_a, settings):
    settings.ALLOWED_HOSTS = ["a.example", "b.example"]
    initiative = make_published(wijk_a)
    Client().get("/wijken/poelenburg/initiatieven.json", HTTP_HOST="a.example")
    body = Client().get("/wijken/poelenburg/initiatieven.json", HTTP_HOST="b.example").text
    assert f"http://b.example/initiatieven/{initiative.pk}/" in body
    assert "a.example" not in body


@pytest.mark.django_db
def test_a_parameter_the_page_does_not_know_is_rendered_not_cached(
    wijk_a, django_assert_max_num_queries
):
    Client().get("/initiatieven/?utm_source=krant")
    with django_assert_max_num_queries(10) as queries:
        assert Client().get("/initiatieven/?utm_source=krant").status_code == 200
    assert len(queries) > 1
    Client().get("/initiatieven/?wijk=poelenburg&page=1")
    with django_assert_max_num_queries(1):
        Client().get("/initiatieven/?wijk=poelenburg&page=1")


def test_a_log_in_does_not_make_a_new_version(transactional_db, broker_a):
    before = DataVersion.current()
    Client().force_login(broker_a)  # writes last_login
    assert DataVersion.current() == before
