"""Who gets a file, and the headers it comes with."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.attachments.conftest import add_pdf, add_photo, follow, publish
from tests.factories import InitiativeFactory, InitiatorFactory
from tests.second_factor import verify_session

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "other_initiator",
    "initiator",
    "broker",
    "other_broker",
    "coordinator",
    "council",
]


@pytest.fixture
def clients(initiative, wijk_a, broker_a, broker_b, coordinator, council_member) -> dict:
    clients = {role: Client() for role in ROLES}
    for role, user in {
        "broker": broker_a,
        "other_broker": broker_b,
        "coordinator": coordinator,
        "council": council_member,
    }.items():
        # A copy: logging in marks the user object as still owing the second factor.
        user = type(user).objects.get(pk=user.pk)
        clients[role].force_login(user)
        verify_session(clients[role], user)
    follow(clients["initiator"], initiative)
    other = InitiativeFactory(neighbourhood=wijk_a, with_token=True)
    InitiatorFactory(initiative=other)
    follow(clients["other_initiator"], other)
    return clients


def _statuses(clients: dict, attachment, name: str = "attachments:file") -> dict:
    url = reverse(name, kwargs={"key": attachment.key})
    return {role: client.get(url).status_code for role, client in clients.items()}


def test_an_unpublished_photo_of_the_initiator(clients, initiative):
    photo = add_photo(initiative)
    expected = {
        "anonymous": 404,
        "other_initiator": 404,
        "initiator": 200,
        "broker": 200,
        "other_broker": 404,
        "coordinator": 200,
        "council": 404,
    }
    assert _statuses(clients, photo) == expected
    assert _statuses(clients, photo, "attachments:thumbnail") == expected


def test_an_unpublished_document_of_a_broker_is_for_the_brokers_only(clients, initiative, broker_a):
    document = add_pdf(initiative, broker_a)
    assert _statuses(clients, document) == {
        "anonymous": 404,
        "other_initiator": 404,
        "initiator": 404,
        "broker": 200,
        "other_broker": 404,
        "coordinator": 200,
        "council": 404,
    }


def test_a_published_photo_is_for_everyone(clients, initiative, broker_a):
    photo = publish(add_photo(initiative), broker_a)
    assert set(_statuses(clients, photo).values()) == {200}


def test_a_published_photo_of_an_unpublished_initiative_is_not_public(
    clients, initiative, broker_a
):
    photo = publish(add_photo(initiative), broker_a)
    initiative.is_published = False
    initiative.save(update_fields=["is_published"])
    statuses = _statuses(clients, photo)
    assert statuses["anonymous"] == statuses["council"] == statuses["other_broker"] == 404
    assert statuses["broker"] == statuses["initiator"] == 200


def test_a_new_private_link_closes_the_old_session(clients, initiative):
    photo = add_photo(initiative)
    initiative.issue_tracking_token()
    initiative.save(update_fields=["tracking_nonce", "tracking_token_hash"])
    assert _statuses(clients, photo)["initiator"] == 404


def test_an_unknown_or_malformed_key_is_a_404(client):
    for key in ("0" * 32, "abc", "../../etc/passwd"):
        assert client.get(f"/bijlagen/{key}/").status_code == 404


def test_an_unpublished_image_comes_inline_sandboxed_and_never_stored(clients, initiative):
    photo = add_photo(initiative)
    response = clients["broker"].get(reverse("attachments:file", kwargs={"key": photo.key}))
    assert response["Content-Type"] == "image/jpeg"
    assert response["Content-Disposition"] == f'inline; filename="bijlage-{photo.pk}.jpg"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert response["Cache-Control"] == "private, no-store"
    assert b"".join(response.streaming_content)[:3] == b"\xff\xd8\xff"


def test_a_pdf_is_always_a_download(clients, initiative, broker_a):
    document = publish(add_pdf(initiative, broker_a, name="offerte hovenier.pdf"), broker_a)
    public = clients["anonymous"].get(reverse("attachments:file", kwargs={"key": document.key}))
    assert public["Content-Type"] == "application/pdf"
    assert public["Content-Disposition"] == f'attachment; filename="bijlage-{document.pk}.pdf"'
    assert public["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert public["Cache-Control"].startswith("public, max-age=")
    # Brokers download it under the name they gave it.
    own = clients["broker"].get(reverse("attachments:file", kwargs={"key": document.key}))
    assert own["Content-Disposition"] == 'attachment; filename="offerte hovenier.pdf"'


def test_a_missing_file_is_a_404_not_a_500(clients, initiative):
    photo = add_photo(initiative)
    photo.file.storage.delete(photo.file.name)
    url = reverse("attachments:file", kwargs={"key": photo.key})
    assert clients["broker"].get(url).status_code == 404


def test_the_file_view_answers_get_and_head_only(clients, initiative):
    photo = add_photo(initiative)
    url = reverse("attachments:file", kwargs={"key": photo.key})
    assert clients["broker"].post(url).status_code == 405
    assert clients["broker"].head(url).status_code == 200
