"""The page cache in a real browser: the forms on a cached page work for each visitor.

The live server runs in this process, so the setting and the cache reach it.
"""

import pytest
from django.core.cache import cache
from django.test import Client
from playwright.sync_api import expect

from tests.checks import assert_accessible
from tests.factories import InitiativeFactory, InitiatorFactory, NeighbourhoodFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


def test_a_resident_supports_and_switches_language_on_a_cached_page(
    page_cache, checked_page, live_server
):
    wijk = NeighbourhoodFactory(name="Poelenburg", slug="poelenburg")
    initiative = InitiativeFactory(
        neighbourhood=wijk, published=True, public_title="Speeltuin Poelenburg opknappen"
    )
    InitiatorFactory(initiative=initiative)
    # Another visitor was first: the resident's browser gets the page from the cache.
    assert Client().get(initiative.get_absolute_url()).status_code == 200

    page = checked_page
    page.context.add_cookies([{"name": "django_language", "value": "nl", "url": live_server.url}])
    page.goto(live_server.url + initiative.get_absolute_url())
    page.get_by_role("button", name="Ik steun dit").click()
    expect(page.get_by_text("Dank u wel! U steunt dit idee.")).to_be_visible()
    expect(page.get_by_text("1 bewoner steunt dit idee.")).to_be_visible()

    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_text("You support this idea. Thank you!")).to_be_visible()
    assert_accessible(page)
