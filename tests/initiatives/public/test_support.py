import pytest
from django.test import Client

from initiatives.models import Initiative, Status, Support
from initiatives.views.public import BROWSER_COOKIE
from tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db


def url(initiative) -> str:
    return f"/initiatieven/{initiative.pk}/steunen/"


def test_resident_supports_once_per_browser(client, published, django_assert_num_queries):
    response = client.post(url(published))
    assert response.status_code == 302
    assert response["Location"] == f"/initiatieven/{published.pk}/#steun"
    cookie = response.cookies[BROWSER_COOKIE]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    client.post(url(published))

    published.refresh_from_db()
    assert published.support_count == 1
    support = Support.objects.get()
    # Only a hash of the browser's key is kept, never the key from the cookie.
    assert support.browser_key not in cookie.value
    assert len(support.browser_key) == 64

    page = client.get(f"/initiatieven/{published.pk}/").text
    assert "U steunde dit idee al." in page
    assert "U steunt dit idee. Dank u wel!" in page
    assert "1 bewoner steunt dit idee." in page
    # Knowing it already supported costs one query more (than the page's six: the
    # initiative, its priorities, its updates, its contributors, the voices it grew from
    # ({% grew_from %}), its assessments, its published attachments).
    with django_assert_num_queries(8):
        client.get(f"/initiatieven/{published.pk}/")


def test_another_browser_adds_its_own_support(client, published):
    client.post(url(published))
    Client().post(url(published))
    published.refresh_from_db()
    assert published.support_count == 2


def test_a_forged_browser_cookie_is_replaced_by_a_new_key(client, published):
    client.cookies[BROWSER_COOKIE] = "forged-value"
    response = client.post(url(published))
    assert BROWSER_COOKIE in response.cookies
    assert Support.objects.count() == 1


def test_unpublished_initiatives_cannot_be_supported(client, wijk_a):
    hidden = InitiativeFactory(neighbourhood=wijk_a)
    assert client.post(url(hidden)).status_code == 404
    assert not Support.objects.exists()


def test_closed_initiatives_cannot_be_supported(client, published):
    published.status = Status.WITHDRAWN
    published.save(update_fields=["status"])
    client.post(url(published))
    assert not Support.objects.exists()
    assert "U kunt dit idee niet meer steunen." in client.get(f"/initiatieven/{published.pk}/").text


def test_supports_are_throttled_per_address(client, published, settings):
    settings.THROTTLE_SUPPORT_PER_ADDRESS_HOUR = 2
    for _ in range(3):
        Client().post(url(published), REMOTE_ADDR="10.1.1.1")
    assert Initiative.objects.get().support_count == 2
    assert client.post(url(published), REMOTE_ADDR="10.1.1.2").status_code == 302
    assert Initiative.objects.get().support_count == 3


def test_support_needs_post(client, published):
    assert client.get(url(published)).status_code == 405
