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
    page = client.get(detail_url(initiative)).text
    assert "Ik pak dit op" not in page
    assert "Geef aan een collega" in page  # hand it over later


def test_coordinator_assigns_a_broker(client, initiative, coordinator, broker_a):
    client.force_login(coordinator)
    data = versioned(initiative, "assign", assignee=broker_a.pk)
    assert client.post(url(initiative), data).status_code == 302
    assert Initiative.objects.get(pk=initiative.pk).assigned_broker == broker_a


def test_broker_hands_an_initiative_to_a_colleague_of_the_wijk(
    client, initiative, broker_a, wijk_a, mailoutbox, django_capture_on_commit_callbacks
):
    from tests.factories import broker_of

    colleague = broker_of(wijk_a, username="ander", email="ander@gemeente.example")
    client.force_login(broker_a)
    data = versioned(initiative, "assign", assignee=colleague.pk, note="Ik ben met verlof.")
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url(initiative), data).status_code == 302
    assert Initiative.objects.get(pk=initiative.pk).assigned_broker == colleague
    entry = TimelineEntry.objects.get(initiative=initiative, kind=EntryKind.ASSIGNED)
    assert entry.actor == broker_a
    assert "Ik ben met verlof." in entry.internal_note
    [mail] = [mail for mail in mailoutbox if mail.to == ["ander@gemeente.example"]]
    assert "overgedragen" in mail.body
    assert "Er staat een notitie bij." in mail.body
    assert "Ik ben met verlof." not in mail.body  # brokers' mail carries no texts
    assert detail_url(initiative) in mail.body


def test_the_assignee_list_offers_only_who_may_take_it(
    client, initiative, broker_a, broker_b, coordinator, wijk_a
):
    from tests.factories import broker_of

    colleague = broker_of(wijk_a, username="collega")
    client.force_login(broker_a)
    choices = client.get(detail_url(initiative)).context["action_sections"]
    [form] = [
        item["form"]
        for section in choices
        for item in section["forms"]
        if item["action"].name == "assign_form"
    ]
    offered = set(form.fields["assignee"].queryset)
    assert {colleague, coordinator, broker_a} <= offered
    assert broker_b not in offered  # works in another wijk
    assert form.fields["assignee"].empty_label == "Kies een collega"


def test_a_broker_of_another_wijk_cannot_be_given_it(client, initiative, broker_a, broker_b):
    client.force_login(broker_a)
    data = versioned(initiative, "assign", assignee=broker_b.pk)
    response = client.post(url(initiative), data)
    assert response.status_code == 200
    assert "Kies een van de mogelijkheden" in response.text
    assert Initiative.objects.get(pk=initiative.pk).assigned_broker is None


def test_a_broker_of_another_wijk_cannot_hand_it_over(client, initiative, broker_b, wijk_a):
    from tests.factories import broker_of

    colleague = broker_of(wijk_a, username="collega")
    client.force_login(broker_b)
    data = versioned(initiative, "assign", assignee=colleague.pk)
    assert client.post(url(initiative), data).status_code == 403
    assert Initiative.objects.get(pk=initiative.pk).assigned_broker is None


def test_hand_over_needs_post_and_a_log_in(client, initiative):
    assert client.get(url(initiative)).status_code == 405
    assert client.post(url(initiative), versioned(initiative, "assign")).status_code == 302


def test_coordinator_cannot_assign_someone_who_is_not_a_broker(client, initiative, coordinator):
    resident = UserFactory(username="geen_makelaar")
    client.force_login(coordinator)
    response = client.post(url(initiative), versioned(initiative, "assign", assignee=resident.pk))
    assert response.status_code == 200
    assert "Kies een van de mogelijkheden" in response.text
    assert Initiative.objects.get(pk=initiative.pk).assigned_broker is None


@pytest.mark.parametrize("assignee", ["abc", "-1", "99999999999999999999999", ""])
def test_malformed_assignee_is_a_form_error(client, initiative, coordinator, assignee):
    client.force_login(coordinator)
    response = client.post(url(initiative), versioned(initiative, "assign", assignee=assignee))
    assert response.status_code == 200
    assert Initiative.objects.get(pk=initiative.pk).assigned_broker is None
