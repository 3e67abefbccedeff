"""Messages to the initiator, internal notes and public updates."""

import pytest
from django.core import mail
from django.urls import reverse

from initiatives import services
from initiatives.models import EntryKind, Initiative, TimelineEntry

from .conftest import detail_url

pytestmark = pytest.mark.django_db

INTERNAL_LABEL = "Interne notitie \N{EN DASH} alleen voor medewerkers"


def url(initiative, name: str) -> str:
    return reverse(f"initiatives:{name}", kwargs={"pk": initiative.pk})


def test_broker_sends_a_message_that_is_mailed_to_the_initiator(
    client, initiative, broker_a, django_capture_on_commit_callbacks
):
    client.force_login(broker_a)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url(initiative, "workspace_message"), {"message-text": "Mogen we u bellen?"}
        )
    assert response.status_code == 302
    initiative.refresh_from_db()
    assert initiative.waiting_for_initiator_since is not None
    assert initiative.first_response_at is not None
    entry = TimelineEntry.objects.get(initiative=initiative, kind=EntryKind.MESSAGE_TO_INITIATOR)
    assert (entry.actor, entry.public_text) == (broker_a, "Mogen we u bellen?")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["fatima@bewoner.example"]
    assert mail.outbox[0].subject == "Een bericht over uw idee"
    assert "Mogen we u bellen?" in mail.outbox[0].body
    assert "Het bericht is verstuurd." in client.get(detail_url(initiative)).text


def test_the_initiators_reply_is_mailed_to_the_brokers_of_the_wijk(
    initiative, broker_a, broker_b, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.reply_as_initiator(initiative, "Ja, bel maar.")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["broker_a@gemeente.example"]
    assert f"/werkvoorraad/{initiative.pk}/" in mail.outbox[0].body
    assert "fatima" not in mail.outbox[0].body.lower()


def test_an_empty_message_keeps_the_page_with_an_error(client, initiative, broker_a):
    client.force_login(broker_a)
    response = client.post(url(initiative, "workspace_message"), {"message-text": "   "})
    assert response.status_code == 200
    assert 'href="#id_message-text"' in response.text
    assert not TimelineEntry.objects.filter(initiative=initiative).exists()


def test_a_too_long_message_keeps_what_was_typed(client, initiative, broker_a):
    client.force_login(broker_a)
    text = "lang " * 1200
    response = client.post(url(initiative, "workspace_message"), {"message-text": text})
    assert response.status_code == 200
    assert "lang lang lang" in response.text
    assert not TimelineEntry.objects.filter(initiative=initiative).exists()


def test_broker_adds_an_internal_note_that_nobody_is_mailed_about(
    client, initiative, broker_a, django_capture_on_commit_callbacks
):
    client.force_login(broker_a)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(initiative, "workspace_note"), {"note-text": "Bel school."})
    assert response.status_code == 302
    entry = TimelineEntry.objects.get(initiative=initiative, kind=EntryKind.NOTE)
    assert (entry.actor, entry.internal_note, entry.public_text) == (broker_a, "Bel school.", "")
    assert mail.outbox == []
    page = client.get(detail_url(initiative)).text
    assert INTERNAL_LABEL in page


def test_broker_posts_a_public_update(client, initiative, broker_a):
    client.force_login(broker_a)
    response = client.post(
        url(initiative, "workspace_update"), {"update-text": "De eerste les was fijn."}
    )
    assert response.status_code == 302
    entry = TimelineEntry.objects.get(initiative=initiative, kind=EntryKind.PUBLIC_UPDATE)
    assert entry.public_text == "De eerste les was fijn."
    assert Initiative.objects.get(pk=initiative.pk).first_response_at is not None
