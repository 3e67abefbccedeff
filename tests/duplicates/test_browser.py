"""Merging in a real browser without JavaScript, at 1366 and 390 px.

A resident submits an idea that is already there and sees "Lijkt op"; a broker finds the
look-alike on the workspace page, merges it, and the resident's tracking link shows the
merged initiative's progress. Every page passes axe and, through ``checked_page``, the Nu
HTML checker. Screenshots go to $SCREENSHOTS (when set) to look at.
"""

import os
from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from duplicates.models import Merge
from initiatives.models import Initiative, Status
from tests.answers.test_browser import log_in
from tests.factories import InitiativeFactory, InitiatorFactory, PostcodeAreaFactory, broker_of

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.browser_context_args(java_script_enabled=False),
]


def _shot(page, name: str) -> None:
    folder = os.environ.get("SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{folder}/{name}.png", full_page=True)


@pytest.mark.parametrize("width", [1366, 390])
def test_a_duplicate_is_seen_merged_and_followed(
    checked_page, live_server, check, wijk_a, width, settings
):
    settings.SUBMIT_MIN_SECONDS = 0  # the live server runs in this process
    page = checked_page
    page.set_viewport_size({"width": width, "height": 900})
    broker_of(wijk_a, username="anna", first_name="Anna", last_name="Makelaar")
    PostcodeAreaFactory(postcode="1506", neighbourhood=wijk_a)
    target = InitiativeFactory(
        neighbourhood=wijk_a,
        title="Speeltuin Vinkenstraat opknappen",
        status=Status.INTAKE,
        published=True,
        public_title="Speeltuin Vinkenstraat opknappen",
    )
    InitiatorFactory(initiative=target, name="Karin Doelman")

    page.context.add_cookies([{"name": "django_language", "value": "nl", "url": live_server.url}])
    # The resident submits the same idea and reads "Lijkt op".
    page.goto(live_server.url + reverse("initiatives:submit"))
    page.locator("#id_title").fill("De speeltuin in de Vinkenstraat opknappen")
    page.locator("#id_description").fill("De glijbaan is kapot en de zandbak is vies.")
    page.locator("#id_postcode").fill("1506 AB")
    page.locator("#id_name").fill("Fatima de Vries")
    page.locator("#id_email").fill("fatima@bewoner.example")
    page.locator("#id_consent").check()
    page.click("form.form button[type=submit]")
    expect(page.locator("main")).to_contain_text("Misschien bestaat uw idee al")
    expect(page.get_by_role("link", name="Speeltuin Vinkenstraat opknappen")).to_be_visible()
    check(page, "nl")
    _shot(page, f"submitted-{width}")
    tracking = page.locator(".tracking-link a").get_attribute("href")
    duplicate = Initiative.objects.exclude(pk=target.pk).get()

    # The broker sees the look-alike and merges.
    log_in(page, live_server, "anna")
    page.goto(
        live_server.url + reverse("initiatives:workspace_detail", kwargs={"pk": duplicate.pk})
    )
    section = page.locator("section[aria-labelledby=vergelijkbaar]")
    expect(section).to_contain_text("Speeltuin Vinkenstraat opknappen")
    check(page, "nl")
    _shot(page, f"workspace-similar-{width}")
    section.get_by_role("link", name="Samenvoegen met dit initiatief").click()
    expect(page.locator("h1")).to_have_text("Samenvoegen met een vergelijkbaar initiatief")
    check(page, "nl")
    _shot(page, f"merge-page-{width}")
    page.locator("#id_merge-public_text").fill("")
    page.get_by_role("button", name="Samenvoegen").click()
    expect(page.locator(".error-summary")).to_be_visible()
    check(page, "nl")
    page.locator("#id_merge-public_text").fill("Uw idee gaat samen verder met dat van een buur.")
    page.get_by_role("button", name="Samenvoegen").click()
    page.wait_for_url(f"**/werkvoorraad/{target.pk}/")
    expect(page.locator("main")).to_contain_text("De initiatieven zijn samengevoegd.")
    expect(page.locator("main")).to_contain_text("Hiermee samengevoegd:")
    check(page, "nl")
    _shot(page, f"workspace-target-{width}")
    assert Merge.objects.get().duplicate_id == duplicate.pk

    # The resident's link now follows the merged initiative; no other person's details.
    page.context.clear_cookies()
    page.context.add_cookies([{"name": "django_language", "value": "nl", "url": live_server.url}])
    page.goto(tracking)
    expect(page.locator("main")).to_contain_text("Uw idee is samengevoegd")
    expect(page.locator("main")).to_contain_text("Uw idee gaat samen verder met dat van een buur.")
    expect(page.locator("section[aria-labelledby=samengevoegd]")).to_contain_text(
        "Speeltuin Vinkenstraat opknappen"
    )
    expect(page.locator("main")).not_to_contain_text("Karin")
    check(page, "nl")
    _shot(page, f"tracking-{width}")
