import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from initiatives.models import Status
from initiatives.queues import Queue
from initiatives.rules import managed_initiatives
from initiatives.workdays import working_days_between
from tests.factories import InitiativeFactory, priority

pytestmark = pytest.mark.django_db

URL = reverse("initiatives:workspace")
TODAY = dt.date(2026, 3, 13)  # a Friday; the factory's initiatives were due Monday 9 March


@pytest.fixture(autouse=True)
def frozen(time_machine):
    time_machine.move_to("2026-03-13 12:00 +01:00", tick=False)


@pytest.fixture
def queues(wijk_a, wijk_b, broker_a, broker_b):
    """One initiative per queue in wijk A, and one in wijk B that broker A never sees."""
    now = timezone.now()
    return {
        "new": InitiativeFactory(
            neighbourhood=wijk_a, title="Nieuw idee", submitted_at=now, first_response_due=TODAY
        ),
        "mine": InitiativeFactory(
            neighbourhood=wijk_a,
            title="Mijn idee",
            status=Status.INTAKE,
            assigned_broker=broker_a,
            first_response_at=now,
        ),
        "overdue": InitiativeFactory(
            neighbourhood=wijk_a, title="Te laat idee", assigned_broker=broker_b
        ),
        "waiting": InitiativeFactory(
            neighbourhood=wijk_a,
            title="Wacht idee",
            status=Status.INTAKE,
            first_response_at=now,
            waiting_for_initiator_since=now,
        ),
        "other": InitiativeFactory(neighbourhood=wijk_b, title="Andere wijk"),
    }


def titles(response) -> list[str]:
    return [initiative.title for initiative in response.context["page"]]


def test_counts_of_every_queue_are_shown(client, queues, broker_a):
    client.force_login(broker_a)
    response = client.get(URL)
    counts = {queue["name"]: queue["count"] for queue in response.context["queues"]}
    assert counts == {"new": 1, "attention": 0, "mine": 1, "overdue": 1, "waiting": 1, "all": 4}


def test_counts_come_from_one_aggregate_query(queues, broker_a, django_assert_num_queries):
    broker_a.__dict__.pop("_wijkaanpak_roles", None)
    with django_assert_num_queries(3):  # groups, wijken, the aggregate
        managed_initiatives(broker_a).queue_counts(broker_a.pk, TODAY)


@pytest.mark.parametrize(
    ("queue", "expected"),
    [
        ("new", ["Nieuw idee"]),
        ("mine", ["Mijn idee"]),
        ("overdue", ["Te laat idee"]),
        ("waiting", ["Wacht idee"]),
    ],
)
def test_each_queue_lists_its_initiatives(client, queues, broker_a, queue, expected):
    client.force_login(broker_a)
    assert titles(client.get(URL, {"queue": queue})) == expected


def test_the_new_queue_is_the_default(client, queues, broker_a):
    client.force_login(broker_a)
    assert titles(client.get(URL)) == ["Nieuw idee"]


def test_broker_sees_only_their_wijken_and_coordinator_sees_all(
    client, queues, broker_a, coordinator
):
    client.force_login(broker_a)
    assert "Andere wijk" not in titles(client.get(URL, {"queue": "all"}))
    client.force_login(coordinator)
    assert "Andere wijk" in titles(client.get(URL, {"queue": "all"}))


def test_the_list_is_sorted_by_due_date_and_says_days_left_or_late(client, queues, broker_a):
    client.force_login(broker_a)
    response = client.get(URL, {"queue": "all"})
    dues = [initiative.first_response_due for initiative in response.context["page"]]
    assert dues == sorted(dues)
    assert titles(response)[-1] == "Nieuw idee"
    assert "4 werkdagen te laat" in response.text
    assert "vandaag" in response.text


