"""Anonymising an initiative removes the resident's files and keeps the brokers' documents."""

import datetime as dt

import pytest
from django.core.files.storage import default_storage
from django.utils import timezone

from attachments.models import Attachment
from initiatives import privacy
from initiatives.models import Status
from tests.attachments.conftest import add_pdf, add_photo, follow, publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def files(initiative, broker_a):
    photo = publish(add_photo(initiative), broker_a)
    document = add_pdf(initiative, broker_a, name="Offerte familie Jansen.pdf")
    return photo, document


def _exists(attachment) -> bool:
    return default_storage.exists(attachment.file.name)


def test_the_retention_run_removes_the_residents_photos_after_commit(
    initiative, files, django_capture_on_commit_callbacks
):
    photo, document = files
    initiative.status = Status.COMPLETED
    initiative.closed_at = timezone.now() - dt.timedelta(days=400)
    initiative.save(update_fields=["status", "closed_at"])
    with django_capture_on_commit_callbacks() as callbacks:
        privacy.anonymise_closed(timezone.now() - dt.timedelta(days=365))
        # Until the transaction commits, the files are still there.
        assert _exists(photo)
    for callback in callbacks:
        callback()
    assert not _exists(photo)
    assert not default_storage.exists(photo.thumbnail.name)
    assert list(Attachment.objects.all()) == [document]
    document.refresh_from_db()
    assert document.original_name == ""  # it may have held a name
    assert _exists(document)


def test_an_open_initiative_keeps_its_photos_in_the_retention_run(initiative, files):
    privacy.anonymise_closed(timezone.now())
    assert Attachment.objects.count() == 2


def test_the_residents_erase_request_removes_their_photos(
    client, initiative, files, django_capture_on_commit_callbacks
):
    photo, document = files
    follow(client, initiative)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/volgen/gegevens-wissen/", {"confirm": "on"})
    assert response.status_code in (200, 302)
    assert list(Attachment.objects.all()) == [document]
    assert not _exists(photo)


def test_the_data_export_lists_the_initiators_photos(initiative, files):
    photo, _document = files
    data = privacy.initiator_data(initiative)
    assert [item["id"] for item in data["attachments"]] == [photo.pk]
    assert data["attachments"][0]["published"] is True
