import pytest
from django.urls import reverse

from initiatives.models import EntryKind, InitiativePartner, TimelineEntry
from tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db


def url(initiative) -> str:
    return reverse("initiatives:workspace_partner", kwargs={"pk": initiative.pk})


def test_broker_links_a_partner_with_its_role(client, initiative, broker_a):
    partner = PartnerFactory(name="Parteon")
    client.force_login(broker_a)
    data = {"partner-partner": partner.pk, "partner-role": " Stelt het buurthuis open "}
    assert client.post(url(initiative), data).status_code == 302
    link = InitiativePartner.objects.get(initiative=initiative)
    assert (link.partner, link.role) == (partner, "Stelt het buurthuis open")
    assert TimelineEntry.objects.filter(
        initiative=initiative, kind=EntryKind.PARTNER_LINKED, actor=broker_a
    ).exists()


def test_an_inactive_or_unknown_partner_is_a_form_error(client, initiative, broker_a):
    inactive = PartnerFactory(name="Gestopt", is_active=False)
    client.force_login(broker_a)
    for value in (inactive.pk, "999999", "x"):
        response = client.post(url(initiative), {"partner-partner": value, "partner-role": "R"})
        assert response.status_code == 200
        assert 'value="R"' in response.text
    assert not InitiativePartner.objects.exists()
