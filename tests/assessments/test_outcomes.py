"""The wijk page's "Wat telt bij de beslissingen": scores per criterion, by hand.

Poelenburg (wijk_a), today 20 May 2026:
- a1 published, declined, submitted 2 March 2026: scored not, partly, meets, meets, meets
- a2 unpublished, approved, submitted 1 April 2026: scored meets on all five
- a3 published, approved, submitted 10 June 2025: scored meets, meets, not, meets, partly
- a4 published, a grant, submitted 4 May 2026: partly on all five (grants are not counted)
Kogerveld (wijk_b): k1 published, declined: not on all five (another wijk, not counted).
"""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
import time_machine

from assessments.models import Assessment, Score
from tests.factories import InitiativeFactory, broker_of

from .conftest import assess

pytestmark = pytest.mark.django_db

AMS = ZoneInfo("Europe/Amsterdam")
TODAY = dt.datetime(2026, 5, 20, 12, 0, tzinfo=AMS)
URL = "/wijken/poelenburg/"
M, P, N = Score.Value.MEETS, Score.Value.PARTLY, Score.Value.NOT
Kind = Assessment.Kind


@pytest.fixture
def today():
    with time_machine.travel(TODAY, tick=False):
        yield TODAY


def submitted(wijk, day: dt.date, *, published: bool):
    moment = dt.datetime.combine(day, dt.time(10), tzinfo=AMS)
    return InitiativeFactory(neighbourhood=wijk, submitted_at=moment, published=published)


@pytest.fixture
def dataset(today, wijk_a, wijk_b, criteria):
    broker = broker_of(wijk_a)
    other = broker_of(wijk_b)
    a1 = submitted(wijk_a, dt.date(2026, 3, 2), published=True)
    a2 = submitted(wijk_a, dt.date(2026, 4, 1), published=False)
    a3 = submitted(wijk_a, dt.date(2025, 6, 10), published=True)
    a4 = submitted(wijk_a, dt.date(2026, 5, 4), published=True)
    k1 = submitted(wijk_b, dt.date(2026, 3, 2), published=True)
    assess(a1, Kind.DECLINED, broker, criteria, [N, P, M, M, M])
    assess(a2, Kind.APPROVED, broker, criteria, [M, M, M, M, M])
    assess(a3, Kind.APPROVED, broker, criteria, [M, M, N, M, P])
    assess(a4, Kind.GRANT, broker, criteria, [P, P, P, P, P])
    assess(k1, Kind.DECLINED, other, criteria, [N, N, N, N, N])
    return criteria


def table(page: str) -> dict[str, list[int]]:
    """Criterion -> (approved meets, partly, not, declined meets, partly, not)."""
    section = page.split('id="wat-telt"', 1)[1].split("</table>", 1)[0]
    rows = re.findall(r'<tr><th scope="row">([^<]+)</th>((?:<td>\d+</td>){6})</tr>', section)
    return {name: [int(n) for n in re.findall(r"\d+", cells)] for name, cells in rows}


def test_the_public_counts_published_initiatives_of_all_years(client, dataset):
    page = client.get(URL).text
    assert "Wat telt bij de beslissingen" in page
    assert table(page) == {
        "Past bij wat bewoners noemden": [1, 0, 0, 0, 0, 1],
        "Bewoners doen het zelf": [1, 0, 0, 0, 1, 0],
        "Steun in de wijk": [0, 0, 1, 1, 0, 0],
        "Het kan echt": [1, 0, 0, 1, 0, 0],
        "De kosten passen bij wat het oplevert": [0, 1, 0, 1, 0, 0],
    }


def test_council_members_count_unpublished_initiatives_too(client, dataset, council_member):
    client.force_login(council_member)
    assert table(client.get(URL).text) == {
        "Past bij wat bewoners noemden": [2, 0, 0, 0, 0, 1],
        "Bewoners doen het zelf": [2, 0, 0, 0, 1, 0],
        "Steun in de wijk": [1, 0, 1, 1, 0, 0],
        "Het kan echt": [2, 0, 0, 1, 0, 0],
        "De kosten passen bij wat het oplevert": [1, 1, 0, 1, 0, 0],
    }


def test_the_period_limits_the_count(client, dataset, council_member):
    client.force_login(council_member)
    assert table(client.get(URL + "?period=2025").text) == {
        "Past bij wat bewoners noemden": [1, 0, 0, 0, 0, 0],
        "Bewoners doen het zelf": [1, 0, 0, 0, 0, 0],
        "Steun in de wijk": [0, 0, 1, 0, 0, 0],
        "Het kan echt": [1, 0, 0, 0, 0, 0],
        "De kosten passen bij wat het oplevert": [0, 1, 0, 0, 0, 0],
    }
    assert (
        "In deze periode is nog geen idee beoordeeld." in client.get(URL + "?period=2025-Q1").text
    )


def test_the_table_holds_no_sentences(client, dataset):
    page = client.get(URL).text
    assert "Steun in de wijk: meets." not in page  # the broker's sentence stays with the idea


def test_a_wijk_without_assessments_says_so(client, today, wijk_a):
    assert "In deze periode is nog geen idee beoordeeld." in client.get(URL).text


@pytest.mark.parametrize("extra", [0, 30])
def test_the_query_count_does_not_grow_with_assessments(
    client, dataset, wijk_a, council_member, django_assert_num_queries, extra
):
    broker = broker_of(wijk_a)
    for number in range(extra):
        day = dt.date(2026, 1, 1) + dt.timedelta(days=number)
        initiative = submitted(wijk_a, day, published=number % 2 == 0)
        kind = Kind.DECLINED if number % 3 else Kind.APPROVED
        assess(initiative, kind, broker, dataset, [N] * 5)
    client.force_login(council_member)
    # Session, user, groups (roles); then the wijk page's fourteen, among them one for the
    # scores per criterion (tests/initiatives/overviews/test_neighbourhood.py names them).
    with django_assert_num_queries(18):
        page = client.get(URL).text
    assert sum(table(page)["Het kan echt"]) == 3 + extra
