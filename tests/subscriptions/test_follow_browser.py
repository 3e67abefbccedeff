"""Following a wijk in a real browser (the site has no JavaScript): subscribe on the wijk's
page, confirm by the link from the e-mail, and stop; axe on every page, desktop and phone."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from subscriptions.models import Subscription
from tests.checks import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def no_script(checked_page, live_server, settings):
    """The site ships no JavaScript: every page below works as it would with it off."""
    settings.SUBMIT_MIN_SECONDS = 0  # the browser fills the form faster than a person
    checked_page.context.add_cookies(
        [{"name": "django_language", "value": "nl", "url": live_server.url}]
    )
    return checked_page


def _link(body: str, live_server) -> str:
    return re.search(rf"{re.escape(live_server.url)}/wijkpost/\S+/", body).group(0)


@pytest.mark.parametrize("width", [1366, 390])
def test_a_resident_follows_a_wijk_and_stops(no_script, live_server, settings, wijk_a, width):
    settings.SITE_URL = live_server.url
    page = no_script
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + reverse("initiatives:neighbourhood", kwargs={"slug": "poelenburg"}))
    assert_accessible(page)
    page.get_by_label("Uw e-mailadres").fill("bewoner@voorbeeld.example")
    page.get_by_label("Bij elk nieuw initiatief").check()
    page.get_by_role("button", name="Volg deze wijk").click()
    assert page.get_by_role("heading", name="Kijk in uw e-mail").is_visible()
    assert_accessible(page)

    [message] = mail.outbox
    page.goto(_link(message.body, live_server))
    assert_accessible(page)
    page.get_by_role("button", name="Ja, stuur mij e-mail").click()
    assert page.get_by_text("U volgt nu Poelenburg").is_visible()
    assert Subscription.objects.get().confirmed_at is not None

    stop = message.extra_headers["List-Unsubscribe"].strip("<>")
    page.goto(stop)
    assert_accessible(page)
    page.get_by_role("button", name="Stop de e-mail").click()
    assert page.get_by_role("heading", name="U krijgt geen e-mail meer").is_visible()
    assert_accessible(page)
    assert not Subscription.objects.exists()


def test_a_mistake_shows_the_form_again(no_script, live_server, wijk_a):
    page = no_script
    page.goto(live_server.url + reverse("subscriptions:follow", kwargs={"slug": "poelenburg"}))
    page.get_by_label("Uw e-mailadres").fill("geen adres")
    page.get_by_role("button", name="Volg deze wijk").click()
    assert page.get_by_label("Uw e-mailadres").input_value() == "geen adres"
    assert_accessible(page)
