"""Answer templates in a real browser without JavaScript, in Dutch and English.

A coordinator writes a template (first with an unknown placeholder), then uses it on an
initiative's page for a message and for a status change. Every page passes axe and,
through ``checked_page``, the Nu HTML checker.
"""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from playwright.sync_api import expect

from answers.models import AnswerTemplate
from initiatives.models import Status, TimelineEntry
from initiatives.rules import Role
from tests.checks import assert_accessible
from tests.factories import AnswerTemplateFactory, InitiativeFactory, InitiatorFactory, UserFactory
from tests.second_factor import app_device, code_for

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.browser_context_args(java_script_enabled=False),
]

PASSWORD = "correct horse battery staple"  # UserFactory's default


def log_in(page, live_server, username: str) -> None:
    """The password, then the code from the app (tests/second_factor.py)."""
    device = app_device(get_user_model().objects.get(username=username))
    page.goto(live_server.url + reverse("login"))
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form.form button[type=submit]").click()
    page.wait_for_url(live_server.url + reverse("second_factor") + "**")
    page.locator("#id_code").fill(code_for(device))
    page.locator("form.form button[type=submit]").click()
    page.wait_for_url(live_server.url + reverse("initiatives:workspace") + "**")


@pytest.fixture
def check(browser):
    """Check the page: language, one h1, and axe.

    axe needs JavaScript, so the very same HTML is served to a second, scripted page at
    the same address (as in tests/initiatives/public/test_journey.py).
    """
    context = browser.new_context()
    axe_page = context.new_page()

    def checker(page, language: str) -> None:
        expect(page.locator("html")).to_have_attribute("lang", language)
        expect(page.locator("h1")).to_have_count(1)
        html = page.content()
        url = page.url.split("#")[0]

        def serve(route) -> None:
            route.fulfill(status=200, content_type="text/html; charset=utf-8", body=html)

        axe_page.route(url, serve)
        axe_page.goto(url)
        axe_page.unroute(url)
        assert_accessible(axe_page)

    yield checker
    context.close()


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_coordinator_writes_a_template_and_uses_it_without_javascript(
    checked_page, live_server, check, wijk_a, language
):
    page = checked_page
    UserFactory(
        username="chris", first_name="Chris", last_name="Coördinator", roles=[Role.COORDINATOR]
    )
    initiative = InitiativeFactory(neighbourhood=wijk_a, title="Huiswerkklas in het buurthuis")
    InitiatorFactory(initiative=initiative)
    AnswerTemplateFactory(
        name="In gesprek",
        kind="status",
        to_status=Status.INTAKE,
        text_nl="We bellen u, {voornaam}.",
    )
    page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": live_server.url}]
    )
    log_in(page, live_server, "chris")

    page.goto(live_server.url + reverse("answers:list"))
    check(page, language)
    page.goto(live_server.url + reverse("answers:create"))
    check(page, language)
    page.locator("#id_name").fill("Eerste contact")
    page.locator("#id_kind").select_option("message")
    page.locator("#id_text_nl").fill("Beste {naam}, ik ben {makelaar} uit {wijk}.")
    page.locator("form.form button[type=submit]").click()
    expect(page.locator(".error-summary")).to_contain_text("{naam}")
    expect(page.locator("#id_text_nl")).to_have_value("Beste {naam}, ik ben {makelaar} uit {wijk}.")
    check(page, language)
    page.locator("#id_text_nl").fill("Beste {voornaam}, ik ben {makelaar} uit {wijk}.")
    page.locator("form.form button[type=submit]").click()
    page.wait_for_url(live_server.url + reverse("answers:list"))
    check(page, language)
    template = AnswerTemplate.objects.get(name="Eerste contact")
    page.goto(live_server.url + reverse("answers:edit", kwargs={"template_pk": template.pk}))
    check(page, language)

    detail = live_server.url + reverse("initiatives:workspace_detail", kwargs={"pk": initiative.pk})
    page.goto(detail)
    check(page, language)
    message = page.locator("form[action$='/bericht/']")
    message.locator("select").select_option(label="Eerste contact")
    message.locator("button[name=use_template]").click()
    filled = "Beste Fatima, ik ben Chris Coördinator uit Poelenburg."
    expect(page.locator("#id_message-text")).to_have_value(filled)
    check(page, language)
    assert not TimelineEntry.objects.filter(initiative=initiative).exists()

    status = page.locator("form[action$='/status/']")
    status.locator("select").select_option(label="In gesprek")
    status.locator("button[name=use_template]").click()
    expect(page.locator("input[name='status-to'][value='intake']")).to_be_checked()
    expect(page.locator("#id_status-public_text")).to_have_value("We bellen u, Fatima.")
    check(page, language)
    # Sending the filled-in status change.
    page.locator("form[action$='/status/'] button[type=submit]:not([name])").click()
    page.wait_for_url(detail)
    initiative.refresh_from_db()
    assert initiative.status == Status.INTAKE
