import pytest
from django.urls import reverse

from initiatives.models import EntryKind, Initiative, TimelineEntry
from tests.factories import UserFactory

from .conftest import detail_url, versioned

pytestmark = pytest.mark.django_db


def url(initiative) -> str:
    return reverse("initiatives:workspace_assign", kwargs={"pk": initiative.pk})


def test_broker_takes_an_initiative(client, initiative, broker_a):
    client.force_login(broker_a)
    response = client.post(url(initiative), versioned(initiative, "take"))
    assert response.status_code == 302
    assert Initiative.objects.get(pk=initiative.pk).assigned_broker == broker_a
    entry = TimelineEntry.objects.get(initiative=initiative, kind=EntryKind.ASSIGNED)
    assert entry.actor == broker_a
    assert "U heeft dit initiatief opgepakt." in client.get(detail_url(initiative)).text


def test_coordinator_assigns_a_broker(client, initiative, coordinator, broker_a):
    client.force_login(coordinator)
    data = versioned(initiative, "assign", assignee=broker_a.pk)
    assert client.post(url(initiative), data).status_code == 302
    assert Initiative.objects.get(pk=initiative.pk).assigned_broker == broker_a


def test_broker_may_not_give_an_initiative_to_someone_else(client, initiative, broker_a, wijk_a):
    from tests.factories import broker_of

    other = broker_of(wijk_a, username="ander")
    client.force_login(broker_a)
    data = versioned(initiative, "assign", assignee=other.pk)
    assert client.post(url(initiative), data).status_code == 403
    assert Initiative.objects.get(pk=initiative.pk).assigned_broker is None


def test_coordinator_cannot_assign_someone_who_is_not_a_broker(client, initiative, coordinator):
    resident = UserFactory(username="geen_makelaar")
    client.force_login(coordinator)
    response = client.post(url(initiative), versioned(initiative, "assign", assignee=resident.pk))
    assert response.status_code == 200
    assert "Selecteer een geldige keuze" in response.text
    assert Initiative.objects.get(pk=initiative.pk).assigned_broker is None


@pytest.mark.parametrize("assignee", ["abc", "-1", "99999999999999999999999", ""])
def test_malformed_assignee_is_a_form_error(client, initiative, coordinator, assignee):
    client.force_login(coordinator)
    response = client.post(url(initiative), versioned(initiative, "assign", assignee=assignee))
    assert response.status_code == 200
    assert Initiative.objects.get(pk=initiative.pk).assigned_broker is None
