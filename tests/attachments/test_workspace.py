"""Brokers add, publish, unpublish and delete attachments on an initiative's page."""

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse

from attachments.models import Attachment
from tests.attachments import samples
from tests.attachments.conftest import add_pdf, add_photo, publish

pytestmark = pytest.mark.django_db


def detail(initiative) -> str:
    return reverse("initiatives:workspace_detail", kwargs={"pk": initiative.pk})


def url(name: str, attachment) -> str:
    kwargs = {"pk": attachment.initiative_id, "attachment_pk": attachment.pk}
    return reverse(f"attachments:{name}", kwargs=kwargs)


@pytest.fixture
def broker(client, broker_a):
    # A copy: logging in marks the user object as still owing the second factor.
    client.force_login(type(broker_a).objects.get(pk=broker_a.pk))
    return broker_a


def test_the_page_shows_the_section_with_the_upload_form(client, broker, initiative):
    html = client.get(detail(initiative)).text
    assert "Foto&#x27;s en documenten" in html or "Foto's en documenten" in html
    assert 'enctype="multipart/form-data"' in html
    assert 'accept="image/jpeg,image/png,image/webp,application/pdf"' in html
    assert "Nog geen foto" in html


def test_a_broker_adds_a_photo_and_a_pdf_and_the_pdf_keeps_its_name(client, broker, initiative):
    response = client.post(
        reverse("attachments:add", kwargs={"pk": initiative.pk}),
        {
            "attachment-files": [
                samples.upload(samples.image_bytes("WEBP"), name="plek.webp"),
                samples.upload(samples.PDF, name="Offerte hovenier.pdf", content_type="x/y"),
            ]
        },
    )
    assert response.status_code == 302
    photo, document = Attachment.objects.filter(initiative=initiative)
    assert (photo.kind, photo.content_type, photo.original_name) == ("photo", "image/jpeg", "")
    assert (document.kind, document.content_type) == ("document", "application/pdf")
    assert document.original_name == "Offerte hovenier.pdf"
    assert (photo.added_by, photo.added_by_user) == ("broker", broker)
    assert not photo.is_published
    html = client.get(detail(initiative)).text
    assert "Offerte hovenier.pdf" in html
    assert "Niet openbaar" in html


def test_a_refused_file_shows_the_reason_on_the_page(client, broker, initiative):
    response = client.post(
        reverse("attachments:add", kwargs={"pk": initiative.pk}),
        {"attachment-files": [samples.upload(samples.PDF_WITH_JAVASCRIPT, name="x.pdf")]},
    )
    assert response.status_code == 200
    assert "Deze PDF bevat JavaScript" in response.text
    assert "Kies de foto opnieuw" in response.text
    assert 'href="#id_attachment-files"' in response.text
    assert not Attachment.objects.exists()


def test_more_than_five_files_are_refused(client, broker, initiative):
    response = client.post(
        reverse("attachments:add", kwargs={"pk": initiative.pk}),
        {"attachment-files": [samples.upload(samples.image_bytes()) for _ in range(6)]},
    )
    assert "U kunt 5 bestanden tegelijk sturen. U koos er 6." in response.text
    assert not Attachment.objects.exists()


def test_publishing_needs_a_description(client, broker, initiative):
    photo = add_photo(initiative)
    response = client.post(url("publish", photo), {f"alt-{photo.pk}-alt_text": "   "})
    assert response.status_code == 200
    assert "Schrijf eerst wat er op de foto staat" in response.text
    photo.refresh_from_db()
    assert not photo.is_published


def test_a_broker_publishes_changes_and_unpublishes_a_photo(client, broker, initiative):
    photo = add_photo(initiative)
    field = f"alt-{photo.pk}-alt_text"
    assert client.post(url("publish", photo), {field: " Het  grasveld "}).status_code == 302
    photo.refresh_from_db()
    assert (photo.alt_text, photo.published_by) == ("Het grasveld", broker)
    first = photo.published_at
    client.post(url("publish", photo), {field: "Het grasveld in de zomer"})
    photo.refresh_from_db()
    assert (photo.alt_text, photo.published_at) == ("Het grasveld in de zomer", first)
    assert client.post(url("unpublish", photo)).status_code == 302
    photo.refresh_from_db()
    assert not photo.is_published
    notes = list(initiative.timeline.values_list("internal_note", flat=True))
    assert any("openbaar gemaakt: Het grasveld" in note for note in notes)
    assert any("niet meer openbaar" in note for note in notes)


def test_deleting_removes_the_row_and_the_files_after_commit(
    client, broker, initiative, django_capture_on_commit_callbacks
):
    photo = add_photo(initiative)
    names = [photo.file.name, photo.thumbnail.name]
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url("delete", photo)).status_code == 302
    assert not Attachment.objects.exists()
    assert not any(default_storage.exists(name) for name in names)


def test_a_broker_of_another_wijk_can_do_nothing(client, broker_b, initiative):
    photo = add_photo(initiative)
    client.force_login(broker_b)
    assert client.post(url("publish", photo), {f"alt-{photo.pk}-alt_text": "x"}).status_code == 403
    assert client.post(url("delete", photo)).status_code == 403
    assert Attachment.objects.filter(published_at__isnull=True).count() == 1


def test_an_attachment_of_another_initiative_is_a_404(client, broker, initiative, wijk_a):
    from tests.factories import InitiativeFactory

    photo = add_photo(InitiativeFactory(neighbourhood=wijk_a))
    wrong = reverse("attachments:delete", kwargs={"pk": initiative.pk, "attachment_pk": photo.pk})
    assert client.post(wrong).status_code == 404


@pytest.mark.parametrize("rows", [1, 8])
def test_the_page_costs_the_same_queries_however_many_attachments(
    client, broker, initiative, broker_a, django_assert_num_queries, rows
):
    for _ in range(rows):
        publish(add_photo(initiative), broker_a)
        add_pdf(initiative, broker_a)
    # As in tests/initiatives/workspace/test_workspace_detail.py (19 with the look-alikes,
    # 20 the attachments and who added them), and 21 the budget pots of the grant form (from
    # intake on).
    with django_assert_num_queries(22):
        assert client.get(detail(initiative)).status_code == 200
