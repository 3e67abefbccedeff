"""The site's languages: the switch, Turkish pages, error pages and the catalogues."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.db import OperationalError
from django.test import RequestFactory
from django.utils import translation

from initiatives.forms.intake import IntakeForm
from neighbourhoods.models import Priority
from tests.checks import assert_accessible, missing_tool
from wijkaanpak.middleware import outage_response

pytestmark = pytest.mark.django_db

ROOT = Path(settings.BASE_DIR)
NAMES = {"nl": "Nederlands", "en": "English", "tr": "Türkçe", "ar": "العربية"}


def test_the_site_speaks_dutch_english_turkish_and_arabic():
    assert dict(settings.LANGUAGES) == NAMES
    assert settings.LANGUAGE_CODE == "nl"


@pytest.mark.parametrize("language", ["nl", "en", "tr"])
def test_the_switch_names_every_language_in_itself(client, language):
    client.cookies["django_language"] = language
    html = client.get("/").text
    switch = re.search(r'<form class="language-switch".*?</form>', html, re.S).group(0)
    for code, name in NAMES.items():
        direction = ' dir="rtl"' if code == "ar" else ""
        if code == language:
            assert f'lang="{code}"{direction} aria-current="true">{name}</span>' in switch
        else:
            assert f'value="{code}" lang="{code}"{direction}>{name}</button>' in switch
    assert switch.count("<button") == 3


def test_the_switch_works_without_javascript(client):
    response = client.post("/i18n/setlang/", {"language": "tr", "next": "/privacy/"})
    assert (response.status_code, response["Location"]) == (302, "/privacy/")
    page = client.get("/privacy/")
    assert '<html lang="tr"' in page.text
    assert "Gizlilik bildirimi" in page.text


@pytest.mark.parametrize(
    ("url", "text"),
    [
        ("/", "Mahalleniz için fikirler"),
        ("/idee/", "Fikrinizi paylaşın"),
        ("/initiatieven/", "Mahallelerdeki girişimler"),
        ("/wijken/", "Mahalleler"),
        ("/toegankelijkheid/", "Erişilebilirlik beyanı"),
        ("/privacy/", "Hangi bilgileri saklıyoruz?"),
    ],
)
def test_resident_pages_and_statements_are_turkish(client, url, text):
    client.cookies["django_language"] = "tr"
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Language"] == "tr"
    assert '<html lang="tr"' in response.text
    assert text in response.text


@pytest.mark.urls("tests.error_urls")
@pytest.mark.parametrize(
    ("url", "status", "text"),
    [
        ("/bestaat-niet/", 404, "Bu sayfa yok"),
        ("/test-400/", 400, "Bunu anlayamadık"),
        ("/test-403/", 403, "Bu sayfayı görme izniniz yok"),
        ("/test-500/", 500, "Bizde bir sorun oluştu"),
        ("/test-503/", 503, "Site şu anda ulaşılamıyor"),
    ],
)
def test_error_pages_are_turkish(client, url, status, text):
    client.raise_request_exception = False
    client.cookies["django_language"] = "tr"
    response = client.get(url)
    assert response.status_code == status
    assert '<html lang="tr"' in response.text
    assert text in response.text


def test_the_outage_page_takes_the_language_from_the_browser_not_the_last_request():
    request = RequestFactory().get("/initiatieven/", HTTP_ACCEPT_LANGUAGE="tr,nl;q=0.8")
    with translation.override("en"):  # what the worker's thread last spoke
        response = outage_response(request, OperationalError("refused"))
    assert response.status_code == 503
    assert response["Content-Language"] == "tr"
    assert "Site şu anda ulaşılamıyor" in response.content.decode()
    request.COOKIES["django_language"] = "nl"
    assert "De site is even niet bereikbaar" in outage_response(request, OSError()).content.decode()


def test_priorities_have_turkish_names_and_fall_back_to_dutch():
    kinderen = Priority.objects.get(slug="kinderen")
    with translation.override("tr"):
        assert kinderen.label == "Çocuklarımıza yardım edin"
        assert kinderen.summary.startswith("Mahalledeki çocuklara")
    with translation.override("ar"):  # no Arabic stored yet: the Dutch
        assert kinderen.label == kinderen.name
    with translation.override("en"):
        assert kinderen.label == "Help our children"


@pytest.mark.parametrize("typed", ["3-12-2026", "3.12.2026", "3/12/2026", "2026-12-03"])
def test_a_turkish_form_reads_dates_as_its_example_says(typed):
    field = IntakeForm.base_fields["consent_date"]
    with translation.override("tr"):
        assert field.clean(typed).isoformat() == "2026-12-03"


def test_the_ci_checks_every_catalogue_of_the_site():
    script = (ROOT / ".ci" / "run").read_text()
    checked = re.search(r"for lang in ([a-z ]+); do", script).group(1).split()
    assert sorted(checked) == sorted(code for code, _ in settings.LANGUAGES if code != "nl")


@pytest.mark.parametrize(
    "language",
    [
        "en",
        "tr",
        "ar",
    ],
)
def test_each_catalogue_is_complete(language):
    if not shutil.which("msgattrib"):
        missing_tool("msgattrib (gettext) is not installed")
    po = ROOT / "locale" / language / "LC_MESSAGES" / "django.po"
    for option in ("--untranslated", "--only-fuzzy"):
        left = subprocess.run(  # noqa: S603 - a fixed command on our own file
            ["msgattrib", option, "--no-obsolete", str(po)],  # noqa: S607
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert "msgid" not in left, f"{language}: {option}\n{left[:2000]}"


def test_turkish_plural_forms_are_gettext_s():
    po = (ROOT / "locale" / "tr" / "LC_MESSAGES" / "django.po").read_text()
    assert '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"' in po


STATIC_PAGES = ["/", "/idee/", "/initiatieven/", "/toegankelijkheid/", "/privacy/"]


@pytest.mark.browser
@pytest.mark.urls("tests.error_urls")
@pytest.mark.parametrize("url", [*STATIC_PAGES, "/bestaat-niet/", "/test-500/", "/test-503/"])
def test_turkish_pages_pass_axe(checked_page, live_server, url):
    checked_page.context.add_cookies(
        [{"name": "django_language", "value": "tr", "url": live_server.url}]
    )
    checked_page.goto(live_server.url + url)
    assert checked_page.locator("html").get_attribute("lang") == "tr"
    assert_accessible(checked_page)
