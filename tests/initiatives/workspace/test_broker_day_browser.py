"""A broker's day in a real browser with JavaScript off: a phone intake for a resident
without e-mail, the printed letter, a standard answer, and a bulk status change; axe on
every new page."""

import pytest
from playwright.sync_api import expect

from initiatives.models import Channel, EntryKind, Initiative, Status
from tests.factories import (
    AnswerTemplateFactory,
    InitiativeFactory,
    InitiatorFactory,
    broker_of,
)

from .test_browser import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.browser_context_args(java_script_enabled=False),
]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_phone_intake_letter_and_bulk_status_change(
    checked_page, live_server, axe, wijk_a, language, tmp_path
):
    page = checked_page
    broker_of(wijk_a, username="anna", first_name="Anna", last_name="Makelaar")
    AnswerTemplateFactory(
        name="Na het telefoontje",
        text_nl="Beste {voornaam}, fijn dat we elkaar spraken. Groet, {makelaar}",
        text_en="Dear {voornaam}, good to talk to you. Regards, {makelaar}",
    )
    waiting = InitiativeFactory(neighbourhood=wijk_a, title="Bankje bij de vijver")
    InitiatorFactory(initiative=waiting)
    page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": live_server.url}]
    )
    log_in(page, live_server, "anna")
    page.goto(live_server.url + "/werkvoorraad/")

    page.locator("a[href='/werkvoorraad/nieuw/']").click()
    expect(page.locator("html")).to_have_attribute("lang", language)
    axe(page)
    page.locator("form.form button[type=submit]").click()  # nothing filled in
    expect(page.locator("#foutmeldingen")).to_be_visible()
    axe(page)

    page.locator("input[name=channel][value=phone]").check()
    page.fill("#id_title", "Buurtmoestuin achter de flat")
    page.fill("#id_description", "Mevrouw wil met buren groente kweken op het grasveld.")
    page.select_option("#id_neighbourhood", str(wijk_a.pk))
    page.fill("#id_name", "Fatma Yilmaz")
    page.fill("#id_phone", "0612345678")
    page.locator("input[name=consent_basis][value=verbal]").check()
    page.locator("#id_consent").check()
    page.locator("form.form button[type=submit]").click()

    page.wait_for_url("**/brief/")
    axe(page)
    letter = page.locator("article.letter")
    expect(letter).to_contain_text("Fatma Yilmaz")
    expect(letter.locator("img.qr-code")).to_be_visible()
    expect(letter.locator(".tracking-link code")).to_contain_text("/volgen/")
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".no-print").first).to_be_hidden()
    expect(letter).to_be_visible()
    page.screenshot(path=tmp_path / f"letter-print-{language}.png", full_page=True)
    page.emulate_media(media="screen")

    entered = Initiative.objects.get(title="Buurtmoestuin achter de flat")
    assert entered.channel == Channel.PHONE
    assert entered.timeline.filter(kind=EntryKind.ENTERED_FOR_RESIDENT).exists()

    # A standard answer, filled in on the server and edited before it is sent.
    page.goto(live_server.url + f"/werkvoorraad/{entered.pk}/")
    message = page.locator("form[action$='/bericht/']")
    message.locator("select").select_option(label="Na het telefoontje")
    message.locator("button[name=use_template]").click()
    text = page.locator("#id_message-text")
    expect(text).to_have_value("Beste Fatma, fijn dat we elkaar spraken. Groet, Anna Makelaar")
    axe(page)
    text.fill("Beste Fatma, fijn dat we elkaar spraken. Ik bel u maandag. Groet, Anna")
    page.locator("form[action$='/bericht/'] button[type=submit]:not([name])").click()
    page.wait_for_url(f"**/werkvoorraad/{entered.pk}/")
    sent = entered.timeline.get(kind=EntryKind.MESSAGE_TO_INITIATOR)
    assert sent.public_text.endswith("Ik bel u maandag. Groet, Anna")

    page.goto(live_server.url + "/werkvoorraad/?queue=all")
    axe(page)
    page.locator(f"#kies-{entered.pk}").check()
    page.locator(f"#kies-{waiting.pk}").check()
    page.locator("input[name=action][value=status]").check()
    page.select_option("#bulk_to", Status.INTAKE)
    page.fill("#bulk_public_text", "We bellen u deze week om samen verder te praten.")
    page.locator("form.bulk button[type=submit]").click()
    expect(page.locator("h1")).to_have_count(1)
    axe(page)
    assert set(Initiative.objects.values_list("status", flat=True)) == {Status.INTAKE}
