"""A canary test: unique markers in every personal or internal field must never reach a
public page or a mail to a third party (the brokers' notifications)."""

import uuid

import pytest
from django.core import mail

from initiatives import services
from initiatives.models import Initiative, Status
from tests.factories import HelpOfferFactory, InitiativeFactory, InitiatorFactory, priority

from .conftest import started

pytestmark = pytest.mark.django_db

MARKERS = {
    "initiator_name": "CANARY-INITIATOR-NAME",
    "initiator_email": "canary-initiator@canary.example",
    "initiator_phone": "0699911122",
    "helper_name": "CANARY-HELPER-NAME",
    "helper_email": "canary-helper@canary.example",
    "helper_phone": "0688822233",
    "helper_message": "CANARY-HELPER-MESSAGE",
    "internal_note": "CANARY-INTERNAL-NOTE",
    "status_note": "CANARY-STATUS-NOTE",
    "message_to_initiator": "CANARY-MESSAGE-TO-INITIATOR",
    "message_from_initiator": "CANARY-MESSAGE-FROM-INITIATOR",
    "status_text": "CANARY-STATUS-TEXT-FOR-INITIATOR",
    "original_title": "CANARY-ORIGINAL-TITLE",
    "original_description": "CANARY-ORIGINAL-DESCRIPTION",
    "unpublished_title": "CANARY-UNPUBLISHED-TITLE",
    "unpublished_description": "CANARY-UNPUBLISHED-DESCRIPTION",
    # File names (attachments): a resident's is never kept, a broker's document's is theirs.
    "photo_file_name": "CANARY-PHOTO-FILE-NAME",
    "document_file_name": "CANARY-DOCUMENT-FILE-NAME",
    "feedback_text": "CANARY-FEEDBACK-TEXT",
}


def assert_clean(text: str, where: str) -> None:
    leaked = [name for name, marker in MARKERS.items() if marker.lower() in text.lower()]
    assert not leaked, f"{where} shows {leaked}"


@pytest.fixture
def world(wijk_a, broker_a):
    published = InitiativeFactory(
        neighbourhood=wijk_a,
        title=MARKERS["original_title"],
        description=MARKERS["original_description"],
        published=True,
        public_title="Speeltuin opknappen",
        public_summary="Bewoners knappen samen de speeltuin op.",
        priorities=[priority("kinderen")],
    )
    InitiatorFactory(
        initiative=published,
        name=MARKERS["initiator_name"],
        email=MARKERS["initiator_email"],
        phone=MARKERS["initiator_phone"],
    )
    HelpOfferFactory(
        initiative=published,
        name=MARKERS["helper_name"],
        email=MARKERS["helper_email"],
        phone=MARKERS["helper_phone"],
        message=MARKERS["helper_message"],
    )
    services.add_note(published, MARKERS["internal_note"], actor=broker_a)
    services.change_status(
        published,
        Status.INTAKE,
        actor=broker_a,
        public_text=MARKERS["status_text"],
        internal_note=MARKERS["status_note"],
    )
    services.send_message(published, MARKERS["message_to_initiator"], actor=broker_a)
    services.reply_as_initiator(published, MARKERS["message_from_initiator"])
    services.post_update(published, "Eerste klusdag was een succes.", actor=broker_a)
    # What the initiator wrote afterwards (feedback) is for the wijk's brokers only.
    Initiative.feedback.related.related_model.objects.create(
        initiative=published,
        helped=1,
        improvement=MARKERS["feedback_text"],
        answered_at=published.submitted_at,
    )
    unpublished = InitiativeFactory(
        neighbourhood=wijk_a,
        title=MARKERS["unpublished_title"],
        description=MARKERS["unpublished_description"],
    )
    InitiatorFactory(initiative=unpublished)
    return published, unpublished


PUBLIC_QUERIES = [
    {},
    {"wijk": "poelenburg"},
    {"priority": "kinderen"},
    {"status": "intake"},
    {"status": "submitted"},
    {"ordering": "support"},
    {"q": "canary"},
    {"q": "speeltuin"},
    {"q": "huiswerk"},  # the searched word is echoed back, so no marker here
]


def test_no_personal_or_internal_data_on_any_public_page(client, world):
    published, unpublished = world
    pages = {"/": client.get("/")}
    for query in PUBLIC_QUERIES:
        pages[f"/initiatieven/ {query}"] = client.get("/initiatieven/", query)
    pages["detail"] = client.get(f"/initiatieven/{published.pk}/")
    pages["help form"] = client.get(f"/initiatieven/{published.pk}/helpen/")
    client.cookies["django_language"] = "en"
    pages["detail in English"] = client.get(f"/initiatieven/{published.pk}/")
    pages["list in English"] = client.get("/initiatieven/")
    assert "Speeltuin opknappen" in pages["detail"].text
    assert "Eerste klusdag was een succes." in pages["detail"].text
    for where, response in pages.items():
        assert response.status_code == 200, where
        assert_clean(response.text, where)
    assert client.get(f"/initiatieven/{unpublished.pk}/").status_code == 404


