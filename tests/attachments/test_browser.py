"""A resident submits an idea with a photo (JavaScript off), a broker publishes the photo
with its description, and it shows on the public page. Every page passes axe and, through
``checked_page``, the Nu HTML checker; screenshots at 1366 and 390 px go to
``$ATTACHMENT_SCREENSHOTS`` when that is set.
"""

import os
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from playwright.sync_api import expect

from attachments.models import Attachment
from initiatives import services
from initiatives.models import Initiative
from tests.answers.test_browser import log_in
from tests.attachments import samples
from tests.factories import broker_of

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.browser_context_args(java_script_enabled=False),
]
WIDTHS = (1366, 390)


def _shots(page, name: str, locator: str | None = None) -> None:
    folder = os.environ.get("ATTACHMENT_SCREENSHOTS")
    if not folder:
        return
    Path(folder).mkdir(parents=True, exist_ok=True)
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        target = page.locator(locator) if locator else page
        kwargs = {} if locator else {"full_page": True}
        target.screenshot(path=f"{folder}/{name}-{width}.png", **kwargs)
    page.set_viewport_size({"width": 390, "height": 900})


def _photo(name: str, data: bytes, mime: str) -> dict:
    return {"name": name, "mimeType": mime, "buffer": data}


def test_a_photo_from_the_submit_form_reaches_the_public_page(
    checked_page, live_server, axe, wijk_a, settings, media, browser
):
    settings.SUBMIT_MIN_SECONDS = 0
    page = checked_page
    page.set_viewport_size({"width": 390, "height": 900})
    broker_of(wijk_a, username="anna", first_name="Anna", last_name="Makelaar")
    dutch = [{"name": "django_language", "value": "nl", "url": live_server.url}]
    page.context.add_cookies(dutch)

    # The resident, first with a PDF that calls itself a photo.
    page.goto(live_server.url + reverse("initiatives:submit"))
    page.locator("#id_title").fill("Bankjes bij het grasveld")
    page.locator("#id_description").fill("Er is nergens een plek om te zitten.")
    page.locator("#id_neighbourhood").select_option(str(wijk_a.pk))
    page.locator("#id_name").fill("Fatima de Vries")
    page.locator("#id_email").fill("fatima@bewoner.example")
    page.locator("#id_consent").check()
    page.locator("#id_photos").set_input_files([_photo("grasveld.jpg", samples.PDF, "image/jpeg")])
    page.locator("form.form button[type=submit]").click()
    expect(page.locator(".error-summary")).to_contain_text("Dit is geen foto")
    expect(page.locator(".error-summary")).to_contain_text("Kies de foto opnieuw")
    expect(page.locator("#id_title")).to_have_value("Bankjes bij het grasveld")
    axe(page)
    _shots(page, "submit-photo-error")
    page.locator("#id_photos").set_input_files(
        [_photo("grasveld.jpg", samples.image_bytes("JPEG", (800, 600), gps=True), "image/jpeg")]
    )
    page.locator("form.form button[type=submit]").click()
    page.wait_for_url(live_server.url + reverse("initiatives:submitted"))
    initiative = Initiative.objects.get()
    photo = Attachment.objects.get(initiative=initiative)
    assert not photo.is_published

    # The broker publishes the idea, then the photo with its description.
    anna = get_user_model().objects.get(username="anna")
    services.publish(
        initiative, actor=anna, public_title="Bankjes", public_summary="Een plek om te zitten."
    )
    broker_page = page.context.browser.new_context(java_script_enabled=False).new_page()
    broker_page.context.add_cookies(dutch)
    broker_page.set_viewport_size({"width": 390, "height": 900})
    log_in(broker_page, live_server, "anna")
    detail = live_server.url + reverse("initiatives:workspace_detail", kwargs={"pk": initiative.pk})
    broker_page.goto(detail)
    form = broker_page.locator(f"form[action$='/bijlagen/{photo.pk}/openbaar/']")
    form.locator("button[type=submit]").click()
    expect(broker_page.locator(".error-summary")).to_contain_text("Schrijf eerst")
    axe(broker_page)
    broker_page.locator(f"#id_alt-{photo.pk}-alt_text").fill("Het lege grasveld achter de school")
    broker_page.locator(f"form[action$='/bijlagen/{photo.pk}/openbaar/'] button").click()
    broker_page.wait_for_url(detail)
    expect(broker_page.locator("#bijlagen + p + ul")).to_contain_text("Openbaar sinds")
    axe(broker_page)
    _shots(broker_page, "workspace-attachments", "section[aria-labelledby=bijlagen]")
    broker_page.context.close()

    # Everyone sees it on the initiative's page, with its description.
    page.context.clear_cookies()
    page.context.add_cookies(dutch)
    page.goto(live_server.url + reverse("initiatives:detail", kwargs={"pk": initiative.pk}))
    image = page.locator("img[alt='Het lege grasveld achter de school']")
    expect(image).to_be_visible()
    assert page.evaluate("() => document.images[0].naturalWidth") == 400
    axe(page)
    _shots(page, "public-page")
