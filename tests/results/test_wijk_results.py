"""Results on a wijk's page: per priority and in "Wat heeft het opgeleverd?" (conftest data)."""

import re

import pytest

from initiatives.models import Status
from results.models import Result
from tests.factories import InitiativeFactory, ResultFactory, priority
from tests.initiatives.overviews.conftest import assert_no_canaries, make_initiatives

pytestmark = pytest.mark.django_db

URL = "/wijken/poelenburg/"
URL_B = "/wijken/kogerveld/"


def _figure(html: str, label: str) -> str:
    match = re.search(rf"<dt>{re.escape(label)}</dt><dd>([^<]*)</dd>", html)
    assert match, label
    return match.group(1)


def _priority(html: str, slug: str) -> str:
    return html.split(f'id="prioriteit-{slug}"', 1)[1].split("</section>", 1)[0]


def test_the_wijk_page_shows_residents_reached_per_priority(client, dataset):
    html = client.get(URL).text
    # p2 (kinderen) reached 32; reopened p1 (kinderen, werkloosheid) does not count yet.
    assert "32 bewoners bereikt met 1 afgerond initiatief." in _priority(html, "kinderen")
    assert "bereikt" not in _priority(html, "werkloosheid")
    assert _figure(html, "Bewoners bereikt") == "32"
    assert _figure(html, "Vrijwilligers") == "6"
    assert _figure(html, "Afgeronde initiatieven met een vastgelegd resultaat") == "1"
    assert_no_canaries(html)


def test_several_results_add_up_per_priority(client, dataset, wijk_a):
    kinderen = priority("kinderen")
    for reached in (1000, 200):
        initiative = InitiativeFactory(
            neighbourhood=wijk_a, status=Status.COMPLETED, published=True, priorities=[kinderen]
        )
        ResultFactory(initiative=initiative, residents_reached=reached)
    html = client.get(URL).text
    assert "1.232 bewoners bereikt met 3 afgeronde initiatieven." in _priority(html, "kinderen")
    client.cookies["django_language"] = "en"
    html = client.get(URL).text
    assert "1,232 residents reached by 3 completed initiatives." in _priority(html, "kinderen")


def test_the_public_counts_results_of_published_initiatives_only(client, dataset, wijk_a):
    hidden = InitiativeFactory(
        neighbourhood=wijk_a, status=Status.COMPLETED, priorities=[priority("kinderen")]
    )
    ResultFactory(initiative=hidden, residents_reached=500, story="CANARY-RESULT-STORY")
    html = client.get(URL).text
    assert "32 bewoners bereikt met 1 afgerond initiatief." in html
    assert_no_canaries(html)


def test_council_members_count_every_result(client, dataset, wijk_a, council_member):
    hidden = InitiativeFactory(
        neighbourhood=wijk_a, status=Status.COMPLETED, priorities=[priority("kinderen")]
    )
    ResultFactory(initiative=hidden, residents_reached=500, is_public=False)
    client.force_login(council_member)
    html = client.get(URL).text
    assert "532 bewoners bereikt met 2 afgeronde initiatieven." in html
    assert _figure(html, "Bewoners bereikt") == "532"


def test_the_comparison_has_a_residents_reached_column(client, dataset):
    html = client.get("/wijken/", {"columns": "support"}).text
    assert "Bewoners bereikt" in html


def _grow(wijk_a, wijk_b, count: int) -> None:
    make_initiatives([wijk_a, wijk_b], count)
    Initiative = Result.initiative.field.related_model
    completed = Initiative.objects.filter(pk__in=Initiative.objects.order_by("-pk")[:count])
    completed.update(status=Status.COMPLETED)
    Result.objects.bulk_create(
        [
            Result(initiative=initiative, residents_reached=3, volunteers=1, partners_involved=0)
            for initiative in completed
        ]
    )


def test_query_count_does_not_grow_with_the_results(
    client, today, wijk_a, wijk_b, django_assert_num_queries
):
    _grow(wijk_a, wijk_b, 10)  # make_initiatives publishes the ones in Kogerveld
    # The seven of tests/initiatives/overviews/test_neighbourhood.py, plus 8 the results per
    # priority (asked only when the figures count results).
    # With "Wat de wijk zegt" (five queries), the criteria table (one) and the map (one).
    with django_assert_num_queries(16):
        html = client.get(URL_B).text
    assert "15 bewoners bereikt met 5 afgeronde initiatieven." in html
    _grow(wijk_a, wijk_b, 290)
    with django_assert_num_queries(16):
        html = client.get(URL_B).text
    assert "450 bewoners bereikt met 150 afgeronde initiatieven." in html


def test_a_wijk_without_results_asks_nothing_more(
    client, today, wijk_a, wijk_b, django_assert_num_queries
):
    make_initiatives([wijk_a, wijk_b], 10)
    with django_assert_num_queries(15):
        client.get(URL)
