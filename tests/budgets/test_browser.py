"""Money and support in a real browser: a coordinator creates a pot on the workspace's
budget page, a broker grants from it and records a partner's contribution, a resident
confirms support by the e-mail link, and the public pages show the pot, who contributes and
the verified count; axe-core on every new page."""

import re
from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse
from playwright.sync_api import expect

from budgets.models import BudgetPot
from initiatives.models import Status
from initiatives.rules import Role
from tests.checks import assert_accessible
from tests.factories import (
    InitiativeFactory,
    InitiatorFactory,
    PartnerFactory,
    PostcodeAreaFactory,
    UserFactory,
    broker_of,
)
from tests.initiatives.workspace.test_browser import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_pot_is_drawn_from_and_support_confirmed_then_the_wijk_page_shows_both(
    checked_page, live_server, wijk_a, settings
):
    # The live server runs in this process, so the setting reaches it.
    settings.SUBMIT_MIN_SECONDS = 0
    page = checked_page
    UserFactory(username="marieke", roles=[Role.COORDINATOR], is_staff=True)
    broker_of(wijk_a, username="anna", first_name="Anna", last_name="Makelaar")
    initiative = InitiativeFactory(
        neighbourhood=wijk_a,
        status=Status.INTAKE,
        published=True,
        public_title="Speeltuin opknappen",
    )
    InitiatorFactory(initiative=initiative)
    PartnerFactory(name="Woningcorporatie Parteon")
    PostcodeAreaFactory(postcode="1506", neighbourhood=wijk_a)
    page.context.add_cookies([{"name": "django_language", "value": "nl", "url": live_server.url}])

    # The coordinator creates the pot on the workspace's budget page.
    log_in(page, live_server, "marieke")
    page.goto(live_server.url + reverse("budgets:list"))
    assert_accessible(page)
    page.get_by_role("link", name="Nieuw wijkbudget").click()
    page.get_by_label("Wijk").select_option(str(wijk_a.pk))
    page.get_by_label("Jaar").fill("2026")
    page.get_by_label("Naam").fill("Wijkbudget 2026")
    page.get_by_label("Bedrag (euro)").fill("vijfduizend")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("#foutmeldingen")).to_be_visible()  # the form comes back as typed
    expect(page.get_by_label("Naam")).to_have_value("Wijkbudget 2026")
    assert_accessible(page)
    page.get_by_label("Bedrag (euro)").fill("5000")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Het wijkbudget is opgeslagen.")).to_be_visible()
    expect(page.get_by_role("row", name="Wijkbudget 2026")).to_contain_text("€ 5.000,00")
    assert BudgetPot.objects.get().amount == Decimal(5000)
    page.context.clear_cookies()

    # The broker grants from it and records a partner's contribution.
    page.context.add_cookies([{"name": "django_language", "value": "nl", "url": live_server.url}])
    log_in(page, live_server, "anna")
    page.goto(live_server.url + reverse("initiatives:workspace_detail", args=[initiative.pk]))
    page.get_by_label("Uit welk wijkbudget?").select_option(
        label="Wijkbudget 2026 (2026, nog € 5.000,00 over)"
    )
    page.get_by_label("Toegekend bedrag (euro)").fill("750")
    page.get_by_role("button", name="Bedrag opslaan").click()
    expect(page.get_by_text("Het bedrag is opgeslagen.")).to_be_visible()
    page.locator("#id_contribution-partner").select_option(label="Woningcorporatie Parteon")
    page.locator("#id_contribution-kind").select_option("space")
    page.locator("#id_contribution-value").fill("1500")
    page.get_by_role("button", name="Bijdrage vastleggen").click()
    expect(page.get_by_text("De bijdrage is vastgelegd.")).to_be_visible()
    assert_accessible(page)
    page.goto(live_server.url + reverse("budgets:list"))
    expect(page.get_by_role("row", name="Wijkbudget 2026")).to_contain_text("€ 4.250,00")
    page.context.clear_cookies()
    page.context.add_cookies([{"name": "django_language", "value": "nl", "url": live_server.url}])

    # Anyone sees the pot on the wijk page and the contributor on the initiative's page.
    page.goto(live_server.url + reverse("initiatives:neighbourhood", args=[wijk_a.slug]))
    row = page.get_by_role("row", name="Wijkbudget 2026")
    expect(row).to_contain_text("€ 5.000")
    expect(row).to_contain_text("€ 750")
    expect(row).to_contain_text("€ 4.250")
    expect(row).to_contain_text("€ 2,00")  # 1,500 per 750 granted
    assert_accessible(page)
    page.goto(live_server.url + reverse("initiatives:detail", args=[initiative.pk]))
    expect(page.get_by_text("Woningcorporatie Parteon: Ruimte (waarde € 1.500)")).to_be_visible()
    assert_accessible(page)

    # A resident confirms their support from their address, by the link in the e-mail.
    page.get_by_role("link", name="Woont u in de wijk? Bevestig uw steun met uw adres").click()
    page.get_by_label("Postcode").fill("1506 ab")
    page.get_by_label("Huisnummer").fill("12")
    page.get_by_label("E-mailadres").fill("buurvrouw@bewoner.example")
    assert_accessible(page)
    page.get_by_role("button", name="Stuur mij de link").click()
    expect(page.get_by_text("We hebben u een e-mail gestuurd.")).to_be_visible()
    link = re.search(r"http\S+/steun-bevestigen/\S+/", mail.outbox[-1].body).group(0)
    page.goto(live_server.url + "/" + link.split("/", 3)[3])
    assert_accessible(page)
    page.get_by_role("button", name="Bevestig mijn steun").click()
    expect(page.get_by_text("1 adres in de wijk steunt dit.")).to_be_visible()
    page.goto(live_server.url + reverse("initiatives:neighbourhood", args=[wijk_a.slug]))
    expect(
        page.locator(".figures__item", has_text="Steun bevestigd vanaf een adres")
    ).to_contain_text("1")
