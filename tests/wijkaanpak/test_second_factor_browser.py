"""Two-factor log-in in a real browser: enrol, log in with a code and with a recovery code,
and be refused the workspace with a password only; every page without JavaScript, and axe."""

import re
from base64 import b32decode

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django_otp.oath import TOTP
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from tests.checks import assert_accessible
from tests.factories import broker_of
from tests.second_factor import app_device, code_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse battery staple"


def password(page, live_server, username: str = "anna") -> None:
    page.goto(live_server.url + reverse("login"))
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form.form button[type=submit]").click()


def code_from_secret(secret: str, offset: int = 0) -> str:
    key = b32decode(secret.replace(" ", "") + "=" * (-len(secret.replace(" ", "")) % 8))
    return f"{TOTP(key, drift=offset).token():06d}"


def log_out(page) -> None:
    page.get_by_role("button", name="Uitloggen").click()


@pytest.fixture
def no_script_page(browser, live_server, html_collector):
    """A page with JavaScript off, its documents sent to the HTML checker too."""
    context = browser.new_context(java_script_enabled=False)
    context.add_cookies([{"name": "django_language", "value": "nl", "url": live_server.url}])
    page = context.new_page()

    def collect(response) -> None:
        if response.request.resource_type != "document" or 300 <= response.status < 400:
            return
        if not response.headers.get("content-type", "").startswith("text/html"):
            return
        try:
            html = response.text()
        except PlaywrightError:  # the test navigated on before the body was read
            return
        html_collector.add(html, f"browser {response.request.method} {response.url}")

    page.on("response", collect)
    yield page
    context.close()


def test_a_broker_enrols_logs_in_with_codes_and_is_refused_without(
    no_script_page, live_server, wijk_a
):
    page = no_script_page
    workspace = live_server.url + reverse("initiatives:workspace")
    broker_of(wijk_a, username="anna", first_name="Anna")

    # Enrol: after the password, the set-up page; the secret as text and the QR code.
    password(page, live_server)
    expect(page).to_have_url(live_server.url + reverse("second_factor_setup"))
    expect(page.get_by_role("img", name=re.compile("QR-code"))).to_be_visible()
    secret = page.locator("#geheime-code").inner_text()
    page.get_by_label("Code uit uw app").fill(code_from_secret(secret))
    page.get_by_role("button", name="App instellen").click()
    expect(page.get_by_role("heading", name="Uw herstelcodes")).to_be_visible()
    recovery_codes = page.locator(".recovery-codes code").all_inner_texts()
    assert len(recovery_codes) == 10
    page.get_by_role("link", name="Ik heb de codes bewaard. Verder.").click()
    expect(page).to_have_url(workspace)
    log_out(page)

    # Log in with a code from the app (the next one: the set-up used this one).
    password(page, live_server)
    expect(page).to_have_url(live_server.url + reverse("second_factor"))
    device = app_device(get_user_model().objects.get(username="anna"))
    right = code_for(device)
    page.get_by_label("Code uit uw app").fill("000000" if right != "000000" else "111111")
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_text("Deze code klopt niet").first).to_be_visible()
    page.goto(workspace)
    expect(page).to_have_url(re.compile(r"/account/tweede-stap/\?next="))
    page.wait_for_timeout(1100)  # after a wrong code the app device waits a second
    page.get_by_label("Code uit uw app").fill(code_for(device))
    page.get_by_role("button", name="Inloggen").click()
    expect(page).to_have_url(workspace)
    log_out(page)

    # Log in with a recovery code instead.
    password(page, live_server)
    page.get_by_role("link", name="Heeft u uw telefoon niet? Gebruik een herstelcode.").click()
    page.get_by_label("Herstelcode").fill(recovery_codes[0])
    page.get_by_role("button", name="Inloggen").click()
    expect(page).to_have_url(workspace)
    expect(page.get_by_text("U heeft nog 9 codes over.")).to_be_visible()
    log_out(page)

    # With the password only, the workspace is refused.
    password(page, live_server)
    page.goto(workspace)
    expect(page).to_have_url(re.compile(r"/account/tweede-stap/\?next=/werkvoorraad/"))
    expect(page.get_by_role("heading", name="Vul de code uit uw app in")).to_be_visible()
    page.goto(live_server.url + reverse("initiatives:partners"))
    expect(page).to_have_url(re.compile(r"/account/tweede-stap/"))


@pytest.mark.parametrize("language", ["nl", "en"])
def test_second_factor_pages_pass_axe(checked_page, live_server, wijk_a, language):
    page = checked_page
    page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": live_server.url}]
    )
    broker_of(wijk_a, username="anna", first_name="Anna")
    password(page, live_server)
    assert_accessible(page)  # set-up
    page.locator("#id_code").fill("12")
    page.locator("form.form button[type=submit]").click()
    assert_accessible(page)  # set-up with an error
    secret = page.locator("#geheime-code").inner_text()
    page.locator("#id_code").fill(code_from_secret(secret))
    page.locator("form.form button[type=submit]").click()
    assert_accessible(page)  # the recovery codes
    page.goto(live_server.url + reverse("second_factor_codes"))
    assert_accessible(page)
    page.locator("form.form button[type=submit]").click()
    assert_accessible(page)  # new recovery codes

    page.locator(".site-nav__button").click()
    password(page, live_server)
    assert_accessible(page)  # the code
    page.locator("#id_code").fill("abc")
    page.locator("form.form button[type=submit]").click()
    assert_accessible(page)  # the code with an error
    page.goto(live_server.url + reverse("second_factor_recover"))
    assert_accessible(page)
    page.locator("#id_code").fill("fout")
    page.locator("form.form button[type=submit]").click()
    assert_accessible(page)
    page.goto(live_server.url + reverse("initiatives:neighbourhoods"))
    assert_accessible(page)  # the banner: not yet fully logged in
