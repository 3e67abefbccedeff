"""The workspace in a real browser: a broker's morning, and axe-core on every page."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from playwright.sync_api import expect

from initiatives.models import Initiative, Status
from tests.checks import assert_accessible
from tests.factories import (
    HelpOfferFactory,
    InitiativeFactory,
    InitiativePartnerFactory,
    InitiatorFactory,
    PartnerFactory,
    TimelineEntryFactory,
    broker_of,
)
from tests.second_factor import app_device, code_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


PASSWORD = "correct horse battery staple"  # UserFactory's default


def log_in(page, live_server, username: str) -> None:
    """The password, then the code from the broker's app (tests/second_factor.py)."""
    device = app_device(get_user_model().objects.get(username=username))
    page.goto(live_server.url + reverse("login"))
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form.form button[type=submit]").click()
    page.wait_for_url(live_server.url + reverse("second_factor") + "**")
    page.locator("#id_code").fill(code_for(device))
    page.locator("form.form button[type=submit]").click()


def test_a_broker_takes_a_new_initiative_through_to_publication(checked_page, live_server, wijk_a):
    page = checked_page
    broker_of(wijk_a, username="anna", first_name="Anna", last_name="Makelaar")
    initiative = InitiativeFactory(neighbourhood=wijk_a, title="Huiswerkklas in het buurthuis")
    InitiatorFactory(initiative=initiative)

    page.context.add_cookies([{"name": "django_language", "value": "nl", "url": live_server.url}])
    log_in(page, live_server, "anna")
    page.wait_for_url(live_server.url + reverse("initiatives:workspace"))
    expect(page).to_have_url(live_server.url + reverse("initiatives:workspace"))
    page.get_by_role("link", name="Huiswerkklas in het buurthuis").click()

    page.get_by_role("button", name="Ik pak dit op").click()
    expect(page.get_by_text("Het initiatief is toegewezen.")).to_be_visible()

    page.get_by_label("Bericht aan de initiatiefnemer").fill("Mogen we u deze week bellen?")
    page.get_by_role("button", name="Bericht versturen").click()
    expect(page.get_by_text("Het bericht is verstuurd.")).to_be_visible()

    page.get_by_label("In gesprek").check()
    page.get_by_label("Tekst voor de initiatiefnemer").fill("We gaan met u in gesprek.")
    page.get_by_role("button", name="Voorbeeld bekijken").click()
    expect(page.get_by_text("Voorbeeld van de e-mail aan de initiatiefnemer")).to_be_visible()
    page.get_by_role("button", name="Status wijzigen").click()
    expect(page.get_by_text("De status is gewijzigd.")).to_be_visible()

    page.get_by_label("Openbare samenvatting").fill("Kinderen krijgen hulp bij hun huiswerk.")
    page.get_by_role("button", name="Openbaar maken").click()
    expect(page.get_by_text("Het initiatief is openbaar.")).to_be_visible()

    initiative.refresh_from_db()
    assert initiative.status == Status.INTAKE
    assert initiative.is_published
    assert initiative.assigned_broker.username == "anna"

    page.goto(live_server.url + reverse("initiatives:list"))
    expect(page.get_by_text("Huiswerkklas in het buurthuis").first).to_be_visible()


@pytest.fixture
def filled(wijk_a):
    broker = broker_of(wijk_a, username="anna", first_name="Anna", last_name="Makelaar")
    initiative = InitiativeFactory(neighbourhood=wijk_a, title="Huiswerkklas in het buurthuis")
    InitiatorFactory(initiative=initiative)
    InitiativeFactory(neighbourhood=wijk_a, status=Status.INTAKE, assigned_broker=broker)
    TimelineEntryFactory(initiative=initiative, kind="note", public_text="", internal_note="Bel.")
    TimelineEntryFactory(initiative=initiative, kind="message_to_initiator", actor=broker)
    HelpOfferFactory(initiative=initiative)
    InitiativePartnerFactory(initiative=initiative, partner=PartnerFactory(name="Parteon"))
    return initiative


@pytest.mark.parametrize("language", ["nl", "en"])
def test_workspace_pages_pass_axe(checked_page, live_server, filled, language):
    page = checked_page
    page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": live_server.url}]
    )
    for url in (reverse("login"), reverse("password_reset")):
        page.goto(live_server.url + url)
        assert_accessible(page)
    # An error summary on the log-in page.
    page.goto(live_server.url + reverse("login"))
    page.locator("button[type=submit]").last.click()
    assert_accessible(page)

    log_in(page, live_server, "anna")
    detail = reverse("initiatives:workspace_detail", kwargs={"pk": filled.pk})
    for url in (
        reverse("initiatives:workspace"),
        reverse("initiatives:workspace") + "?queue=all&neighbourhood=abc",
        detail,
        reverse("initiatives:partners"),
        reverse("initiatives:partner_create"),
    ):
        page.goto(live_server.url + url)
        expect(page.locator("html")).to_have_attribute("lang", language)
        assert_accessible(page)
    # The detail page with the contact details shown, an e-mail preview, and an error.
    page.goto(live_server.url + detail)
    page.locator("form[action$='/contactgegevens/'] button").click()
    assert_accessible(page)
    page.goto(live_server.url + detail)
    page.locator("input[name='status-to'][value='intake']").check()
    page.locator("#id_status-public_text").fill("We bellen u.")
    page.locator("button[name='preview']").click()
    assert_accessible(page)
    page.goto(live_server.url + detail)
    page.locator("form[action$='/bericht/'] button").click()
    assert_accessible(page)
    assert Initiative.objects.count() == 2
