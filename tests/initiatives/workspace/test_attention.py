"""What needs a broker now: "Actie nodig", follow-up dates, "Gezien", search and sorting."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from initiatives import followup, services
from initiatives.models import EntryKind, Initiative, Status
from tests.factories import HelpOfferFactory, InitiativeFactory, InitiatorFactory

from .conftest import detail_url

pytestmark = pytest.mark.django_db

URL = reverse("initiatives:workspace")
TODAY = dt.datetime(2026, 12, 3, 9, tzinfo=dt.UTC)


def fresh(user):
    """The user as a service called from code gets them (not the one a request touched)."""
    return type(user).objects.get(pk=user.pk)


def follow_up_url(initiative) -> str:
    return reverse("initiatives:workspace_follow_up", kwargs={"pk": initiative.pk})


def seen_url(initiative) -> str:
    return reverse("initiatives:workspace_seen", kwargs={"pk": initiative.pk})


def attention(client) -> list[str]:
    return [row.title for row in client.get(URL, {"queue": "attention"}).context["page"]]


def test_a_reply_puts_it_in_action_needed_until_a_broker_answers(client, initiative, broker_a):
    services.reply_as_initiator(initiative, "Ik kan dinsdag.")
    client.force_login(broker_a)
    assert attention(client) == [initiative.title]
    row = client.get(URL, {"queue": "attention"}).text
    assert "Actie nodig: de bewoner reageerde" in row
    services.send_message(initiative, "Dinsdag is goed.", actor=fresh(broker_a))
    assert Initiative.objects.get(pk=initiative.pk).initiator_replied_at is None
    assert attention(client) == []


def test_a_help_offer_waits_until_every_offer_is_connected(client, initiative, broker_a):
    initiative.is_published = True
    initiative.published_at = TODAY
    initiative.public_title = initiative.public_summary = "Openbaar"
    initiative.save()
    first = services.offer_help(initiative, name="Piet", email="piet@example.org")
    second = services.offer_help(initiative, name="Kees", phone="0612345678")
    client.force_login(broker_a)
    assert attention(client) == [initiative.title]
    services.connect_help_offer(first, actor=fresh(broker_a))
    assert attention(client) == [initiative.title]  # Kees still waits
    services.connect_help_offer(second, actor=fresh(broker_a))
    assert attention(client) == []


def test_a_follow_up_date_comes_into_action_needed_on_its_day(client, initiative, broker_a):
    client.force_login(broker_a)
    with time_machine.travel(TODAY, tick=False):
        response = client.post(
            follow_up_url(initiative),
            {"follow_up-on": "10-12-2026", "follow_up-reason": "Bel terug na de vakantie"},
        )
        assert response.status_code == 302
        initiative.refresh_from_db()
        assert initiative.follow_up_on == dt.date(2026, 12, 10)
        entry = initiative.timeline.get(kind=EntryKind.FOLLOW_UP)
        assert entry.actor == broker_a
        assert "Bel terug na de vakantie" in entry.internal_note
        assert attention(client) == []
        page = client.get(URL, {"queue": "all"}).text
        assert "opvolgen op 10 december" in page
    with time_machine.travel(TODAY + dt.timedelta(days=7), tick=False):
        client.force_login(broker_a)  # a week later: a new working day, a new log-in
        assert attention(client) == [initiative.title]
        assert "opvolgen: Bel terug na de vakantie" in client.get(URL, {"queue": "attention"}).text
        # Removing the date takes it out again.
        client.post(follow_up_url(initiative), {"follow_up-on": "", "follow_up-reason": ""})
        assert attention(client) == []
    assert Initiative.objects.get(pk=initiative.pk).follow_up_reason == ""


def test_a_follow_up_on_a_closed_initiative_still_comes_back(client, wijk_a, broker_a):
    initiative = InitiativeFactory(neighbourhood=wijk_a, status=Status.COMPLETED, closed_at=TODAY)
    with time_machine.travel(TODAY, tick=False):
        followup.set_follow_up(initiative, TODAY.date(), "Vragen hoe het ging", actor=broker_a)
        client.force_login(broker_a)
        assert attention(client) == [initiative.title]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"follow_up-on": "10-12-2026", "follow_up-reason": ""}, "Schrijf op waarom"),
        ({"follow_up-on": "1-12-2026", "follow_up-reason": "Te laat"}, "Kies vandaag of een dag"),
        ({"follow_up-on": "morgen", "follow_up-reason": "Bellen"}, "Vul een datum in"),
        ({"follow_up-on": "10-12-2026", "follow_up-reason": "x" * 201}, "Uw tekst is te lang"),
    ],
)
def test_a_bad_follow_up_is_a_message_with_the_form_kept(
    client, initiative, broker_a, data, message
):
    client.force_login(broker_a)
    with time_machine.travel(TODAY, tick=False):
        response = client.post(follow_up_url(initiative), data)
    assert response.status_code == 200
    assert message in response.text
    assert data["follow_up-on"] in response.text
    assert Initiative.objects.get(pk=initiative.pk).follow_up_on is None


def test_seen_takes_it_out_of_action_needed(client, initiative, broker_a):
    services.reply_as_initiator(initiative, "Dank u wel!")
    client.force_login(broker_a)
    button = 'type="submit">Gezien, geen actie nodig</button>'
    assert button in client.get(detail_url(initiative)).text
    assert client.post(seen_url(initiative)).status_code == 302
    assert attention(client) == []
    initiative.refresh_from_db()
    assert initiative.timeline.filter(kind=EntryKind.ATTENTION_HANDLED, actor=broker_a).exists()
    assert button not in client.get(detail_url(initiative)).text


@pytest.mark.parametrize("url", [follow_up_url, seen_url])
def test_the_new_actions_four_ways(client, initiative, broker_b, council_member, url):
    services.reply_as_initiator(initiative, "Hallo")
    before = Initiative.objects.get(pk=initiative.pk).version
    assert client.post(url(initiative)).status_code == 302  # anonymous: log in first
    client.force_login(broker_b)  # another wijk
    assert client.post(url(initiative), {"follow_up-on": ""}).status_code == 403
    client.force_login(council_member)
    assert client.post(url(initiative)).status_code == 403
    assert client.get(url(initiative)).status_code == 405
    assert Initiative.objects.get(pk=initiative.pk).version == before


def test_search_looks_through_every_initiative_not_only_the_tab(client, wijk_a, broker_a):
    InitiativeFactory(
        neighbourhood=wijk_a, title="Moestuin", status=Status.COMPLETED, closed_at=TODAY
    )
    InitiativeFactory(neighbourhood=wijk_a, title="Speeltuin")
    client.force_login(broker_a)
    response = client.get(URL, {"queue": "new", "q": "moestuin"})
    assert [row.title for row in response.context["page"]] == ["Moestuin"]
    assert "gevonden in al uw initiatieven" in response.text


@pytest.mark.parametrize(
    ("sort", "direction", "expected"),
    [
        ("titel", "asc", ["Avond", "Buurt", "Cursus"]),
        ("titel", "desc", ["Cursus", "Buurt", "Avond"]),
        ("status", "asc", ["Buurt", "Cursus", "Avond"]),
        ("onzin", "asc", ["Cursus", "Avond", "Buurt"]),  # unknown: by due date
    ],
)
def test_columns_sort_on_the_server(client, wijk_a, broker_a, sort, direction, expected):
    InitiativeFactory(neighbourhood=wijk_a, title="Cursus", status=Status.INTAKE)
    InitiativeFactory(neighbourhood=wijk_a, title="Avond", status=Status.SUBMITTED)
    InitiativeFactory(neighbourhood=wijk_a, title="Buurt", status=Status.IN_PROGRESS)
    client.force_login(broker_a)
    response = client.get(URL, {"queue": "all", "sort": sort, "dir": direction})
    assert [row.title for row in response.context["page"]] == expected
    if sort == "titel":
        assert f'aria-sort="{"ascending" if direction == "asc" else "descending"}"' in response.text


def test_a_help_offer_reply_and_follow_up_mark_the_row(client, wijk_a, broker_a):
    initiative = InitiativeFactory(neighbourhood=wijk_a, published=True)
    InitiatorFactory(initiative=initiative)
    HelpOfferFactory(initiative=initiative)
    Initiative.objects.filter(pk=initiative.pk).update(help_waiting_since=TODAY)
    client.force_login(broker_a)
    assert "Actie nodig: nieuw hulpaanbod" in client.get(URL, {"queue": "attention"}).text


def test_the_queue_shows_support_and_verified_addresses(client, wijk_a, broker_a):
    from initiatives.models import VerifiedSupport

    initiative = InitiativeFactory(neighbourhood=wijk_a, published=True, support_count=12)
    for number in range(3):
        VerifiedSupport.objects.create(initiative=initiative, address_hash=f"{number:064x}")
    client.force_login(broker_a)
    page = client.get(URL, {"queue": "all"}).text
    assert '12 <span class="meta">(3 adressen in de wijk)</span>' in page
