"""The resident's journey in Turkish and in Arabic, without JavaScript, and Arabic right to left.

The journey itself is the one of test_journey.py (submit, track, reply; find, support, offer
help), run here in the two languages many residents of Poelenburg and Peldersveld read best.
Every page passes axe and, through ``checked_page``, the Nu HTML checker. In Arabic the page
says ``dir="rtl"`` and nothing sticks out of a 390 px wide phone screen.
"""

import pytest
from playwright.sync_api import expect

from tests.factories import InitiativeFactory, NeighbourhoodFactory, PostcodeAreaFactory
from tests.initiatives.public.test_journey import check, fast_forms  # noqa: F401 - fixtures
from tests.initiatives.public.test_journey import (
    test_resident_finds_an_initiative_supports_it_and_offers_help as find_support_and_help,
)
from tests.initiatives.public.test_journey import (
    test_resident_submits_an_idea_and_follows_it as submit_and_follow,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NO_JAVASCRIPT = pytest.mark.browser_context_args(java_script_enabled=False)
LANGUAGES = ["tr", "ar"]
PHONE = {"width": 390, "height": 844}

# Every element whose box reaches past the right or the left edge of the window. Not
# counted: what a scroll container holds (a wide table scrolls inside its own box, which
# must fit), and 1 px clipped boxes (a hidden skip link, visually-hidden text).
OVERFLOWING = """() => {
  const width = window.innerWidth;
  const out = [];
  const scrolled = (element) => {
    for (let up = element.parentElement; up && up !== document.body; up = up.parentElement) {
      if (getComputedStyle(up).overflowX !== "visible") return true;
    }
    return false;
  };
  for (const element of document.body.querySelectorAll("*")) {
    const box = element.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1 || scrolled(element)) continue;
    if (box.right > width + 0.5 || box.left < -0.5) {
      out.push(`${element.tagName.toLowerCase()}.${element.className}: ${box.left}..${box.right}`);
    }
  }
  return {scrollWidth: document.documentElement.scrollWidth, innerWidth: width, out};
}"""


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("javascript", [pytest.param(False, id="no-js", marks=NO_JAVASCRIPT)])
def test_resident_submits_an_idea_and_follows_it_in_turkish_and_arabic(
    checked_page,
    live_server,
    fast_forms,  # noqa: F811
    check,  # noqa: F811
    language,
    javascript,
):
    submit_and_follow(checked_page, live_server, fast_forms, check, language, javascript)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("javascript", [pytest.param(False, id="no-js", marks=NO_JAVASCRIPT)])
def test_resident_supports_an_initiative_and_offers_help_in_turkish_and_arabic(
    checked_page,
    live_server,
    fast_forms,  # noqa: F811
    check,  # noqa: F811
    language,
    javascript,
):
    find_support_and_help(checked_page, live_server, fast_forms, check, language, javascript)


def assert_fits(page) -> None:
    measured = page.evaluate(OVERFLOWING)
    assert measured["scrollWidth"] <= measured["innerWidth"], measured
    assert measured["out"] == [], measured


@pytest.mark.browser_context_args(java_script_enabled=False, viewport=PHONE)
def test_arabic_pages_read_right_to_left_and_fit_a_phone(checked_page, live_server, fast_forms):  # noqa: F811
    page = checked_page
    wijk = NeighbourhoodFactory(name="Peldersveld", slug="peldersveld")
    PostcodeAreaFactory(postcode="7824", neighbourhood=wijk)
    initiative = InitiativeFactory(
        neighbourhood=wijk, published=True, public_title="Moestuin achter de flat"
    )

    page.goto(live_server.url + "/")
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    page.click("button[name=language][value=ar]")  # the language switch, as a resident would

    html = page.locator("html")
    expect(html).to_have_attribute("lang", "ar")
    expect(html).to_have_attribute("dir", "rtl")
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    assert_fits(page)
    for path in [
        "/idee/",
        "/initiatieven/",
        f"/initiatieven/{initiative.pk}/",
        f"/initiatieven/{initiative.pk}/helpen/",
        "/wijken/",
        "/wijken/peldersveld/",
        "/toegankelijkheid/",
    ]:
        page.goto(live_server.url + path)
        expect(html).to_have_attribute("dir", "rtl")
        assert_fits(page)
    # Typed postcodes, phone numbers and e-mail addresses stay left to right.
    page.goto(live_server.url + "/idee/")
    for field in ["#id_postcode", "#id_email", "#id_phone"]:
        expect(page.locator(field)).to_have_attribute("dir", "ltr")
    page.click("form.form button[type=submit]")  # empty: the error summary must fit too
    expect(page.locator("#foutmeldingen")).to_be_visible()
    assert_fits(page)
    page.fill("#id_title", "Moestuin voor de school")
    page.fill("#id_description", "Kinderen kweken groente met de buren.")
    page.fill("#id_postcode", "7824 ab")
    page.fill("#id_name", "Amal Haddad")
    page.fill("#id_email", "amal@bewoner.example")
    page.check("#id_consent")
    page.click("form.form button[type=submit]")
    expect(page).to_have_url(live_server.url + "/idee/ontvangen/")
    expect(page.locator(".tracking-link a")).to_have_attribute("dir", "ltr")
    assert_fits(page)  # the long private link wraps
    page.click(".tracking-link a")
    expect(page).to_have_url(live_server.url + "/volgen/")
    expect(html).to_have_attribute("dir", "rtl")
    assert_fits(page)
