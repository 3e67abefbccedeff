"""The published assessment in a real browser without JavaScript, in Dutch and English.

A coordinator adds a criterion (first with a mistake), then declines an initiative: first
without the scores, then with them. The initiator's tracking page, the public initiative
page and the wijk page show the assessment. Every page passes axe and, through
``checked_page``, the Nu HTML checker.
"""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from assessments.models import Assessment, Criterion
from initiatives.models import Initiative, Status
from initiatives.rules import Role
from tests.answers.test_browser import log_in
from tests.checks import assert_accessible
from tests.factories import InitiativeFactory, InitiatorFactory, UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.browser_context_args(java_script_enabled=False),
]


@pytest.fixture
def check(browser):
    """Language, one h1, and axe on a scripted copy of the page (as tests/answers does)."""
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
def test_a_coordinator_keeps_criteria_and_declines_with_scores(
    checked_page,
    live_server,
    check,
    wijk_a,
    language,
):
    page = checked_page
    UserFactory(
        username="chris", first_name="Chris", last_name="Coördinator", roles=[Role.COORDINATOR]
    )
    # The seeded criteria are still there before the first flush of the run: start clean.
    Criterion.objects.all().delete()
    Criterion.objects.create(
        name="Steun in de wijk",
        name_en="Support in the neighbourhood",
        explanation="Andere bewoners steunen het idee.",
        explanation_en="Other residents support the idea.",
        order=1,
    )
    initiative = InitiativeFactory(
        neighbourhood=wijk_a,
        title="Huiswerkklas in het buurthuis",
        status=Status.INTAKE,
        published=True,
        public_title="Huiswerkklas",
        with_token=True,
    )
    InitiatorFactory(initiative=initiative)
    page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": live_server.url}]
    )
    log_in(page, live_server, "chris")

    page.goto(live_server.url + reverse("assessments:list"))
    check(page, language)
    page.goto(live_server.url + reverse("assessments:create"))
    check(page, language)
    page.locator("#id_name").fill("Het kan echt")
    page.locator("#id_explanation").fill("Het plan is haalbaar.")
    page.locator("#id_order").fill("twee")
    page.locator("form.form button[type=submit]").click()
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.locator("#id_order")).to_have_value("twee")
    check(page, language)
    page.locator("#id_order").fill("2")
    page.locator("form.form button[type=submit]").click()
    page.wait_for_url(live_server.url + reverse("assessments:list"))
    added = Criterion.objects.get(name="Het kan echt")
    page.goto(live_server.url + reverse("assessments:edit", kwargs={"criterion_pk": added.pk}))
    check(page, language)

    detail = live_server.url + reverse("initiatives:workspace_detail", kwargs={"pk": initiative.pk})
    page.goto(detail)
    check(page, language)
    status = page.locator("form[action$='/status/']")
    status.locator("input[name='status-to'][value='declined']").check()
    status.locator("#id_status-public_text").fill("Het past niet in het wijkbudget.")
    page.locator("form[action$='/status/'] button[type=submit]:not([name])").click()
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.locator("#id_status-public_text")).to_have_value("Het past niet in het wijkbudget.")
    check(page, language)
    assert Initiative.objects.get(pk=initiative.pk).status == Status.INTAKE
    for criterion in Criterion.objects.all():
        status = page.locator("form[action$='/status/']")
        status.locator(f"input[name='status-score_{criterion.pk}'][value='not']").check()
        status.locator(f"#id_status-sentence_{criterion.pk}").fill(f"Niet bij {criterion.name}.")
    page.locator("form[action$='/status/'] button[type=submit]:not([name])").click()
    page.wait_for_url(detail)
    assert Assessment.objects.get().kind == Assessment.Kind.DECLINED
    check(page, language)

    page.goto(live_server.url + reverse("initiatives:detail", kwargs={"pk": initiative.pk}))
    expect(page.locator("main")).to_contain_text("Niet bij Steun in de wijk.")
    check(page, language)
    page.goto(live_server.url + reverse("initiatives:neighbourhood", kwargs={"slug": wijk_a.slug}))
    expect(page.locator("#wat-telt")).to_be_visible()
    check(page, language)
    page.context.clear_cookies()
    page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": live_server.url}]
    )
    page.goto(live_server.url + f"/volgen/{initiative.token}/")
    expect(page.locator("main")).to_contain_text("Niet bij Het kan echt.")
    check(page, language)
