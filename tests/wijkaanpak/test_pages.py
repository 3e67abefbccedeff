import pytest

from tests.checks import assert_accessible

pytestmark = pytest.mark.django_db

STATIC_PAGES = ["/", "/toegankelijkheid/", "/privacy/"]


@pytest.mark.parametrize("url", STATIC_PAGES)
def test_static_pages_answer_in_dutch_by_default(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Language"] == "nl"
    assert b'<html lang="nl"' in response.content


@pytest.mark.parametrize("url", STATIC_PAGES)
def test_static_pages_answer_in_english_when_chosen(client, url):
    client.cookies["django_language"] = "en"
    response = client.get(url)
    assert response.status_code == 200
    assert b'<html lang="en"' in response.content


def test_privacy_statement_says_who_sees_contact_details(client):
    response = client.get("/privacy/")
    assert "Alleen de sociaal makelaars die in uw wijk werken" in response.text


def test_language_switch_sets_english(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/privacy/"})
    assert response.status_code == 302
    assert "Privacy statement" in client.get("/privacy/").text


def test_unknown_page_gets_the_dutch_404_page(client):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "Deze pagina bestaat niet" in response.text


@pytest.mark.urls("tests.error_urls")
@pytest.mark.parametrize(
    ("url", "status", "text"),
    [
        ("/test-400/", 400, "Dat begrijpen we niet"),
        ("/test-403/", 403, "U mag deze pagina niet zien"),
        ("/test-500/", 500, "Er ging bij ons iets mis"),
        ("/test-503/", 503, "De site is even niet bereikbaar"),
    ],
)
def test_error_pages_are_styled_and_dutch(client, url, status, text):
    client.raise_request_exception = False
    response = client.get(url)
    assert response.status_code == status
    assert text in response.text
    assert "utrecht" in response.text


@pytest.mark.browser
@pytest.mark.urls("tests.error_urls")
@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize(
    "url", [*STATIC_PAGES, "/bestaat-niet/", "/test-400/", "/test-403/", "/test-500/", "/test-503/"]
)
def test_pages_pass_axe(checked_page, live_server, language, url):
    checked_page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": live_server.url}]
    )
    checked_page.goto(live_server.url + url)
    assert checked_page.locator("html").get_attribute("lang") == language
    assert_accessible(checked_page)
