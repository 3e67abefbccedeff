import pytest
from django.core import mail
from django.urls import reverse

from initiatives.forms.workspace import StatusForm
from initiatives.models import EntryKind, Initiative, Status, TimelineEntry
from tests.factories import InitiativeFactory

from .conftest import detail_url, versioned

pytestmark = pytest.mark.django_db


def url(initiative) -> str:
    return reverse("initiatives:workspace_status", kwargs={"pk": initiative.pk})


@pytest.mark.parametrize("status", Status.values)
def test_the_form_offers_exactly_the_allowed_transitions(wijk_a, status):
    initiative = InitiativeFactory(neighbourhood=wijk_a, status=status)
    form = StatusForm(initiative=initiative)
    offered = [value for value, _label in form.fields["to"].choices]
    assert offered == initiative.allowed_transitions()


@pytest.mark.parametrize("status", Status.values)
def test_the_page_shows_only_the_allowed_transitions(client, wijk_a, broker_a, status):
    initiative = InitiativeFactory(neighbourhood=wijk_a, status=status)
    client.force_login(broker_a)
    text = client.get(detail_url(initiative)).text
    for value in Status.values:
        radio = f'name="status-to" value="{value}"'
        assert (radio in text) == (value in initiative.allowed_transitions())


def test_broker_moves_an_initiative_to_intake_and_the_initiator_is_mailed(
    client, initiative, broker_a, django_capture_on_commit_callbacks
):
    client.force_login(broker_a)
    data = versioned(
        initiative,
        "status",
        to="intake",
        public_text="We bellen u deze week.",
        internal_note="Eerst school bellen.",
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(initiative), data)
    assert response.status_code == 302
    assert response["Location"] == detail_url(initiative)
    initiative.refresh_from_db()
    assert initiative.status == Status.INTAKE
    assert initiative.first_response_at is not None
    entry = TimelineEntry.objects.get(initiative=initiative, kind=EntryKind.STATUS_CHANGE)
    assert entry.actor == broker_a
    assert entry.internal_note == "Eerst school bellen."
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["fatima@bewoner.example"]
    assert message.subject == "Nieuws over uw idee"
    assert "In gesprek" in message.body
    assert "We bellen u deze week." in message.body
    assert "Eerst school bellen." not in message.body
    assert "De status is gewijzigd." in client.get(detail_url(initiative)).text


def test_referring_records_where_to_and_the_reference(client, initiative, broker_a):
    client.force_login(broker_a)
    data = versioned(
        initiative,
        "status",
        to="referred",
        public_text="Dit is een melding voor de openbare ruimte.",
        referred_to="Meldpunt openbare ruimte",
        referral_reference="MOR-2026-123",
    )
    assert client.post(url(initiative), data).status_code == 302
    initiative.refresh_from_db()
    assert initiative.status == Status.REFERRED
    assert initiative.referred_to == "Meldpunt openbare ruimte"
    assert initiative.referral_reference == "MOR-2026-123"


def test_referring_without_a_destination_keeps_the_form_as_typed(client, initiative, broker_a):
    client.force_login(broker_a)
    data = versioned(initiative, "status", to="referred", public_text="Dit is een melding.")
    response = client.post(url(initiative), data)
    assert response.status_code == 200
    assert "Vul in waar het naartoe is doorverwezen." in response.text
    assert "Dit is een melding." in response.text
    assert 'href="#id_status-referred_to"' in response.text
    assert Initiative.objects.get(pk=initiative.pk).status == Status.SUBMITTED


def test_declining_without_a_reason_asks_for_one(client, initiative, broker_a):
    client.force_login(broker_a)
    response = client.post(url(initiative), versioned(initiative, "status", to="declined"))
    assert response.status_code == 200
    assert "Schrijf de reden op. De initiatiefnemer leest deze tekst." in response.text
    assert Initiative.objects.get(pk=initiative.pk).status == Status.SUBMITTED


def test_a_move_not_in_the_table_is_refused_as_a_form_error(client, initiative, broker_a):
    client.force_login(broker_a)
    data = versioned(initiative, "status", to="completed", public_text="Klaar.")
    response = client.post(url(initiative), data)
    assert response.status_code == 200
    assert "utrecht-form-field-error-message" in response.text
    assert Initiative.objects.get(pk=initiative.pk).status == Status.SUBMITTED


@pytest.mark.parametrize("version", ["", "abc", "-1", "99999999999999999999999", "1.5", "1e9"])
def test_a_tampered_version_is_a_form_error_not_a_500(client, initiative, broker_a, version):
    client.force_login(broker_a)
    data = versioned(initiative, "status", to="intake", public_text="Hallo.")
    data["status-version"] = version
    response = client.post(url(initiative), data)
    assert response.status_code == 200
    assert Initiative.objects.get(pk=initiative.pk).status == Status.SUBMITTED


def test_a_tampered_seen_moment_is_a_form_error(client, initiative, broker_a):
    client.force_login(broker_a)
    data = versioned(initiative, "status", to="intake", public_text="Hallo.")
    data["status-seen"] = "gisteren"
    response = client.post(url(initiative), data)
    assert response.status_code == 200
    assert "Laad de pagina opnieuw" in response.text


def test_preview_shows_the_email_and_changes_nothing(
    client, initiative, broker_a, django_capture_on_commit_callbacks
):
    client.force_login(broker_a)
    data = versioned(initiative, "status", to="intake", public_text="We bellen u morgen.")
    data["preview"] = "1"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(initiative), data)
    assert response.status_code == 200
    text = response.text
    assert "Voorbeeld van de e-mail aan de initiatiefnemer" in text
    assert "Nieuws over uw idee" in text
    assert "De status van uw idee" in text
    assert "We bellen u morgen." in text
    # No personal data in the preview, and nothing sent or saved.
    assert "Fatima" not in text
    assert mail.outbox == []
    assert Initiative.objects.get(pk=initiative.pk).status == Status.SUBMITTED
    assert not TimelineEntry.objects.filter(initiative=initiative).exists()
