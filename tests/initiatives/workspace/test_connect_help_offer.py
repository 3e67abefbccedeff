import pytest
from django.core import mail
from django.urls import reverse

from initiatives import services
from initiatives.models import EntryKind, HelpOffer, TimelineEntry
from tests.factories import HelpOfferFactory, InitiativeFactory

pytestmark = pytest.mark.django_db


def url(initiative, offer) -> str:
    return reverse(
        "initiatives:workspace_connect_help", kwargs={"pk": initiative.pk, "offer_pk": offer.pk}
    )


def test_broker_marks_a_help_offer_connected(client, initiative, broker_a):
    offer = HelpOfferFactory(initiative=initiative)
    client.force_login(broker_a)
    assert client.post(url(initiative, offer)).status_code == 302
    offer.refresh_from_db()
    assert offer.is_connected and offer.connected_at is not None
    assert TimelineEntry.objects.filter(
        initiative=initiative, kind=EntryKind.HELP_CONNECTED, actor=broker_a
    ).exists()


def test_an_offer_of_another_initiative_gives_404(client, initiative, broker_a, wijk_a):
    other = HelpOfferFactory(initiative=InitiativeFactory(neighbourhood=wijk_a, published=True))
    client.force_login(broker_a)
    assert client.post(url(initiative, other)).status_code == 404
    assert not HelpOffer.objects.get(pk=other.pk).is_connected


def test_a_help_offer_is_mailed_to_the_brokers_without_contact_details(
    wijk_a, broker_a, django_capture_on_commit_callbacks
):
    initiative = InitiativeFactory(neighbourhood=wijk_a, published=True)
    with django_capture_on_commit_callbacks(execute=True):
        services.offer_help(initiative, name="Jan Bakker", email="jan@helper.example")
    assert [message.to for message in mail.outbox] == [
        ["broker_a@gemeente.example"],
        ["jan@helper.example"],  # the confirmation (tests/initiatives/test_resident_mail.py)
    ]
    assert f"/werkvoorraad/{initiative.pk}/" in mail.outbox[0].body
    assert "jan@helper.example" not in mail.outbox[0].body


def test_a_new_initiative_is_mailed_to_the_brokers_of_its_wijk(
    wijk_a, broker_a, broker_b, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        initiative, _token = services.submit_initiative(
            title="Buurtmoestuin",
            description="Samen groente kweken.",
            neighbourhood=wijk_a,
            name="Fatima de Vries",
            email="fatima@bewoner.example",
        )
    to_brokers = [m for m in mail.outbox if m.to == ["broker_a@gemeente.example"]]
    assert len(to_brokers) == 1
    assert f"/werkvoorraad/{initiative.pk}/" in to_brokers[0].body
    assert "fatima" not in to_brokers[0].body.lower()
    assert not [m for m in mail.outbox if "broker_b@gemeente.example" in m.to]
