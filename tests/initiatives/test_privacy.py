"""Residents' data rights (AVG): download everything, have it erased; and coordinators handling
requests that arrive by letter or e-mail. Every action is on the initiative's timeline."""

import json

import pytest
from django.urls import reverse

from initiatives import privacy
from initiatives.models import EntryKind, HelpOffer, Initiator, Status, TimelineEntry
from tests.factories import (
    HelpOfferFactory,
    InitiativeFactory,
    InitiatorFactory,
    TimelineEntryFactory,
    priority,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def initiative(wijk_a, broker_a):
    initiative = InitiativeFactory(
        neighbourhood=wijk_a,
        title="Huiswerkklas bij Fatima thuis",
        status=Status.INTAKE,
        with_token=True,
        priorities=[priority("kinderen")],
    )
    InitiatorFactory(initiative=initiative)
    TimelineEntryFactory(
        initiative=initiative, kind=EntryKind.MESSAGE_TO_INITIATOR, public_text="Mogen we bellen?"
    )
    TimelineEntryFactory(
        initiative=initiative, kind=EntryKind.MESSAGE_FROM_INITIATOR, public_text="Ja, graag."
    )
    TimelineEntryFactory(
        initiative=initiative, kind=EntryKind.NOTE, public_text="", internal_note="Belde terug."
    )
    return initiative


def follow(client, initiative) -> None:
    client.get(reverse("initiatives:track", kwargs={"token": initiative.token}))


# --- The resident ----------------------------------------------------------------------------


def test_the_resident_sees_everything_we_hold_about_them(client, initiative):
    follow(client, initiative)
    page = client.get(reverse("initiatives:track_page"))
    assert 'href="/volgen/mijn-gegevens/"' in page.text
    response = client.get(reverse("initiatives:track_data"))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    text = response.text
    for shown in (
        "Fatima de Vries",
        "fatima@bewoner.example",
        "0612345678",
        "Huiswerkklas bij Fatima thuis",
        "We willen de speeltuin samen met de buurt opknappen.",
        "Help onze kinderen",
        "Mogen we bellen?",
        "Ja, graag.",
        "Wij bewaren geen foto",
    ):
        assert shown in text, shown
    assert "Belde terug." not in text  # internal notes are not the initiator's timeline


def test_the_resident_downloads_it_as_json(client, initiative):
    follow(client, initiative)
    response = client.get(reverse("initiatives:track_data_json"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="mijn-gegevens-{initiative.pk}.json"'
    )
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["contact_details"]["email"] == "fatima@bewoner.example"
    assert data["initiative"]["title"] == "Huiswerkklas bij Fatima thuis"
    assert [entry["text"] for entry in data["timeline"]] == ["Mogen we bellen?", "Ja, graag."]
    assert data["attachments"] == []


def test_the_data_page_costs_a_fixed_number_of_queries(
    client, initiative, django_assert_num_queries
):
    follow(client, initiative)
    # session, the initiative with its wijk, the initiator, the priorities, the timeline,
    # the initiator's photos (attachments), the answer to the questions afterwards (feedback).
    with django_assert_num_queries(7):
        assert client.get(reverse("initiatives:track_data")).status_code == 200
    for _ in range(5):
        TimelineEntryFactory(initiative=initiative, kind=EntryKind.PUBLIC_UPDATE)
    with django_assert_num_queries(7):
        client.get(reverse("initiatives:track_data"))


def test_the_resident_has_their_data_erased(client, initiative, broker_a):
    follow(client, initiative)
    page = client.get(reverse("initiatives:track_erase"))
    assert "Wilt u uw gegevens laten wissen?" in page.text
    refused = client.post(reverse("initiatives:track_erase"), {})
    assert "Vink dit aan" in refused.text
    assert Initiator.objects.get(initiative=initiative).email
    response = client.post(reverse("initiatives:track_erase"), {"confirm": "on"})
    assert response["Location"] == reverse("initiatives:track_page")
    initiator = Initiator.objects.get(initiative=initiative)
    assert (initiator.name, initiator.email, initiator.phone) == ("—", "", "")
    assert initiator.anonymised_at is not None
    texts = TimelineEntry.objects.filter(
        initiative=initiative,
        kind__in=[EntryKind.MESSAGE_TO_INITIATOR, EntryKind.MESSAGE_FROM_INITIATOR],
    ).values_list("public_text", flat=True)
    assert set(texts) == {""}
    note = TimelineEntry.objects.filter(initiative=initiative, kind=EntryKind.DATA_REQUEST).last()
    assert note.internal_note.startswith("AVG-verwijderverzoek van de initiatiefnemer")
    assert note.actor is None
    # The link keeps working, without the data.
    assert "Fatima" not in client.get(reverse("initiatives:track_data")).text.replace(
        "Huiswerkklas bij Fatima thuis", ""
    )


def test_erasing_clears_what_the_retention_run_clears(initiative, wijk_a):
    """The same fields as privacy.anonymise_closed, so the two never drift apart."""
    closed = InitiativeFactory(neighbourhood=wijk_a, status=Status.DECLINED)
    InitiatorFactory(initiative=closed)
    for source in (initiative, closed):
        TimelineEntryFactory(initiative=source, kind=EntryKind.STATUS_CHANGE, public_text="Weg")
    closed.closed_at = closed.submitted_at
    closed.save(update_fields=["closed_at"])
    privacy.anonymise_closed(before=closed.submitted_at.replace(year=2100))
    privacy.erase_initiator(initiative)

    def state(source):
        initiator = Initiator.objects.get(initiative=source)
        return (
            initiator.name,
            initiator.email,
            initiator.phone,
            initiator.anonymised_at is not None,
            sorted(
                TimelineEntry.objects.filter(initiative=source)
                .exclude(kind=EntryKind.DATA_REQUEST)
                .values_list("public_text", flat=True)
            ),
        )

    assert state(initiative)[:4] == state(closed)[:4]
    assert "Weg" not in state(initiative)[4] and "Weg" not in state(closed)[4]


# --- The coordinator -------------------------------------------------------------------------


URL = reverse("initiatives:data_requests")


def test_a_coordinator_finds_a_residents_initiatives_and_offers_by_email(
    client, initiative, coordinator
):
    HelpOfferFactory(initiative=initiative, email="FATIMA@bewoner.example")
    HelpOfferFactory(initiative=initiative, email="iemand@anders.example")
    client.force_login(coordinator)
    page = client.get(URL, {"email": "fatima@bewoner.example"})
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]
    assert "Huiswerkklas bij Fatima thuis" in page.text
    assert page.text.count("Gegevens downloaden") == 2  # the initiative and one offer


def test_a_bad_email_gets_the_form_back_with_an_error(client, coordinator):
    client.force_login(coordinator)
    page = client.get(URL, {"email": "geen adres"})
    assert page.status_code == 200
    assert 'href="#id_email"' in page.text


def test_the_coordinator_page_costs_a_fixed_number_of_queries(
    client, initiative, coordinator, django_assert_num_queries
):
    client.force_login(coordinator)
    # session, user, groups, initiatives (with wijk and initiator), help offers.
    with django_assert_num_queries(5):
        client.get(URL, {"email": "fatima@bewoner.example"})
    for _ in range(3):
        other = InitiativeFactory(neighbourhood=initiative.neighbourhood)
        InitiatorFactory(initiative=other)
        HelpOfferFactory(initiative=other, email="fatima@bewoner.example")
    with django_assert_num_queries(5):
        client.get(URL, {"email": "fatima@bewoner.example"})


def test_a_coordinator_exports_an_initiators_data_and_it_is_logged(client, initiative, coordinator):
    client.force_login(coordinator)
    url = reverse("initiatives:data_export_initiator", kwargs={"pk": initiative.pk})
    response = client.post(url)
    assert response.status_code == 200
    assert json.loads(response.content)["contact_details"]["name"] == "Fatima de Vries"
    note = TimelineEntry.objects.filter(initiative=initiative, kind=EntryKind.DATA_REQUEST).last()
    assert note.actor == coordinator
    assert note.internal_note == "AVG-inzageverzoek: gegevens van de initiatiefnemer gedownload."


def test_a_coordinator_erases_an_initiator_now(client, initiative, coordinator):
    client.force_login(coordinator)
    url = reverse("initiatives:data_erase_initiator", kwargs={"pk": initiative.pk})
    response = client.post(url, {"email": "fatima@bewoner.example"})
    assert response["Location"] == f"{URL}?email=fatima%40bewoner.example"
    assert Initiator.objects.get(initiative=initiative).anonymised_at is not None
    note = TimelineEntry.objects.filter(initiative=initiative, kind=EntryKind.DATA_REQUEST).last()
    assert note.actor == coordinator and "AVG-verwijderverzoek" in note.internal_note


def test_a_coordinator_exports_and_erases_a_help_offer(client, initiative, coordinator):
    offer = HelpOfferFactory(initiative=initiative)
    client.force_login(coordinator)
    export = client.post(reverse("initiatives:data_export_help_offer", kwargs={"pk": offer.pk}))
    assert json.loads(export.content)["help_offer"]["email"] == "jan@helper.example"
    client.post(reverse("initiatives:data_erase_help_offer", kwargs={"pk": offer.pk}))
    offer = HelpOffer.objects.get(pk=offer.pk)
    assert (offer.name, offer.email, offer.message) == ("—", "", "")
    notes = TimelineEntry.objects.filter(initiative=initiative, kind=EntryKind.DATA_REQUEST)
    assert notes.filter(actor=coordinator).count() == 2


@pytest.mark.parametrize(
    "name",
    [
        "data_export_initiator",
        "data_erase_initiator",
        "data_export_help_offer",
        "data_erase_help_offer",
    ],
)
@pytest.mark.parametrize("role", ["anonymous", "broker", "council", "unverified"])
def test_only_a_verified_coordinator_handles_requests_and_a_refusal_changes_nothing(
    client, initiative, broker_a, coordinator, council_member, name, role
):
    offer = HelpOfferFactory(initiative=initiative)
    pk = offer.pk if "help_offer" in name else initiative.pk
    if role == "broker":
        client.force_login(broker_a)
    elif role == "council":
        client.force_login(council_member)
    elif role == "unverified":
        client.force_login(coordinator, second_factor=False)
    before = TimelineEntry.objects.count()
    response = client.post(reverse(f"initiatives:{name}", kwargs={"pk": pk}))
    assert response.status_code in {302, 403}
    if response.status_code == 302:
        assert response["Location"].startswith(("/account/login/", "/account/tweede-stap/"))
    assert TimelineEntry.objects.count() == before
    assert Initiator.objects.get(initiative=initiative).anonymised_at is None
    assert HelpOffer.objects.get(pk=offer.pk).anonymised_at is None
