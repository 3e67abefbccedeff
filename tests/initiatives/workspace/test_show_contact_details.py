import pytest
from django.urls import reverse

from initiatives import resident_mail
from initiatives.models import EntryKind, TimelineEntry
from tests.factories import HelpOfferFactory

pytestmark = pytest.mark.django_db


def url(initiative) -> str:
    return reverse("initiatives:workspace_contact", kwargs={"pk": initiative.pk})


def test_broker_sees_contact_details_and_the_view_is_recorded(client, initiative, broker_a):
    HelpOfferFactory(initiative=initiative)
    client.force_login(broker_a)
    response = client.post(url(initiative))
    assert response.status_code == 200
    text = response.text
    assert "Fatima de Vries" in text
    assert "fatima@bewoner.example" in text
    assert "0612345678" in text
    assert "jan@helper.example" in text
    entry = TimelineEntry.objects.get(initiative=initiative, kind=EntryKind.CONTACT_VIEWED)
    assert entry.actor == broker_a


def test_each_look_is_recorded(client, initiative, coordinator):
    client.force_login(coordinator)
    client.post(url(initiative))
    client.post(url(initiative))
    assert (
        TimelineEntry.objects.filter(initiative=initiative, kind=EntryKind.CONTACT_VIEWED).count()
        == 2
    )


def test_the_broker_sees_who_stopped_our_mail(client, initiative, broker_a):
    offer = HelpOfferFactory(initiative=initiative)
    client.force_login(broker_a)
    assert "Wil geen e-mail meer van ons." not in client.post(url(initiative)).text
    resident_mail.stop_mail(initiative.initiator)
    resident_mail.stop_mail(offer)
    text = client.post(url(initiative)).text
    assert "Geen e-mail meer sinds" in text
    assert "Wil geen e-mail meer van ons." in text
