"""The municipality's face (wijkaanpak.face): set in the admin, shown on pages and e-mails."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test.utils import override_settings
from django.urls import reverse

from initiatives import tasks
from tests.factories import InitiativeFactory, InitiatorFactory
from wijkaanpak import face
from wijkaanpak.models import SiteSettings

pytestmark = pytest.mark.django_db

CHANGE = reverse("admin:wijkaanpak_sitesettings_change", args=[1])
LOGO_SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
    b'<title>Logo</title><rect width="10" height="10" fill="#c00"/></svg>'
)
# The smallest valid PNG: one transparent pixel.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


def _form(**values) -> dict:
    data = {
        "municipality_name": "",
        "site_name": "",
        "logo_alt": "",
        "theme": "",
        "contact_email": "",
        "contact_phone": "",
        "office_hours": "",
        "accessibility_contact": "",
        "privacy_officer": "",
    }
    return data | values


@pytest.fixture(autouse=True)
def _row():
    """The row the admin's list creates on the first visit."""
    SiteSettings.objects.get_or_create(pk=1)


def _save_settings(client, administrator, **values):
    client.force_login(administrator)
    return client.post(CHANGE, _form(**values))


def test_the_list_leads_to_the_one_row(client, administrator):
    client.force_login(administrator)
    response = client.get(reverse("admin:wijkaanpak_sitesettings_changelist"))
    assert response.status_code == 302
    assert response["Location"] == CHANGE
    assert client.get(CHANGE).status_code == 200
    assert SiteSettings.objects.count() == 1


@pytest.mark.parametrize("role", ["broker_a", "coordinator", "council_member"])
def test_only_functional_administrators_change_the_settings(client, request, role):
    user = request.getfixturevalue(role)
    user.is_staff = True
    user.save()
    client.force_login(user)
    assert client.get(reverse("admin:wijkaanpak_sitesettings_changelist")).status_code == 403
    assert client.post(CHANGE, _form(municipality_name="Gemeente X")).status_code in (302, 403)
    assert SiteSettings.objects.get().municipality_name == ""


