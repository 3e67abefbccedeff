"""The questions afterwards in a real browser on a phone, without JavaScript: the initiator
forgets to choose, gets the form back with what they wrote, answers, and the wijk's broker
reads it. Every page passes axe and, through ``checked_page``, the Nu HTML checker."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from feedback.models import Feedback
from initiatives.models import Status
from tests.answers.test_browser import log_in
from tests.factories import InitiativeFactory, InitiatorFactory, broker_of

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.browser_context_args(java_script_enabled=False),
]


def test_an_initiator_answers_and_the_broker_reads_it(checked_page, live_server, check, wijk_a):
    page = checked_page
    page.set_viewport_size({"width": 390, "height": 800})
    broker_of(wijk_a, username="anna", first_name="Anna", last_name="Makelaar")
    initiative = InitiativeFactory(
        neighbourhood=wijk_a, status=Status.DECLINED, with_token=True, title="Bankje bij de vijver"
    )
    InitiatorFactory(initiative=initiative)
    Feedback.objects.create(initiative=initiative)
    page.context.add_cookies([{"name": "django_language", "value": "nl", "url": live_server.url}])

    page.goto(live_server.url + f"/volgen/{initiative.token}/")
    check(page, "nl")
    page.get_by_label("Wat kan beter?").fill("Sneller terugbellen.")
    page.get_by_role("button", name="Verstuur mijn antwoord").click()
    expect(page.locator("#foutmeldingen")).to_contain_text("Kies hoe geholpen u zich voelde.")
    expect(page.get_by_label("Wat kan beter?")).to_have_value("Sneller terugbellen.")
    check(page, "nl")
    page.get_by_role("group", name="Voelde u zich geholpen?").get_by_label("Grotendeels").check()
    page.get_by_role("button", name="Verstuur mijn antwoord").click()
    expect(page.get_by_text("Dank u wel voor uw antwoord.")).to_be_visible()
    check(page, "nl")
    assert Feedback.objects.get().helped == 4

    page.context.clear_cookies()
    page.context.add_cookies([{"name": "django_language", "value": "nl", "url": live_server.url}])
    log_in(page, live_server, "anna")
    page.goto(
        live_server.url + reverse("initiatives:workspace_detail", kwargs={"pk": initiative.pk})
    )
    section = page.locator("section[aria-labelledby=terugblik]")
    expect(section).to_contain_text("Grotendeels (4/5)")
    expect(section).to_contain_text("Sneller terugbellen.")
    check(page, "nl")
