"""The submit form with mistakes, in a browser without JavaScript, at both widths: axe passes."""

import pytest

from tests.checks import assert_accessible

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.browser_context_args(java_script_enabled=False, locale="nl-NL"),
]


TEXT = ("Lang verhaal over de speeltuin. " * 200).strip()  # 6,399 characters


@pytest.mark.parametrize("width", [1366, 390])
def test_the_form_with_mistakes_is_accessible_and_keeps_the_text(
    checked_page, live_server, browser, width
):
    page = checked_page
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + "/idee/")
    page.fill("#id_title", "Speeltuin opknappen")
    page.fill("#id_description", TEXT)
    page.click("form.form button[type=submit]")
    summary = page.locator(".error-summary").inner_text()
    assert "Uw tekst is te lang: 6.399 tekens, maximaal 5.000." in summary
    assert "Uw naam: Vul dit in." in summary
    assert ".:" not in summary and "Dat ging erg snel" not in summary
    assert page.input_value("#id_description") == TEXT
    # axe needs script: the same steps in a second, script-enabled context.
    context = browser.new_context(
        bypass_csp=True, locale="nl-NL", viewport={"width": width, "height": 900}
    )
    try:
        axe_page = context.new_page()
        axe_page.goto(live_server.url + "/idee/")
        axe_page.fill("#id_title", "Speeltuin opknappen")
        axe_page.fill("#id_description", TEXT)
        axe_page.click("form.form button[type=submit]")
        assert "Uw tekst is te lang" in axe_page.locator(".error-summary").inner_text()
        assert_accessible(axe_page)
    finally:
        context.close()