def test_no_personal_data_in_mails_to_the_brokers(
    client, world, wijk_a, django_capture_on_commit_callbacks
):
    published, _unpublished = world
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/idee/",
            {
                "title": MARKERS["unpublished_title"],
                "description": MARKERS["unpublished_description"],
                "neighbourhood": wijk_a.pk,
                "name": MARKERS["initiator_name"],
                "email": MARKERS["initiator_email"],
                "phone": MARKERS["initiator_phone"],
                "consent": "on",
                "started": started(),
                "submission_key": str(uuid.uuid4()),
            },
        )
        client.post(
            f"/initiatieven/{published.pk}/helpen/",
            {
                "offer_kinds": ["time"],
                "message": MARKERS["helper_message"],
                "name": MARKERS["helper_name"],
                "email": MARKERS["helper_email"],
                "phone": MARKERS["helper_phone"],
                "consent": "on",
                "started": started(),
            },
        )
        services.reply_as_initiator(published, MARKERS["message_from_initiator"])
    residents = {MARKERS["initiator_email"], MARKERS["helper_email"]}
    to_brokers = [m for m in mail.outbox if not residents & set(m.to)]
    assert len(to_brokers) == 3
    for message in to_brokers:
        parts = [message.subject, message.body, *(a.content for a in message.alternatives)]
        assert_clean("\n".join(parts), f"mail {message.subject!r}")
    # The helper's confirmation names the helper, and nobody and nothing else.
    (to_helper,) = [m for m in mail.outbox if m.to == [MARKERS["helper_email"]]]
    parts = [to_helper.subject, to_helper.body, *(a.content for a in to_helper.alternatives)]
    text = "\n".join(parts).replace(MARKERS["helper_name"], "")
    assert_clean(text, "the helper's confirmation")


def test_no_personal_data_where_a_merged_duplicate_shows_its_target(
    client, world, wijk_a, broker_a, submission, django_capture_on_commit_callbacks
):
    """duplicates: the "Lijkt op" links after submitting, the duplicate's tracking page,
    public address and mail show the target (which holds the markers) only as published."""
    from duplicates.services import merge_initiatives

    published, _unpublished = world
    duplicate = InitiativeFactory(
        neighbourhood=wijk_a, title="Speeltuin opknappen aub", with_token=True
    )
    InitiatorFactory(initiative=duplicate, name="Ria Smit", email="ria@bewoner.example")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        merge_initiatives(duplicate, published, actor=broker_a, public_text="Samen verder.")
    (to_duplicate,) = [m for m in mail.outbox if m.to == ["ria@bewoner.example"]]
    parts = [to_duplicate.subject, to_duplicate.body, *(a[0] for a in to_duplicate.alternatives)]
    assert "Speeltuin opknappen" in "\n".join(parts)
    assert_clean("\n".join(parts), "the merged duplicate's mail")
    pages = {"redirected": client.get(f"/initiatieven/{duplicate.pk}/", follow=True)}
    client.get(f"/volgen/{duplicate.token}/")
    pages["tracking"] = client.get("/volgen/")
    assert "Eerste klusdag was een succes." in pages["tracking"].text
    submission.update(title="Speeltuin opknappen", description="De speeltuin is kapot.")
    client.post("/idee/", submission)
    pages["submitted"] = client.get("/idee/ontvangen/")
    assert "Lijkt op" in pages["submitted"].text
    for where, response in pages.items():
        assert response.status_code == 200, where
        assert_clean(response.text, where)


def test_no_file_name_on_a_public_page_or_download(client, world, wijk_a, broker_a, media):
    from attachments.files import prepare
    from attachments.models import Attachment
    from attachments.services import add_attachments, publish_attachment
    from initiatives.models import Initiative
    from tests.attachments.samples import PDF, image_bytes, upload

    submitted = client.post(
        "/idee/",
        {
            "title": "Bankjes bij het grasveld",
            "description": "Er is nergens een plek om te zitten.",
            "neighbourhood": wijk_a.pk,
            "name": "Bewoner",
            "email": "bewoner@bewoner.example",
            "consent": "on",
            "started": started(),
            "submission_key": str(uuid.uuid4()),
            "photos": [upload(image_bytes(), name=f"{MARKERS['photo_file_name']}.jpg")],
        },
    )
    assert submitted.status_code == 302
    initiative = Initiative.objects.get(title="Bankjes bij het grasveld")
    Initiative.objects.filter(pk=initiative.pk).update(
        is_published=True,
        published_at=initiative.submitted_at,
        public_title="Bankjes",
        public_summary="Een plek om te zitten.",
    )
    [photo] = Attachment.objects.filter(initiative=initiative)
    name = f"{MARKERS['document_file_name']}.pdf"
    [document] = add_attachments(
        initiative,
        [prepare(upload(PDF, name=name), allow_pdf=True)],
        actor=broker_a,
        original_names=[name],
    )
    for attachment in (photo, document):
        publish_attachment(attachment, actor=broker_a, alt_text="Het grasveld")
    assert not Attachment.objects.filter(original_name__icontains="CANARY-PHOTO").exists()
    visitor = type(client)()
    responses = {
        "detail": visitor.get(f"/initiatieven/{initiative.pk}/"),
        "photo": visitor.get(f"/bijlagen/{photo.key}/"),
        "thumbnail": visitor.get(f"/bijlagen/{photo.key}/klein/"),
        "document": visitor.get(f"/bijlagen/{document.key}/"),
    }
    for where, response in responses.items():
        assert response.status_code == 200, where
        headers = "\n".join(f"{key}: {value}" for key, value in response.items())
        body = response.text if where == "detail" else ""
        assert_clean(headers + body, where)
