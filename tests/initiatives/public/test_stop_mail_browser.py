"""The stop link of a helper's e-mail in a real browser (the site has no JavaScript): offer
help, open the link from the confirmation, stop; axe on every page, Dutch and English."""

import pytest
from django.core import mail
from django.urls import reverse

from initiatives.models import HelpOffer
from tests.checks import assert_accessible
from tests.factories import InitiativeFactory, InitiatorFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TEXTS = {
    "nl": ("Geen e-mail meer ontvangen", "U krijgt geen e-mail meer"),
    "en": ("Stop receiving e-mail", "You will get no more e-mail"),
}


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_helper_stops_our_mail_from_the_link(
    checked_page, live_server, settings, wijk_a, language
):
    settings.SITE_URL = live_server.url
    settings.SUBMIT_MIN_SECONDS = 0  # the browser fills the form faster than a person
    initiative = InitiativeFactory(
        neighbourhood=wijk_a, status="intake", published=True, public_title="Speeltuin"
    )
    InitiatorFactory(initiative=initiative)
    page = checked_page
    page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": live_server.url}]
    )
    page.goto(live_server.url + reverse("initiatives:offer_help", kwargs={"pk": initiative.pk}))
    page.locator("input[name=offer_kinds]").first.check()
    page.locator("input[name=name]").fill("Jan Bakker")
    page.locator("input[name=email]").fill("jan@helper.example")
    page.locator("input[name=consent]").check()
    page.locator("button.button-large").click()
    page.wait_for_url(f"**/initiatieven/{initiative.pk}/")
    [to_helper] = [m for m in mail.outbox if m.to == ["jan@helper.example"]]
    assert HelpOffer.objects.get().language == language

    stop_button, stopped = TEXTS[language]
    page.goto(to_helper.extra_headers["List-Unsubscribe"].strip("<>"))
    assert_accessible(page)
    page.get_by_role("button", name=stop_button).click()
    assert page.get_by_role("heading", name=stopped).is_visible()
    assert_accessible(page)
    assert HelpOffer.objects.get().mail_stopped_at is not None

    page.goto(
        live_server.url + reverse("initiatives:stop_resident_mail", kwargs={"token": "kapot"})
    )
    assert_accessible(page)
