"""Bulk work in the queue: one action on many, each checked on its own, and a summary."""

import pytest
from django.urls import reverse

from initiatives.models import EntryKind, Initiative, InitiativePartner, Status
from tests.factories import InitiativeFactory, InitiatorFactory, PartnerFactory, broker_of

pytestmark = pytest.mark.django_db

URL = reverse("initiatives:workspace_bulk")
QUEUE = reverse("initiatives:workspace")


def make(wijk, title, **values):
    initiative = InitiativeFactory(neighbourhood=wijk, title=title, **values)
    InitiatorFactory(initiative=initiative)
    return initiative


def test_a_bulk_status_change_does_what_may_and_says_why_not_for_the_rest(
    client, wijk_a, wijk_b, broker_a, mailoutbox, django_capture_on_commit_callbacks
):
    new = make(wijk_a, "Nieuw idee")
    also_new = make(wijk_a, "Ook nieuw")
    in_progress = make(wijk_a, "Al bezig", status=Status.IN_PROGRESS)  # cannot go to intake
    elsewhere = make(wijk_b, "Andere wijk")
    client.force_login(broker_a)
    data = {
        "ids": [new.pk, in_progress.pk, also_new.pk, elsewhere.pk],
        "action": "status",
        "to": Status.INTAKE,
        "public_text": "We bellen u deze week.",
        "query": "queue=all",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, data)
    assert response.status_code == 200
    assert [o.initiative.pk for o in response.context["done"]] == [new.pk, also_new.pk]
    [refused] = response.context["refused"]
    assert refused.initiative.pk == in_progress.pk
    assert "kan niet" in refused.reason
    assert response.context["missing"] == 1  # another wijk: left out, as if not ticked
    assert "Bij 2 initiatieven is het gelukt." in response.text
    assert 'href="/werkvoorraad/?queue=all"' in response.text
    for initiative in (new, also_new):
        initiative.refresh_from_db()
        assert initiative.status == Status.INTAKE
        assert initiative.timeline.filter(kind=EntryKind.STATUS_CHANGE).exists()
    assert Initiative.objects.get(pk=in_progress.pk).status == Status.IN_PROGRESS
    assert Initiative.objects.get(pk=elsewhere.pk).status == Status.SUBMITTED
    # Each initiator is told, with the one text.
    assert sum("We bellen u deze week." in mail.body for mail in mailoutbox) == 2


def test_bulk_take_assign_publish_unpublish_and_partner(client, wijk_a, broker_a):
    colleague = broker_of(wijk_a, username="collega")
    one = make(wijk_a, "Een")
    two = make(wijk_a, "Twee", published=True)
    client.force_login(broker_a)
    client.post(URL, {"ids": [one.pk, two.pk], "action": "take"})
    assert set(Initiative.objects.values_list("assigned_broker", flat=True)) == {broker_a.pk}
    client.post(URL, {"ids": [one.pk], "action": "assign", "assignee": colleague.pk})
    assert Initiative.objects.get(pk=one.pk).assigned_broker == colleague

    response = client.post(URL, {"ids": [one.pk, two.pk], "action": "unpublish"})
    assert [o.initiative.pk for o in response.context["done"]] == [two.pk]
    assert response.context["refused"][0].reason == "Dit initiatief is niet openbaar."
    response = client.post(URL, {"ids": [one.pk, two.pk], "action": "publish"})
    # Two has its checked public text still; one never had any.
    assert [o.initiative.pk for o in response.context["done"]] == [two.pk]
    assert "openbare titel" in response.context["refused"][0].reason
    assert Initiative.objects.get(pk=two.pk).is_published

    partner = PartnerFactory()
    data = {"ids": [one.pk, two.pk], "action": "partner", "partner": partner.pk, "role": "Zaal"}
    client.post(URL, data)
    assert InitiativePartner.objects.filter(partner=partner).count() == 2


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"action": "take", "ids": []}, "Kies eerst een of meer initiatieven met de vakjes."),
        ({"action": "status", "to": "intake"}, "Schrijf wat de initiatiefnemers te lezen krijgen."),
        ({"action": "status", "public_text": "Hallo"}, "Kies de nieuwe status."),
        ({"action": "assign"}, "Kies de collega die ze krijgt."),
        ({"action": "partner", "role": "Zaal"}, "Kies een partner."),
        ({"action": "delete"}, "Kies een van de mogelijkheden"),
        ({"action": "take", "ids": ["abc"]}, "Laad de pagina opnieuw"),
        ({"action": "take", "ids": ["99999999999999"]}, "Laad de pagina opnieuw"),
    ],
)
def test_bad_bulk_input_shows_the_queue_again_with_the_message(
    client, wijk_a, broker_a, data, message
):
    initiative = make(wijk_a, "Een")
    client.force_login(broker_a)
    data = {"ids": [initiative.pk], "query": "queue=all&sort=titel", **data}
    response = client.post(URL, data)
    assert response.status_code == 400
    assert message in response.text
    assert response.context["queue"] == "all"  # the queue as the broker left it
    if data["ids"] == [initiative.pk]:
        assert f'value="{initiative.pk}" id="kies-{initiative.pk}" checked' in response.text
    assert Initiative.objects.get(pk=initiative.pk).version == initiative.version


def test_the_queue_has_checkboxes_and_an_action_bar(client, wijk_a, broker_a):
    initiative = make(wijk_a, "Een")
    client.force_login(broker_a)
    page = client.get(QUEUE, {"queue": "all"}).text
    assert f'name="ids" value="{initiative.pk}"' in page
    assert f'action="{URL}"' in page
    assert "Met de gekozen initiatieven" in page


def test_bulk_four_ways(client, wijk_a, broker_a, council_member):
    initiative = make(wijk_a, "Een")
    data = {"ids": [initiative.pk], "action": "take"}
    assert client.post(URL, data).status_code == 302  # anonymous: log in first
    client.force_login(council_member)
    assert client.post(URL, data).status_code == 403
    client.force_login(broker_a)
    assert client.get(URL).status_code == 405
    assert client.post(URL, data).status_code == 200
    assert Initiative.objects.get(pk=initiative.pk).assigned_broker == broker_a


def test_every_refusal_is_listed_with_its_reason(client, wijk_a, broker_a):
    ids = [make(wijk_a, f"Idee {number}").pk for number in range(3)]
    client.force_login(broker_a)
    response = client.post(URL, {"ids": ids, "action": "unpublish"})
    assert [o.initiative.pk for o in response.context["refused"]] == ids
    assert response.text.count("Dit initiatief is niet openbaar.") == 3
