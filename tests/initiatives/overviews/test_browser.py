"""The overviews in a real browser: axe-core in Dutch and English, and a visitor's path."""

import pytest
from playwright.sync_api import expect

from tests.checks import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("path", ["/wijken/", "/wijken/poelenburg/", "/wijken/?period=abc"])
def test_overview_pages_pass_axe(checked_page, live_server, dataset, language, path):
    checked_page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": live_server.url}]
    )
    checked_page.goto(live_server.url + path)
    expect(checked_page.locator("html")).to_have_attribute("lang", language)
    assert_accessible(checked_page)


def test_visitor_sorts_the_comparison_opens_a_wijk_and_downloads_the_csv(
    checked_page, live_server, dataset
):
    page = checked_page
    page.context.add_cookies([{"name": "django_language", "value": "nl", "url": live_server.url}])
    page.goto(live_server.url + "/wijken/")
    page.get_by_role("link", name="Steun en signalen").click()
    page.get_by_role("link", name="Steunbetuigingen").click()
    header = page.get_by_role("columnheader", name="Steunbetuigingen")
    expect(header).to_have_attribute("aria-sort", "descending")
    expect(page.locator(".comparison-table tbody th")).to_have_text(["Poelenburg", "Kogerveld"])
    assert_accessible(page)

    page.get_by_role("link", name="Poelenburg").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Poelenburg")
    assert_accessible(page)

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Gepubliceerde initiatieven in Poelenburg (CSV)").click()
    download = download_info.value
    assert download.suggested_filename == "initiatieven-poelenburg.csv"
    content = download.path().read_text(encoding="utf-8")
    assert content.startswith("id,title,summary,wijk,")
    assert "Huiswerkklas in het buurthuis" in content
    assert "CANARY" not in content
