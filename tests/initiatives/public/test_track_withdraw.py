import pytest
from django.core import mail

from initiatives.models import EntryKind, Status
from tests.factories import InitiativeFactory, InitiatorFactory

pytestmark = pytest.mark.django_db

URL = "/volgen/intrekken/"


@pytest.fixture
def initiative(wijk_a):
    initiative = InitiativeFactory(neighbourhood=wijk_a, with_token=True)
    InitiatorFactory(initiative=initiative)
    return initiative


@pytest.fixture
def tracking_client(client, initiative):
    client.get(f"/volgen/{initiative.token}/")
    return client


def test_withdraw_asks_for_confirmation_first(tracking_client, initiative):
    response = tracking_client.get(URL)
    assert response.status_code == 200
    assert "Wilt u uw idee intrekken?" in response.text
    assert response["Referrer-Policy"] == "same-origin"
    assert "no-store" in response["Cache-Control"]
    initiative.refresh_from_db()
    assert initiative.status == Status.SUBMITTED


def test_initiator_withdraws_with_a_reason(
    tracking_client, initiative, broker_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = tracking_client.post(URL, {"reason": "Het is al geregeld."})
    assert response.status_code == 302
    assert response["Location"] == "/volgen/"
    initiative.refresh_from_db()
    assert initiative.status == Status.WITHDRAWN
    assert initiative.closed_at is not None
    entry = initiative.timeline.get(kind=EntryKind.STATUS_CHANGE)
    assert entry.public_text == "Het is al geregeld."
    assert [m.to for m in mail.outbox] == [[broker_a.email]]
    page = tracking_client.get("/volgen/").text
    assert "U heeft uw idee ingetrokken." in page
    assert 'href="/volgen/intrekken/"' not in page


def test_initiator_may_withdraw_without_a_reason(tracking_client, initiative):
    tracking_client.post(URL, {})
    initiative.refresh_from_db()
    assert initiative.status == Status.WITHDRAWN


def test_a_too_long_reason_is_shown_again(tracking_client, initiative):
    response = tracking_client.post(URL, {"reason": "x" * 2001})
    assert response.status_code == 200
    assert 'href="#id_reason"' in response.text
    initiative.refresh_from_db()
    assert initiative.status == Status.SUBMITTED


def test_a_closed_initiative_cannot_be_withdrawn_again(tracking_client, initiative):
    initiative.status = Status.COMPLETED
    initiative.save(update_fields=["status"])
    response = tracking_client.post(URL, {"reason": ""})
    assert response.status_code == 302
    initiative.refresh_from_db()
    assert initiative.status == Status.COMPLETED
    assert "kan niet meer worden ingetrokken" in tracking_client.get("/volgen/").text


def test_withdraw_without_a_tracking_session_is_404(client, initiative):
    assert client.post(URL).status_code == 404
    initiative.refresh_from_db()
    assert initiative.status == Status.SUBMITTED
