"""Data rights in a real browser: a resident downloads their data from the tracking page; the
pages pass axe."""

import json

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from initiatives.rules import Role
from tests.checks import assert_accessible
from tests.factories import HelpOfferFactory, InitiativeFactory, InitiatorFactory, UserFactory
from tests.initiatives.workspace.test_browser import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def tracked(wijk_a):
    initiative = InitiativeFactory(
        neighbourhood=wijk_a, title="Huiswerkklas in het buurthuis", with_token=True
    )
    InitiatorFactory(initiative=initiative)
    return initiative


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_resident_downloads_their_data_from_the_tracking_page(
    checked_page, live_server, tracked, language
):
    page = checked_page
    page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": live_server.url}]
    )
    page.goto(live_server.url + reverse("initiatives:track", kwargs={"token": tracked.token}))
    page.locator(f"a[href='{reverse('initiatives:track_data')}']").first.click()
    expect(page.get_by_text("fatima@bewoner.example")).to_be_visible()
    assert_accessible(page)
    with page.expect_download() as download:
        page.locator(f"a[href='{reverse('initiatives:track_data_json')}']").click()
    data = json.loads(download.value.path().read_text(encoding="utf-8"))
    assert data["contact_details"]["name"] == "Fatima de Vries"
    assert data["initiative"]["title"] == "Huiswerkklas in het buurthuis"
    page.goto(live_server.url + reverse("initiatives:track_erase"))
    assert_accessible(page)
    page.locator("form.form button[type=submit]").click()
    assert_accessible(page)  # the error summary: the box was not ticked


def test_the_coordinators_page_passes_axe(checked_page, live_server, tracked):
    page = checked_page
    page.context.add_cookies([{"name": "django_language", "value": "nl", "url": live_server.url}])
    UserFactory(username="chris", roles=[Role.COORDINATOR])
    HelpOfferFactory(initiative=tracked, email="fatima@bewoner.example")
    log_in(page, live_server, "chris")
    page.goto(live_server.url + reverse("initiatives:data_requests"))
    assert_accessible(page)
    page.get_by_label("E-mailadres van de bewoner").fill("fatima@bewoner.example")
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_role("link", name="Huiswerkklas in het buurthuis").first).to_be_visible()
    assert_accessible(page)
    page.locator("form[action$='/wissen/'] button").first.click()
    expect(page.get_by_text("De gegevens van de initiatiefnemer zijn gewist.")).to_be_visible()
    assert_accessible(page)
