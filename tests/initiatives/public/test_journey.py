"""The resident's journey in a real browser, with and without JavaScript, in Dutch and English.

Every page on the way passes axe (WCAG 2.2 AA) and, through ``checked_page``, the Nu HTML
checker. The data is committed (transaction=True) so that the live server thread sees it
on PostgreSQL too.
"""

import re

import pytest
from playwright.sync_api import expect

from initiatives.models import EntryKind, HelpOffer, Initiative, Support, TimelineEntry
from tests.checks import assert_accessible
from tests.factories import InitiativeFactory, NeighbourhoodFactory, PostcodeAreaFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

JAVASCRIPT = [
    pytest.param(True, id="js"),
    pytest.param(
        False, id="no-js", marks=pytest.mark.browser_context_args(java_script_enabled=False)
    ),
]
LANGUAGES = ["nl", "en"]


@pytest.fixture
def fast_forms(settings):
    # The live server runs in this process, so the setting reaches it.
    settings.SUBMIT_MIN_SECONDS = 0


def use_language(page, live_server, language: str) -> None:
    page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": live_server.url}]
    )


@pytest.fixture
def check(browser, javascript):
    """Check the page the resident sees: language, one h1, and axe.

    axe needs JavaScript (its run never finishes in a page without it), so for the
    no-JavaScript journey the very same HTML is served to a second, scripted page at the
    same address, where the stylesheets load as usual and axe can run.
    """
    context = browser.new_context()
    axe_page = context.new_page()

    def checker(page, language: str) -> None:
        expect(page.locator("html")).to_have_attribute("lang", language)
        expect(page.locator("h1")).to_have_count(1)
        if javascript:
            assert_accessible(page)
            return
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


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("javascript", JAVASCRIPT)
def test_resident_submits_an_idea_and_follows_it(
    checked_page, live_server, fast_forms, check, language, javascript
):
    page = checked_page
    wijk = NeighbourhoodFactory(name="Poelenburg", slug="poelenburg")
    PostcodeAreaFactory(postcode="1506", neighbourhood=wijk)
    use_language(page, live_server, language)

    page.goto(live_server.url + "/")
    check(page, language)
    page.click("a.button-large[href='/idee/']")

    expect(page).to_have_url(live_server.url + "/idee/")
    check(page, language)
    page.fill("#id_title", "Huiswerkklas in het buurthuis")
    page.fill("#id_description", "Kinderen krijgen na school hulp bij hun huiswerk.")
    page.fill("#id_postcode", "1506 ab")
    page.check("#id_needs_0")
    page.fill("#id_name", "Fatima de Vries")
    page.check("#id_consent")
    page.click("form.form button[type=submit]")  # no e-mail and no phone: one mistake

    summary = page.locator("#foutmeldingen")
    expect(summary).to_be_visible()
    expect(summary.locator("a[href='#id_email']")).to_have_count(1)
    assert page.input_value("#id_title") == "Huiswerkklas in het buurthuis"
    assert page.is_checked("#id_needs_0")
    check(page, language)
    page.fill("#id_email", "fatima@bewoner.example")
    page.click("form.form button[type=submit]")

    expect(page).to_have_url(live_server.url + "/idee/ontvangen/")
    check(page, language)
    link = page.locator(".tracking-link a")
    assert "/volgen/" in link.inner_text()
    link.click()

    expect(page).to_have_url(live_server.url + "/volgen/")  # the token left the address bar
    check(page, language)
    page.fill("#id_text", "Ik kan dinsdag langskomen.")
    page.click("form[action='/volgen/reageren/'] button[type=submit]")

    expect(page).to_have_url(live_server.url + "/volgen/")
    expect(page.locator(".timeline").get_by_text("Ik kan dinsdag langskomen.")).to_be_visible()
    check(page, language)
    initiative = Initiative.objects.get()
    assert initiative.language == language
    assert TimelineEntry.objects.filter(kind=EntryKind.MESSAGE_FROM_INITIATOR).count() == 1


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("javascript", JAVASCRIPT)
def test_resident_finds_an_initiative_supports_it_and_offers_help(
    checked_page, live_server, fast_forms, check, language, javascript
):
    page = checked_page
    wijk = NeighbourhoodFactory(name="Poelenburg", slug="poelenburg")
    initiative = InitiativeFactory(
        neighbourhood=wijk, published=True, public_title="Speeltuin Poelenburg opknappen"
    )
    use_language(page, live_server, language)

    page.goto(live_server.url + "/initiatieven/?wijk=poelenburg&status=%3Cscript%3E")
    check(page, language)
    page.click(f"a[href='/initiatieven/{initiative.pk}/']")

    check(page, language)
    page.click("#steun button[type=submit]")
    expect(page).to_have_url(re.compile(re.escape(f"/initiatieven/{initiative.pk}/#steun") + "$"))
    check(page, language)
    assert Support.objects.count() == 1

    page.click(f"a[href='/initiatieven/{initiative.pk}/helpen/']")
    check(page, language)
    page.check("#id_offer_kinds_0")
    page.fill("#id_name", "Jan Bakker")
    page.fill("#id_email", "jan@")
    page.check("#id_consent")
    page.click("form.form button[type=submit]")
    expect(page.locator("#foutmeldingen a[href='#id_email']")).to_have_count(1)
    check(page, language)
    page.fill("#id_email", "jan@helper.example")
    page.click("form.form button[type=submit]")

    expect(page).to_have_url(live_server.url + f"/initiatieven/{initiative.pk}/")
    check(page, language)
    assert HelpOffer.objects.get().name == "Jan Bakker"
