"""The municipality's face in a real browser: logo, contact details and the staff link pass axe
at desktop and phone width, in Dutch and English."""

import pytest
from django.urls import reverse

from tests.checks import assert_accessible
from tests.wijkaanpak.test_face import LOGO_SVG
from wijkaanpak.models import SiteSettings

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def face_set():
    SiteSettings.objects.create(
        pk=1,
        municipality_name="Gemeente Voorbeeldstad",
        logo=LOGO_SVG,
        logo_type="image/svg+xml",
        logo_alt="Logo gemeente Voorbeeldstad",
        contact_email="wijken@voorbeeldstad.example",
        contact_phone="14 075",
        office_hours="Maandag tot en met vrijdag van 9.00 tot 17.00 uur",
        accessibility_contact="toegankelijk@voorbeeldstad.example",
        privacy_officer="Functionaris gegevensbescherming\nPostbus 1\n1500 AA Voorbeeldstad",
        revision=1,
    )


@pytest.mark.parametrize("width", [1366, 390])
@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("name", ["home", "accessibility", "privacy"])
def test_pages_with_the_municipalitys_face_pass_axe(
    checked_page, live_server, face_set, width, language, name
):
    page = checked_page
    page.set_viewport_size({"width": width, "height": 900})
    page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": live_server.url}]
    )
    page.goto(live_server.url + reverse(name))
    logo = page.get_by_role("img", name="Logo gemeente Voorbeeldstad")
    assert logo.is_visible()
    assert logo.evaluate("image => image.naturalWidth") > 0  # the image really loaded
    footer = page.locator("footer")
    assert "wijken@voorbeeldstad.example" in footer.inner_text()
    staff = "Voor medewerkers" if language == "nl" else "For staff"
    assert footer.get_by_role("link", name=staff).get_attribute("href") == reverse("login")
    assert_accessible(page)
