"""The comparison table as open data: /open-data/wijken.csv (published initiatives only)."""

import csv
import io

import pytest

from tests.initiatives.overviews.conftest import assert_no_canaries, body, make_initiatives

pytestmark = pytest.mark.django_db

URL = "/open-data/wijken.csv"


def _rows(client) -> dict[str, dict]:
    response = client.get(URL)
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="wijken.csv"'
    return {row["wijk"]: row for row in csv.DictReader(io.StringIO(body(response)))}


@pytest.mark.parametrize("role", [None, "council_member"])
def test_figures_cover_published_initiatives_whoever_asks(client, dataset, role, request):
    if role:
        client.force_login(request.getfixturevalue(role))
    poelenburg = _rows(client)["Poelenburg"]
    assert poelenburg == {
        "wijk": "Poelenburg",
        "wijk_slug": "poelenburg",
        "wijk_cbs_code": "",
        "total": "2",
        "new": "0",
        "running": "1",
        "realised": "1",
        "declined": "0",
        "referred": "0",
        "withdrawn": "0",
        "priority_kinderen": "2",
        "priority_werkloosheid": "1",
        "priority_handhaving": "0",
        "priority_none": "0",
        "median_response_working_days": "5",
        "answered": "2",
        "answered_on_time": "1",
        "overdue_unanswered": "0",
        "on_time_share": "0.500",
        "amount_requested": "3000.00",
        "amount_granted": "2500.00",
        "help_offers": "1",
        "supports": "8",
        "budget": "6000.00",  # both years: open data covers all time
        "budget_granted": "2500.00",
        "budget_left": "3500.00",
        "cofunding": "1500.00",  # published only: p1 and p2, not p3's 200
        "cofunding_per_euro": "0.60",  # 1,500 / 2,500
        "verified_supports": "2",
        "entered_for_residents": "1",  # p2; p3 (by phone) is not published
        "residents_reached": "32",  # p2; p1's result waits until it is completed again
        "volunteers": "6",
        "results_recorded": "1",
        "residents": "",
        "voices": "2",
        "initiatives_per_1000": "",
        "voices_per_1000": "",
        "verified_supports_per_1000": "",
        "amount_granted_per_1000": "",
        "feedback_answers": "1",  # p2 answered 5
        "feedback_satisfied": "1",
        "feedback_satisfied_share": "1.000",
    }


def test_median_and_share_of_the_other_wijk(client, dataset):
    kogerveld = _rows(client)["Kogerveld"]
    assert kogerveld["median_response_working_days"] == "1.5"
    assert kogerveld["on_time_share"] == "1.000"
    # k1 answered 2, k2 4: one of two felt helped.
    assert kogerveld["feedback_answers"] == "2"
    assert kogerveld["feedback_satisfied"] == "1"
    assert kogerveld["feedback_satisfied_share"] == "0.500"


def test_no_personal_data(client, dataset, council_member):
    client.force_login(council_member)
    assert_no_canaries(body(client.get(URL)))


def test_query_count_does_not_grow(client, today, wijk_a, wijk_b, django_assert_num_queries):
    make_initiatives([wijk_a, wijk_b], 10)
    # 1 priorities, 2 wijken, 3 figures per wijk, 4 priority counts.
    with django_assert_num_queries(4):
        body(client.get(URL))
    make_initiatives([wijk_a, wijk_b], 490)
    with django_assert_num_queries(4):
        body(client.get(URL))