def test_filters_narrow_the_list(client, queues, broker_a, broker_b, wijk_a):
    queues["mine"].priorities.set([priority("werkloosheid")])
    client.force_login(broker_a)
    assert titles(client.get(URL, {"queue": "all", "q": "wacht"})) == ["Wacht idee"]
    assert titles(client.get(URL, {"queue": "all", "status": "intake"})) == [
        "Mijn idee",
        "Wacht idee",
    ]
    werkloosheid = priority("werkloosheid").pk
    assert titles(client.get(URL, {"queue": "all", "priority": werkloosheid})) == ["Mijn idee"]
    assert titles(client.get(URL, {"queue": "all", "assignee": broker_b.pk})) == ["Te laat idee"]
    assert len(titles(client.get(URL, {"queue": "all", "neighbourhood": wijk_a.pk}))) == 4


@pytest.mark.parametrize(
    "query",
    [
        {"neighbourhood": "abc"},
        {"neighbourhood": "99999999999999999999999"},
        {"status": "nonsense"},
        {"priority": "-1"},
        {"assignee": "1e5"},
        {"queue": "everything"},
        {"page": "x"},
        {"page": "999999999999"},
        {"q": "x" * 500},
    ],
)
def test_malformed_query_strings_give_a_clear_message_not_a_500(client, queues, broker_a, query):
    client.force_login(broker_a)
    response = client.get(URL, query)
    assert response.status_code == 200


def test_a_wijk_outside_the_brokers_scope_is_not_a_filter_choice(client, queues, broker_a, wijk_b):
    client.force_login(broker_a)
    response = client.get(URL, {"queue": "all", "neighbourhood": wijk_b.pk})
    assert "Controleer wat u heeft ingevuld" in response.text
    assert "Andere wijk" not in titles(response)


def test_pagination_keeps_the_filters(client, wijk_a, broker_a):
    for _ in range(30):
        InitiativeFactory(neighbourhood=wijk_a, title="Speeltuin")
    client.force_login(broker_a)
    response = client.get(URL, {"queue": "all", "q": "speeltuin"})
    assert len(titles(response)) == 25
    assert "?queue=all&amp;q=speeltuin&amp;page=2" in response.text
    assert len(titles(client.get(URL, {"queue": "all", "q": "speeltuin", "page": 2}))) == 5


def test_pages_of_an_unfiltered_queue_follow_its_count(client, wijk_a, broker_a):
    for _ in range(30):
        InitiativeFactory(neighbourhood=wijk_a)
    client.force_login(broker_a)
    response = client.get(URL, {"queue": "all"})
    assert "30 initiatieven" in response.text
    assert "Pagina 1 van 2" in response.text
    assert len(titles(client.get(URL, {"queue": "all", "page": 2}))) == 5
    # A page beyond the last shows the last, as before.
    assert len(titles(client.get(URL, {"queue": "all", "page": 9}))) == 5


def test_a_broker_without_wijken_has_empty_queues(queues, broker_a):
    broker_a.neighbourhoods.clear()
    broker_a.__dict__.pop("_wijkaanpak_neighbourhood_ids", None)
    assert managed_initiatives(broker_a).queue_counts(broker_a.pk, TODAY) == dict.fromkeys(
        Queue.values, 0
    )


def test_coordinator_counts_cover_every_wijk(queues, coordinator):
    counts = managed_initiatives(coordinator).queue_counts(coordinator.pk, TODAY)
    assert counts == {"new": 2, "attention": 0, "mine": 0, "overdue": 2, "waiting": 1, "all": 5}


def test_days_left_and_late_of_many_rows_match_the_working_day_count(client, wijk_a, broker_a):
    dues = [
        TODAY - dt.timedelta(days=400),
        TODAY - dt.timedelta(days=30),
        TODAY - dt.timedelta(days=30),  # the same date twice
        TODAY - dt.timedelta(days=1),  # Thursday
        TODAY,
        TODAY + dt.timedelta(days=3),  # Monday
        TODAY + dt.timedelta(days=60),
    ]
    for number, due in enumerate(dues):
        InitiativeFactory(neighbourhood=wijk_a, title=f"Idee {number}", first_response_due=due)
    client.force_login(broker_a)
    page = client.get(URL, {"queue": "all"}).context["page"]
    found = {(i.first_response_due, i.days_late, i.days_left) for i in page}
    expected = set()
    for due in dues:
        if due < TODAY:
            expected.add((due, max(1, working_days_between(due, TODAY)), None))
        else:
            expected.add((due, None, working_days_between(TODAY, due)))
    assert found == expected


