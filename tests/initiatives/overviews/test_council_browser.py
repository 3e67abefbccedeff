"""Issue 16 in a real browser: the comparison fits at 1366 and 390 px, chart text is readable.

At 1366 x 768 and 390 x 844, Dutch and English: no figure column is cut off without a cue
(a table wider than its box scrolls inside it, shows the hint and keeps the wijk column in
view), every chart's text is at least 12 CSS px (its font size times the SVG's scale), and
axe and the HTML checker pass. Screenshots (also printed) go to $SCREENSHOTS if set.
"""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.checks import assert_accessible
from tests.factories import PopulationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = {"desktop": (1366, 768), "phone": (390, 844)}
PAGES = [
    "/wijken/",
    "/wijken/?columns=per-1000&period=2026",
    "/wijken/?columns=year-on-year&period=2026",
    "/wijken/?columns=all",
    "/wijken/poelenburg/?period=2026",
]
MIN_TEXT_PX = 12

# For every chart text: its computed font size times the SVG's scale (drawn width / viewBox).
CHART_TEXT_SIZES = """() => [...document.querySelectorAll("svg.chart__svg")].flatMap(svg => {
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  return [...svg.querySelectorAll("text")].map(
    text => parseFloat(getComputedStyle(text).fontSize) * scale);
})"""

# Per table container: how wide it is, how wide its content, whether it scrolls inside, its
# background (the scroll shadow), and the columns that end beyond its right edge.
TABLES = """() => [...document.querySelectorAll(".utrecht-table-container")].map(box => {
  const right = box.getBoundingClientRect().right;
  const hidden = [...box.querySelectorAll("thead th")].filter(
    th => th.getBoundingClientRect().right > right + 1).length;
  return {
    comparison: !!box.querySelector(".comparison-table"),
    scrolls: box.scrollWidth > box.clientWidth,
    overflow: getComputedStyle(box).overflowX,
    shadow: getComputedStyle(box).backgroundImage,
    hidden: hidden,
  };
})"""


@pytest.fixture
def population(dataset, wijk_a, wijk_b):
    PopulationFactory(neighbourhood=wijk_a, year=2025, residents=9000)
    PopulationFactory(neighbourhood=wijk_a, year=2026, residents=9100)
    PopulationFactory(neighbourhood=wijk_b, year=2026, residents=6500)


def _shoot(page, name: str) -> None:
    folder = os.environ.get("SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{folder}/{name}.png", full_page=True)


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", PAGES)
def test_overviews_fit_and_their_charts_are_readable(
    checked_page, live_server, population, language, width, path
):
    page = checked_page
    page.set_viewport_size(dict(zip(("width", "height"), WIDTHS[width], strict=True)))
    page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": live_server.url}]
    )
    page.goto(live_server.url + path)
    expect(page.locator("html")).to_have_attribute("lang", language)

    # The page itself never scrolls sideways: only a table's own box does.
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTHS[width][0]
    for table in page.evaluate(TABLES):
        if table["hidden"]:
            # Columns beyond the edge: reachable by scrolling the box, with a visible cue.
            assert table["scrolls"] and table["overflow"] == "auto", table
            if table["comparison"]:
                assert "gradient" in table["shadow"], table
                expect(page.locator(".scroll-hint")).to_be_visible()
    sizes = page.evaluate(CHART_TEXT_SIZES)
    assert sizes, "no chart text measured"
    assert min(sizes) >= MIN_TEXT_PX, min(sizes)
    assert_accessible(page)

    name = f"{path.strip('/').replace('/', '-').replace('?', '-').replace('&', '-') or 'home'}"
    _shoot(page, f"{name}-{width}-{language}")


def test_the_wijk_column_stays_in_view_when_the_table_scrolls(
    checked_page, live_server, population
):
    page = checked_page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server.url + "/wijken/?columns=all")
    box = page.locator(".comparison-table").locator("xpath=..")
    first = page.locator(".comparison-table tbody th").first
    left = first.bounding_box()["x"]

    box.evaluate("box => { box.scrollLeft = box.scrollWidth; }")

    assert abs(first.bounding_box()["x"] - left) < 1
    expect(first).to_be_visible()


def test_sorting_works_without_javascript_and_keeps_the_group(browser, live_server, population):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    context.add_cookies([{"name": "django_language", "value": "nl", "url": live_server.url}])
    page = context.new_page()
    page.goto(live_server.url + "/wijken/?columns=money")
    page.get_by_role("link", name="Toegekend", exact=True).click()

    expect(page.get_by_role("columnheader", name="Toegekend", exact=True)).to_have_attribute(
        "aria-sort", "descending"
    )
    assert "columns=money" in page.url
    expect(page.locator(".comparison-table tbody th")).to_have_text(["Poelenburg", "Kogerveld"])
    context.close()


@pytest.mark.parametrize("path", ["/wijken/?columns=per-1000&period=2026", "/wijken/poelenburg/"])
def test_print_leaves_out_navigation_and_ends_with_the_source(
    checked_page, live_server, population, path, tmp_path
):
    page = checked_page
    page.context.add_cookies([{"name": "django_language", "value": "nl", "url": live_server.url}])
    page.goto(live_server.url + path)
    page.emulate_media(media="print")

    expect(page.locator(".site-nav")).to_be_hidden()
    expect(page.locator("form.period-filter")).to_be_hidden()
    expect(page.locator(".overview-source")).to_be_visible()
    expect(page.locator(".overview-source")).to_contain_text("Cijfers van")
    page.pdf(path=str(tmp_path / "overview.pdf"), format="A4")
    assert (tmp_path / "overview.pdf").stat().st_size > 1000
    _shoot(page, f"print-{'comparison' if '?' in path else 'wijk'}")
