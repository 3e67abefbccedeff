"""The stop link in a resident's e-mail: /wijkpost/bewoner/<token>/stoppen/.

A GET shows one button and stops nothing (mail scanners open links); the POST stops, also
without a CSRF token (a mail program's one-click button, RFC 8058). The pages name no one.
"""

import pytest
from django.test import Client
from django.urls import reverse

from initiatives import resident_mail
from initiatives.models import EntryKind, HelpOffer, Initiator
from tests.factories import HelpOfferFactory, InitiativeFactory, InitiatorFactory
from wijkaanpak.logging import redact

pytestmark = pytest.mark.django_db


@pytest.fixture
def initiator(wijk_a) -> Initiator:
    initiative = InitiativeFactory(
        neighbourhood=wijk_a, title="Eigen titel van Fatima", with_token=True
    )
    return InitiatorFactory(initiative=initiative, name="Fatima de Vries")


def stop_url(contact) -> str:
    return reverse(
        "initiatives:stop_resident_mail", kwargs={"token": resident_mail.stop_token(contact)}
    )


def assert_nothing_personal(html: str) -> None:
    for private in ("Fatima", "fatima@bewoner.example", "Eigen titel", "Jan Bakker", "jan@"):
        assert private not in html


def test_the_link_shows_a_button_and_stops_nothing(client, initiator):
    response = client.get(stop_url(initiator))
    assert response.status_code == 200
    assert "Geen e-mail meer ontvangen" in response.text
    assert 'method="post"' in response.text
    assert "Uw persoonlijke link om uw idee te volgen blijft werken." in response.text
    assert_nothing_personal(response.text)
    assert response["Cache-Control"].startswith("max-age=0")
    initiator.refresh_from_db()
    assert initiator.mail_stopped_at is None


def test_the_button_stops_the_mail_and_the_tracking_link_keeps_working(client, initiator):
    initiative = initiator.initiative
    response = client.post(stop_url(initiator))
    assert response.status_code == 200
    assert "U krijgt geen e-mail meer" in response.text
    assert_nothing_personal(response.text)
    initiator.refresh_from_db()
    assert initiator.mail_stopped_at is not None
    assert initiative.timeline.filter(kind=EntryKind.DATA_REQUEST).count() == 1
    tracking = Client().get(f"/volgen/{initiative.token}/", follow=True)
    assert tracking.status_code == 200
    assert "Eigen titel van Fatima" in tracking.text
    # Opening the link again says it has stopped, without a second entry.
    again = client.get(stop_url(initiator))
    assert "U krijgt geen e-mail meer" in again.text
    assert initiative.timeline.filter(kind=EntryKind.DATA_REQUEST).count() == 1


def test_a_mail_programs_one_click_post_needs_no_csrf_token(initiator):
    client = Client(enforce_csrf_checks=True)
    response = client.post(stop_url(initiator), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    initiator.refresh_from_db()
    assert initiator.mail_stopped_at is not None


def test_a_helper_stops_their_mail_in_their_language(client):
    offer = HelpOfferFactory(language="en")
    client.cookies["django_language"] = "en"
    page = client.get(stop_url(offer))
    assert "Stop receiving e-mail" in page.text
    assert "personal link" not in page.text  # a helper has no tracking link
    response = client.post(stop_url(offer))
    assert response.status_code == 200
    assert "We will not send you any more e-mail about this idea." in response.text
    assert HelpOffer.objects.get(pk=offer.pk).mail_stopped_at is not None
    assert_nothing_personal(response.text)


@pytest.mark.parametrize("token", ["onzin", "WyJpIiwxXQ:1tAbCd:vervalst", "x" * 300])
def test_a_broken_link_is_a_clear_404_page(client, initiator, token):
    url = reverse("initiatives:stop_resident_mail", kwargs={"token": token})
    for response in (client.get(url), client.post(url)):
        assert response.status_code == 404
        assert "Deze link werkt niet" in response.text
    initiator.refresh_from_db()
    assert initiator.mail_stopped_at is None


def test_a_link_to_a_removed_offer_is_a_404_page(client):
    offer = HelpOfferFactory()
    url = stop_url(offer)
    offer.delete()
    assert client.post(url).status_code == 404


@pytest.mark.parametrize("method", ["put", "delete", "patch"])
def test_other_methods_are_refused(client, initiator, method):
    assert getattr(client, method)(stop_url(initiator)).status_code == 405
    initiator.refresh_from_db()
    assert initiator.mail_stopped_at is None


def test_the_stop_link_never_reaches_a_log(initiator):
    token = resident_mail.stop_token(initiator)
    line = redact(f'"POST {stop_url(initiator)} HTTP/1.1" 200')
    assert token not in line
    assert "/wijkpost/[verwijderd]" in line