def test_anonymous_user_is_sent_to_login(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"] == "/account/login/?next=/werkvoorraad/"


def test_council_member_gets_403(client, council_member):
    client.force_login(council_member)
    assert client.get(URL).status_code == 403


def test_post_gives_405(client, broker_a):
    client.force_login(broker_a)
    assert client.post(URL).status_code == 405


def test_brokers_see_the_workspace_in_the_navigation_and_council_members_do_not(
    client, broker_a, council_member
):
    client.force_login(broker_a)
    assert 'href="/werkvoorraad/"' in client.get("/").text
    client.force_login(council_member)
    assert 'href="/werkvoorraad/"' not in client.get("/").text


@pytest.mark.parametrize("rows", [10, 200])
def test_query_count_does_not_grow_with_the_number_of_initiatives(
    client, wijk_a, broker_a, django_assert_num_queries, rows
):
    for number in range(rows):
        InitiativeFactory(neighbourhood=wijk_a, assigned_broker=broker_a if number % 2 else None)
    client.force_login(broker_a)
    # 1 session, 2 user, 3 groups (roles), 4 the broker's wijken, 5 the counts (one
    # query), 6 the page's rows with wijk and broker, 7-9 the choices of the wijk,
    # priority and broker filters, 10-11 the colleagues and partners of the bulk action
    # bar. The queue's size is among the counts.
    with django_assert_num_queries(11):
        response = client.get(URL, {"queue": "all"})
    assert len(response.context["page"]) == min(rows, 25)
    # A filter narrows the queue: its size is one more query.
    with django_assert_num_queries(12):
        response = client.get(URL, {"queue": "all", "status": "submitted"})
    assert len(response.context["page"]) == min(rows, 25)


def _row(text: str, title: str) -> str:
    """The table row of the initiative with this title."""
    start = text.rindex("<tr", 0, text.index(title))
    return text[start : text.index("</tr>", start)]


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        ("2026-03-14 12:00 +01:00", "1 werkdag te laat"),  # Saturday
        ("2026-03-15 23:30 +01:00", "1 werkdag te laat"),  # Sunday
        ("2026-03-16 09:00 +01:00", "1 werkdag te laat"),  # Monday
        ("2026-03-17 09:00 +01:00", "2 werkdagen te laat"),  # Tuesday
    ],
)
def test_due_on_friday_is_late_over_the_weekend_not_due_today(
    client, wijk_a, broker_a, time_machine, moment, expected
):
    InitiativeFactory(neighbourhood=wijk_a, title="Vrijdag idee", first_response_due=TODAY)
    time_machine.move_to(moment, tick=False)
    client.force_login(broker_a)
    response = client.get(URL, {"queue": "overdue"})
    assert titles(response) == ["Vrijdag idee"]
    row = _row(response.text, "Vrijdag idee")
    assert expected in row
    assert "vandaag" not in row


def test_answered_and_closed_initiatives_say_so_instead_of_days(client, wijk_a, broker_a):
    InitiativeFactory(
        neighbourhood=wijk_a,
        title="Eerste idee",
        status=Status.INTAKE,
        first_response_at=timezone.now(),
    )
    InitiativeFactory(neighbourhood=wijk_a, title="Tweede idee", status=Status.DECLINED)
    InitiativeFactory(
        neighbourhood=wijk_a,
        title="Derde idee",
        status=Status.COMPLETED,
        first_response_at=timezone.now(),
    )
    client.force_login(broker_a)
    text = client.get(URL, {"queue": "all"}).text
    assert "Beantwoord" in _row(text, "Eerste idee")
    assert "Afgesloten zonder reactie" in _row(text, "Tweede idee")
    assert "Beantwoord" in _row(text, "Derde idee")
    assert "te laat" not in _row(text, "Tweede idee")


def test_the_queue_is_never_cached(client, broker_a):
    client.force_login(broker_a)
    cache_control = client.get(URL)["Cache-Control"]
    assert "no-store" in cache_control
    assert "private" in cache_control
