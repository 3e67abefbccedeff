import pytest
from django.core import mail

from initiatives.models import EntryKind, Status, TimelineEntry
from tests.factories import InitiativeFactory, InitiatorFactory

pytestmark = pytest.mark.django_db

URL = "/volgen/reageren/"


@pytest.fixture
def initiative(wijk_a):
    initiative = InitiativeFactory(neighbourhood=wijk_a, with_token=True)
    InitiatorFactory(initiative=initiative)
    return initiative


@pytest.fixture
def tracking_client(client, initiative):
    client.get(f"/volgen/{initiative.token}/")
    return client


def test_initiator_replies_and_the_brokers_are_told(
    tracking_client, initiative, broker_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = tracking_client.post(URL, {"text": "  Ik kan dinsdag langskomen.  "})
    assert response.status_code == 302
    assert response["Location"] == "/volgen/"
    assert response["Referrer-Policy"] == "no-referrer"
    entry = TimelineEntry.objects.get(kind=EntryKind.MESSAGE_FROM_INITIATOR)
    assert entry.public_text == "Ik kan dinsdag langskomen."
    assert entry.initiative == initiative
    assert [m.to for m in mail.outbox] == [[broker_a.email]]
    assert "dinsdag" not in mail.outbox[0].body  # brokers read it in the workspace
    page = tracking_client.get("/volgen/").text
    assert "Uw bericht is verstuurd" in page
    assert "Ik kan dinsdag langskomen." in page


@pytest.mark.parametrize("text", ["", "   ", "x" * 2001])
def test_an_empty_or_too_long_reply_is_shown_again(tracking_client, text):
    response = tracking_client.post(URL, {"text": text})
    assert response.status_code == 200
    assert 'href="#id_text"' in response.text
    assert not TimelineEntry.objects.filter(kind=EntryKind.MESSAGE_FROM_INITIATOR).exists()


def test_a_withdrawn_initiative_takes_no_replies(tracking_client, initiative):
    initiative.status = Status.WITHDRAWN
    initiative.save(update_fields=["status"])
    response = tracking_client.post(URL, {"text": "Hallo"})
    assert response.status_code == 200
    assert "U kunt op dit initiatief niet meer reageren." in response.text
    assert not TimelineEntry.objects.filter(kind=EntryKind.MESSAGE_FROM_INITIATOR).exists()


def test_reply_without_a_tracking_session_is_404(client):
    assert client.post(URL, {"text": "Hallo"}).status_code == 404


def test_reply_needs_post(tracking_client):
    assert tracking_client.get(URL).status_code == 405
