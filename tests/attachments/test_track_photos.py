"""The initiator adds photos from the tracking page and sees their own."""

import pytest
from django.urls import reverse

from attachments.models import Attachment
from initiatives.models import Status
from tests.attachments import samples
from tests.attachments.conftest import add_pdf, add_photo, follow

pytestmark = pytest.mark.django_db

ADD = reverse("attachments:track_add")


def test_the_initiator_adds_a_photo_and_sees_it_waiting(client, initiative):
    follow(client, initiative)
    response = client.post(ADD, {"photos": [samples.upload(samples.image_bytes())]})
    assert response.status_code == 302
    photo = Attachment.objects.get()
    assert (photo.added_by, photo.initiative) == ("initiator", initiative)
    html = client.get("/volgen/").text
    assert reverse("attachments:thumbnail", kwargs={"key": photo.key}) in html
    assert "Nog niet openbaar" in html
    assert 'enctype="multipart/form-data"' in html


def test_a_refused_photo_shows_the_page_with_the_reason(client, initiative):
    follow(client, initiative)
    response = client.post(ADD, {"photos": [samples.upload(samples.SVG, name="x.svg")]})
    assert response.status_code == 400
    assert "Dit is geen foto die we kunnen gebruiken" in response.text
    assert "Kies de foto opnieuw" in response.text
    assert "no-store" in response["Cache-Control"]
    assert not Attachment.objects.exists()


def test_no_photo_chosen_says_so(client, initiative):
    follow(client, initiative)
    assert "Kies eerst een foto." in client.post(ADD, {}).text


def test_the_page_shows_none_of_the_brokers_documents(client, initiative, broker_a):
    add_pdf(initiative, broker_a)
    follow(client, initiative)
    assert "/bijlagen/" not in client.get("/volgen/").text


def test_a_closed_initiative_takes_no_more_photos(client, initiative):
    initiative.status = Status.COMPLETED
    initiative.save(update_fields=["status"])
    follow(client, initiative)
    assert 'action="/volgen/fotos/"' not in client.get("/volgen/").text
    response = client.post(ADD, {"photos": [samples.upload(samples.image_bytes())]})
    assert "geen foto" in response.text
    assert not Attachment.objects.exists()


def test_without_the_private_link_there_is_nothing_to_add_to(client, initiative):
    response = client.post(ADD, {"photos": [samples.upload(samples.image_bytes())]})
    assert response.status_code == 404


@pytest.mark.parametrize("rows", [1, 6])
def test_the_tracking_page_costs_the_same_however_many_photos(
    client, initiative, django_assert_num_queries, rows
):
    for _ in range(rows):
        add_photo(initiative)
    follow(client, initiative)
    # session, initiative + wijk, timeline, assessments, the initiator's photos
    with django_assert_num_queries(6):
        assert client.get("/volgen/").status_code == 200