def test_settings_change_every_page_at_once(client, administrator, wijk_a):
    assert "Gemeente Zaanstad" in client.get(reverse("home")).content.decode()
    response = _save_settings(
        client,
        administrator,
        municipality_name="Gemeente Voorbeeldstad",
        contact_email="wijken@voorbeeldstad.example",
        contact_phone="14 075",
        office_hours="Maandag tot en met vrijdag van 9.00 tot 17.00 uur",
        accessibility_contact="toegankelijk@voorbeeldstad.example",
        privacy_officer="Functionaris gegevensbescherming\nPostbus 1\n1500 AA Voorbeeldstad",
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    client.logout()
    for name in ("home", "accessibility", "privacy"):
        page = client.get(reverse(name)).content.decode()
        assert "Gemeente Voorbeeldstad" in page
        assert "wijken@voorbeeldstad.example" in page  # the footer
        assert 'href="tel:14075"' in page
        assert "Voor medewerkers" in page
    assert (
        "toegankelijk@voorbeeldstad.example"
        in client.get(reverse("accessibility")).content.decode()
    )
    assert "Postbus 1<br>1500 AA" in client.get(reverse("privacy")).content.decode()


def test_a_cached_public_page_follows_the_settings(client, administrator, settings, wijk_a):
    settings.PAGE_CACHE_SECONDS = 60
    assert "Gemeente Zaanstad" in client.get(reverse("initiatives:list")).content.decode()
    _save_settings(client, administrator, municipality_name="Gemeente Voorbeeldstad")
    client.logout()
    client.cookies.clear()
    assert "Gemeente Voorbeeldstad" in client.get(reverse("initiatives:list")).content.decode()


def test_the_face_costs_no_query_once_cached(client, administrator, django_assert_num_queries):
    _save_settings(client, administrator, municipality_name="Gemeente Voorbeeldstad")
    client.logout()
    face.current()  # the first page after a change reads the row once
    with django_assert_num_queries(0):
        assert face.current().municipality_name == "Gemeente Voorbeeldstad"


def test_a_logo_is_shown_with_its_text_and_served_inert(client, administrator):
    client.force_login(administrator)
    data = _form(logo_alt="Logo gemeente Voorbeeldstad") | {
        "logo_file": SimpleUploadedFile("logo.svg", LOGO_SVG, content_type="image/svg+xml")
    }
    assert client.post(CHANGE, data).status_code == 302
    client.logout()
    page = client.get(reverse("home")).content.decode()
    assert 'alt="Logo gemeente Voorbeeldstad"' in page
    url = face.current().logo_url
    assert f'src="{url}"' in page
    response = client.get(url)
    assert response.status_code == 200
    assert response.content == LOGO_SVG
    assert response["Content-Type"] == "image/svg+xml"
    assert "sandbox" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_logo_needs_its_text(client, administrator):
    client.force_login(administrator)
    data = _form() | {"logo_file": SimpleUploadedFile("logo.png", PNG, content_type="image/png")}
    response = client.post(CHANGE, data)
    assert response.status_code == 200
    assert "logo_alt" in response.context["adminform"].form.errors
    assert not SiteSettings.objects.get().logo


@pytest.mark.parametrize(
    "content",
    [
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink">'
        b'<use x:href="https://evil.example/a.svg#x"/></svg>',
        b'<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><p>hi</p></foreignObject></svg>',
        b'<svg xmlns="http://www.w3.org/2000/svg"><style>@import "https://evil.example";</style></svg>',
        b'<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill:url(https://e.example)"/></svg>',
        b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]>'
        b'<svg xmlns="http://www.w3.org/2000/svg"><text>&a;</text></svg>',
        b"<html><body>not an image</body></html>",
        b"GIF89a not a png",
        b"\x89PNG\r\n\x1a\n" + b"\x00" * 4,
        PNG[:16] + (5000).to_bytes(4, "big") + PNG[20:],  # 5000 pixels wide
        b"<svg " + b"a" * 300_000,
    ],
)
def test_a_bad_logo_file_is_refused_with_a_message(client, administrator, content):
    with pytest.raises(ValidationError):
        face.check_image(content)
    client.force_login(administrator)
    data = _form(logo_alt="Logo") | {"logo_file": SimpleUploadedFile("logo.svg", content)}
    response = client.post(CHANGE, data)
    assert response.status_code == 200
    assert "logo_file" in response.context["adminform"].form.errors
    assert not SiteSettings.objects.get().logo


def test_good_images_pass_the_check():
    assert face.check_image(PNG) == "image/png"
    assert face.check_image(LOGO_SVG) == "image/svg+xml"


def test_without_an_image_its_address_is_not_found(client):
    assert client.get(reverse("site_image", kwargs={"name": "logo"})).status_code == 404
    assert client.get(reverse("site_image", kwargs={"name": "anders"})).status_code == 404


def test_the_vendored_theme_is_offered_and_applied(client, administrator):
    assert "voorbeeld" in face.themes()
    assert face.themes()["voorbeeld"][1] == "voorbeeld-theme"
    _save_settings(client, administrator, theme="voorbeeld")
    assert 'class="utrecht-root voorbeeld-theme"' in client.get(reverse("home")).content.decode()


@override_settings(SITE_URL="https://wijken.voorbeeldstad.example")
def test_e_mails_carry_the_name_logo_and_contact_details(client, administrator, wijk_a):
    client.force_login(administrator)
    data = _form(
        municipality_name="Gemeente Voorbeeldstad",
        logo_alt="Logo Voorbeeldstad",
        contact_phone="14 075",
    ) | {"logo_file": SimpleUploadedFile("logo.png", PNG, content_type="image/png")}
    assert client.post(CHANGE, data).status_code == 302
    initiative = InitiativeFactory(neighbourhood=wijk_a)
    InitiatorFactory(initiative=initiative, email="fatima@bewoner.example")
    mail.outbox.clear()
    tasks.notify_initiator_submitted.enqueue(initiative.pk)
    message = mail.outbox[-1]
    html = message.alternatives[0].content
    assert "Gemeente Voorbeeldstad" in message.body
    assert "14 075" in html
    assert 'src="https://wijken.voorbeeldstad.example/huisstijl/logo?v=' in html
    assert 'alt="Logo Voorbeeldstad"' in html
