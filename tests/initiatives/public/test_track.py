import pytest

from initiatives import services
from initiatives.models import EntryKind, Status
from tests.factories import InitiativeFactory, InitiatorFactory, TimelineEntryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def initiative(wijk_a):
    initiative = InitiativeFactory(neighbourhood=wijk_a, with_token=True, title="Buurtmoestuin")
    InitiatorFactory(initiative=initiative)
    return initiative


def open_link(client, initiative):
    return client.get(f"/volgen/{initiative.token}/")


def test_private_link_is_exchanged_for_a_session_and_an_address_without_the_token(
    client, initiative
):
    response = open_link(client, initiative)
    assert response.status_code == 302
    assert response["Location"] == "/volgen/"
    assert response["Referrer-Policy"] == "no-referrer"
    assert "no-store" in response["Cache-Control"]
    assert initiative.token not in str(dict(client.session.items()))

    page = client.get("/volgen/")
    assert page.status_code == 200
    # The page address holds no token; no-referrer would break its forms (Origin: null).
    assert page["Referrer-Policy"] == "same-origin"
    assert "no-store" in page["Cache-Control"]
    assert initiative.token not in page.text
    assert "Buurtmoestuin" in page.text
    assert "We hebben uw idee ontvangen." in page.text
    assert "een antwoord van een sociaal makelaar" in page.text


@pytest.mark.parametrize(
    "token",
    ["0" * 64, "abc", "x" * 64, "%3Cscript%3E", "A" * 5000],
)
def test_wrong_tokens_get_a_plain_404(client, initiative, token):
    assert client.get(f"/volgen/{token}/").status_code == 404
    assert client.get("/volgen/").status_code == 404


def test_an_old_token_stops_working_and_so_does_its_session(client, initiative):
    old = initiative.token
    open_link(client, initiative)
    initiative.issue_tracking_token()
    initiative.save(update_fields=["tracking_nonce", "tracking_token_hash"])
    assert client.get(f"/volgen/{old}/").status_code == 404
    assert client.get("/volgen/").status_code == 404


def test_tracking_page_without_a_session_is_404(client):
    assert client.get("/volgen/").status_code == 404


def test_timeline_shows_what_the_initiator_may_see_and_never_internal_notes(
    client, initiative, broker_a
):
    services.change_status(
        initiative,
        Status.INTAKE,
        actor=broker_a,
        public_text="We bellen u deze week.",
        internal_note="GEHEIME-NOTITIE",
    )
    services.send_message(initiative, "Wanneer kunt u langskomen?", actor=broker_a)
    services.add_note(initiative, "NOG-EEN-NOTITIE", actor=broker_a)
    TimelineEntryFactory(initiative=initiative, kind=EntryKind.PUBLIC_UPDATE, public_text="Nieuws!")
    TimelineEntryFactory(initiative=initiative, kind=EntryKind.EMAIL_SENT, internal_note="MAILLOG")
    open_link(client, initiative)
    html = client.get("/volgen/").text
    assert "We gaan met u in gesprek over uw idee." in html
    assert "We bellen u deze week." in html
    assert "Wanneer kunt u langskomen?" in html
    assert "Nieuws!" in html
    assert "De sociaal makelaar wacht op uw antwoord" in html
    for secret in ["GEHEIME-NOTITIE", "NOG-EEN-NOTITIE", "MAILLOG", broker_a.last_name]:
        assert secret not in html


@pytest.mark.parametrize(
    ("status", "text"),
    [
        (Status.PREPARING, "We bereiden uw idee samen met u voor."),
        (Status.IN_PROGRESS, "Uw idee wordt uitgevoerd."),
        (Status.COMPLETED, "Uw idee is klaar."),
        (Status.DECLINED, "We gaan niet verder met uw idee."),
        (Status.REFERRED, "We hebben uw idee doorgestuurd."),
        (Status.WITHDRAWN, "U heeft uw idee ingetrokken."),
    ],
)
def test_status_is_told_in_the_residents_words(client, initiative, status, text):
    initiative.status = status
    initiative.save(update_fields=["status"])
    open_link(client, initiative)
    assert text in client.get("/volgen/").text


def test_a_referred_initiator_reads_where_the_idea_went_and_the_reference(client, initiative):
    initiative.status = Status.REFERRED
    initiative.referred_to = "Het Juridisch Loket"
    initiative.referral_reference = "JL-2026-0042"
    initiative.save(update_fields=["status", "referred_to", "referral_reference"])
    open_link(client, initiative)
    html = client.get("/volgen/").text
    assert "We hebben uw idee doorgestuurd naar: Het Juridisch Loket" in html
    assert "Kenmerk: JL-2026-0042" in html


def test_a_referral_without_a_reference_shows_no_empty_reference(client, initiative):
    initiative.status = Status.REFERRED
    initiative.referred_to = "Het Juridisch Loket"
    initiative.save(update_fields=["status", "referred_to"])
    open_link(client, initiative)
    html = client.get("/volgen/").text
    assert "We hebben uw idee doorgestuurd naar: Het Juridisch Loket" in html
    assert "Kenmerk" not in html


def test_tracking_page_query_count_does_not_grow_with_the_timeline(
    client, initiative, django_assert_num_queries
):
    open_link(client, initiative)

    def count(entries: int) -> None:
        TimelineEntryFactory.create_batch(
            entries, initiative=initiative, kind=EntryKind.MESSAGE_TO_INITIATOR
        )
        # session, initiative + wijk, timeline entries, assessments' scores (with decisions
        # and criteria), the initiator's photos ({% track_attachments %}), the questions
        # afterwards (feedback, with the initiator)
        with django_assert_num_queries(6):
            assert client.get("/volgen/").status_code == 200

    count(10)
    count(190)


def test_tracking_pages_only_answer_their_methods(client, initiative):
    open_link(client, initiative)
    assert client.post(f"/volgen/{initiative.token}/").status_code == 405
    assert client.post("/volgen/").status_code == 405
    assert client.get("/volgen/reageren/").status_code == 405
    assert client.put("/volgen/intrekken/").status_code == 405
