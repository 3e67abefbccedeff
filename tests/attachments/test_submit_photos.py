"""Photos on the submit form: with the idea or not at all, once, and the form kept."""

import pytest
from django.core.files.storage import default_storage

from attachments.models import Attachment
from initiatives.models import Initiative
from tests.attachments import samples

pytestmark = pytest.mark.django_db


def _stored_files(media) -> list:
    return sorted(path for path in media.rglob("*") if path.is_file())


def test_a_resident_submits_an_idea_with_two_photos(client, submission, media):
    submission["photos"] = [
        samples.upload(samples.image_bytes("JPEG", gps=True), name="IMG_0042.jpg"),
        samples.upload(samples.image_bytes("PNG"), name="grasveld.png", content_type="image/png"),
    ]
    response = client.post("/idee/", submission)
    assert response.status_code == 302
    initiative = Initiative.objects.get()
    photos = list(Attachment.objects.filter(initiative=initiative))
    assert [(p.kind, p.added_by, p.added_by_user, p.published_at) for p in photos] == [
        ("photo", "initiator", None, None)
    ] * 2
    for photo in photos:
        assert photo.original_name == ""
        assert photo.file.name.startswith(f"attachments/{photo.created_at.year}/{photo.key}")
        assert photo.file.name.endswith(".jpg")
        assert default_storage.exists(photo.file.name)
        assert default_storage.exists(photo.thumbnail.name)
        with photo.file.open("rb") as handle:
            assert b"Exif" not in handle.read()
    assert len(_stored_files(media)) == 4
    # The brokers see it happened, in the timeline; nobody else does.
    assert initiative.timeline.filter(internal_note__contains="2 bijlagen").exists()


def test_the_form_has_the_right_encoding_and_accepts_only_images(client):
    html = client.get("/idee/").text
    assert 'enctype="multipart/form-data"' in html
    assert 'accept="image/jpeg,image/png,image/webp"' in html
    assert "multiple" in html


def test_a_path_traversal_name_is_stored_under_a_random_name_inside_media_root(
    client, submission, media
):
    submission["photos"] = [samples.upload(samples.image_bytes(), name="../../etc/passwd.jpg")]
    assert client.post("/idee/", submission).status_code == 302
    photo = Attachment.objects.get()
    stored = _stored_files(media)
    assert len(stored) == 2
    for path in stored:
        assert path.resolve().is_relative_to(media.resolve())
        assert "passwd" not in path.name
        assert path.name.startswith(photo.key)


def test_a_refused_photo_keeps_everything_else_the_resident_typed(client, submission, media):
    submission["photos"] = [samples.upload(samples.PDF, name="foto.jpg")]
    response = client.post("/idee/", submission)
    assert response.status_code == 200
    html = response.text
    assert "Bestand 1: Dit is geen foto die we kunnen gebruiken" in html
    assert "Kies de foto opnieuw" in html
    assert 'href="#id_photos"' in html  # the error summary links to the field
    assert "Huiswerkklas in het buurthuis" in html
    assert "Fatima de Vries" in html
    assert not Initiative.objects.exists()
    assert _stored_files(media) == []


def test_more_than_three_photos_are_refused_with_the_form_kept(client, submission):
    submission["photos"] = [samples.upload(samples.image_bytes()) for _ in range(4)]
    html = client.post("/idee/", submission).text
    assert "U kunt 3 bestanden tegelijk sturen. U koos er 4." in html
    assert "Huiswerkklas in het buurthuis" in html
    assert not Initiative.objects.exists()


def test_a_photo_over_10_mb_is_refused(client, submission):
    submission["photos"] = [samples.upload(b"\xff\xd8\xff" + b"\x00" * (10 * 1024 * 1024))]
    html = client.post("/idee/", submission).text
    assert "Dit bestand is te groot. Een bestand mag hoogstens 10 MB zijn." in html
    assert not Initiative.objects.exists()


def test_another_error_asks_to_choose_the_photo_again(client, submission):
    submission["title"] = ""
    submission["photos"] = [samples.upload(samples.image_bytes())]
    html = client.post("/idee/", submission).text
    assert "Kies de foto opnieuw: de browser bewaart hem niet." in html
    assert not Attachment.objects.exists()


def test_a_resubmitted_form_adds_no_photos_again(client, submission, media):
    submission["photos"] = [samples.upload(samples.image_bytes())]
    client.post("/idee/", submission)
    submission["photos"] = [samples.upload(samples.image_bytes())]
    assert client.post("/idee/", submission).status_code == 302
    assert Initiative.objects.count() == 1
    assert Attachment.objects.count() == 1
    assert len(_stored_files(media)) == 2


def test_when_storing_fails_there_is_no_idea_and_no_file(client, submission, media, monkeypatch):
    from attachments import services

    calls = []

    def fail_on_second(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise OSError("disk full")
        return original(*args, **kwargs)

    original = services._store
    monkeypatch.setattr(services, "_store", fail_on_second)
    submission["photos"] = [samples.upload(samples.image_bytes()) for _ in range(2)]
    client.raise_request_exception = False
    assert client.post("/idee/", submission).status_code == 500
    assert not Initiative.objects.exists()
    assert not Attachment.objects.exists()
    assert _stored_files(media) == []
