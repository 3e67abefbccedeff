"""Recording a result in a real browser on a phone, without JavaScript, in Dutch and English.

A broker records what a completed initiative achieved (first with a mistyped number), then
sees it on the initiative's public page and on the wijk page. Every page passes axe and,
through ``checked_page``, the Nu HTML checker.
"""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from initiatives.models import Status
from results.models import Result
from tests.answers.test_browser import log_in
from tests.factories import InitiativeFactory, InitiatorFactory, broker_of, priority

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.browser_context_args(java_script_enabled=False),
]

STORY = "Dertig kinderen speelden elke woensdag samen op het plein."


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_broker_records_a_result_on_a_phone(checked_page, live_server, check, wijk_a, language):
    page = checked_page
    page.set_viewport_size({"width": 360, "height": 800})
    broker_of(wijk_a, username="anna", first_name="Anna", last_name="Makelaar")
    initiative = InitiativeFactory(
        neighbourhood=wijk_a,
        status=Status.COMPLETED,
        published=True,
        public_title="Speelplein De Vlinder",
        amount_granted=500,
        priorities=[priority("kinderen")],
    )
    InitiatorFactory(initiative=initiative)
    page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": live_server.url}]
    )
    log_in(page, live_server, "anna")

    detail = live_server.url + reverse("initiatives:workspace_detail", kwargs={"pk": initiative.pk})
    page.goto(detail)
    check(page, language)
    page.locator("#id_result-residents_reached").fill("veel")
    page.locator("#id_result-volunteers").fill("4")
    page.locator("#id_result-money_spent").fill("480")
    page.locator("#id_result-story").fill(STORY)
    page.locator("#id_result-is_public").check()
    page.locator("form[action$='/resultaat/'] button[type=submit]").click()
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.locator("#id_result-residents_reached")).to_have_value("veel")
    expect(page.locator("#id_result-story")).to_have_value(STORY)
    check(page, language)
    page.locator("#id_result-residents_reached").fill("30")
    page.locator("form[action$='/resultaat/'] button[type=submit]").click()
    page.wait_for_url(detail)
    expect(page.locator("main")).to_contain_text(STORY)
    check(page, language)
    assert Result.objects.get(initiative=initiative).residents_reached == 30

    page.goto(live_server.url + reverse("initiatives:detail", kwargs={"pk": initiative.pk}))
    expect(page.locator("main")).to_contain_text(STORY)
    check(page, language)
    page.goto(live_server.url + reverse("initiatives:neighbourhood", kwargs={"slug": wijk_a.slug}))
    reached = "30 bewoners bereikt" if language == "nl" else "30 residents reached"
    expect(page.locator("main")).to_contain_text(reached)
    check(page, language)
