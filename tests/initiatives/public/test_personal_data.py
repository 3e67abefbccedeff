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
