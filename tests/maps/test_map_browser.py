"""The wijk map in a real browser, from the test fixture: axe, the HTML checker, text size."""

import pytest
from playwright.sync_api import expect

from tests.checks import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SMALLEST_TEXT = """els => els
  .filter(e => [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))
  .filter(e => !e.closest('svg') || e.closest('.chart-legend'))
  .map(e => parseFloat(getComputedStyle(e).fontSize))"""


@pytest.mark.parametrize("width", [1366, 390])
@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("path", ["/wijken/", "/wijken/?kaart=on_time", "/wijken/poelenburg/"])
def test_the_map_pages_pass_axe_at_both_widths(
    checked_page, live_server, dataset, boundaries, language, width, path
):
    page = checked_page
    page.set_viewport_size({"width": width, "height": 844 if width == 390 else 768})
    page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": live_server.url}]
    )
    page.goto(live_server.url + path)
    expect(page.locator("#kaart svg a")).to_have_count(3)
    assert min(page.eval_on_selector_all("#kaart *", SMALLEST_TEXT)) >= 12
    # The map fits the screen: nothing of it sideways off the page.
    box = page.locator("#kaart .wijk-map__svg").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width
    assert_accessible(page)


def test_a_visitor_picks_a_figure_and_follows_a_wijk_on_the_map(
    checked_page, live_server, dataset, boundaries
):
    page = checked_page
    page.context.add_cookies([{"name": "django_language", "value": "nl", "url": live_server.url}])
    page.goto(live_server.url + "/wijken/?sort=supports&dir=desc")
    page.get_by_label("Kleur de kaart naar").select_option("supports")
    page.get_by_role("button", name="Toon op de kaart").click()
    expect(page.locator("#kaart-caption")).to_have_text("Kaart: Steunbetuigingen per wijk")
    assert "sort=supports" in page.url and "kaart=supports" in page.url
    page.get_by_role("link", name="Kogerveld: ").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kogerveld")
    expect(page.locator('#kaart a[aria-current="page"]')).to_have_attribute(
        "aria-label", "Kogerveld (deze wijk)"
    )
