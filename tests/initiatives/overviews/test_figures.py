"""The per-wijk aggregate QuerySet methods against the hand-computed data set (conftest)."""

import datetime as dt
from decimal import Decimal

import pytest

from initiatives.models import Initiative
from initiatives.workdays import working_days_between
from tests.factories import priority

pytestmark = pytest.mark.django_db


def test_first_response_across_koningsdag_counts_two_working_days(dataset):
    # Submitted Thursday 23 April, answered Tuesday 28 April: Friday 24th and Tuesday 28th;
    # the weekend and Koningsdag (Monday 27th) do not count.
    dataset["p1"].refresh_from_db()
    assert dataset["p1"].response_working_days == 2
    assert dataset["p1"].first_response_due == dt.date(2026, 5, 1)
    assert working_days_between(dt.date(2026, 3, 2), dt.date(2026, 3, 12)) == 8


def test_figures_over_all_initiatives_match_the_hand_computed_values(dataset, today, wijk_a):
    figures = Initiative.objects.figures_by_neighbourhood(today)[wijk_a.pk]
    assert figures == {
        "total": 4,
        "new": 1,
        "running": 1,
        "realised": 1,
        "declined": 0,
        "referred": 0,
        "withdrawn": 1,
        "no_priority": 1,
        "answered": 2,
        "answered_on_time": 1,
        "overdue_open": 1,  # p3: open, no response, due date passed
        "median_days": 5.0,  # median of 2 and 8
        "amount_requested": Decimal("3300.00"),
        "amount_granted": Decimal("2500.00"),
        "help_offers": 1,
        "supports": 8,
        "cofunding": Decimal("1700.00"),  # p1 1,000, p2 500, p3 200
        "verified_supports": 3,  # p1 2, p3 1
        "entered_for_residents": 2,  # p2 at the spreekuur, p3 by phone
        # p2's result; p1's is not counted while p1 is not completed
        "residents_reached": 32,
        "volunteers": 6,
        "results_recorded": 1,
        # Asked afterwards: p2 answered 5.
        "feedback_answers": 1,
        "feedback_satisfied": 1,
    }


def test_figures_over_published_initiatives_leave_the_unpublished_out(dataset, today, wijk_a):
    figures = Initiative.objects.published().figures_by_neighbourhood(today)[wijk_a.pk]
    assert figures["total"] == 2
    assert figures["overdue_open"] == 0
    assert figures["median_days"] == 5.0
    assert figures["amount_requested"] == Decimal("3000.00")


def test_median_of_an_even_count_is_the_mean_of_the_middle_two(dataset, today, wijk_b):
    figures = Initiative.objects.figures_by_neighbourhood(today)[wijk_b.pk]
    assert figures["median_days"] == 1.5
    assert (figures["answered"], figures["answered_on_time"]) == (2, 2)
    assert (figures["declined"], figures["referred"], figures["no_priority"]) == (1, 1, 1)


def test_priority_counts_group_by_wijk_and_priority(dataset, wijk_a, wijk_b):
    counts = Initiative.objects.priority_counts_by_neighbourhood()
    kinderen, werkloosheid, handhaving = (
        priority(slug).pk for slug in ("kinderen", "werkloosheid", "handhaving")
    )
    assert counts == {
        (wijk_a.pk, kinderen): 2,
        (wijk_a.pk, werkloosheid): 1,
        (wijk_a.pk, handhaving): 1,
        (wijk_b.pk, werkloosheid): 1,
    }


def test_submitted_between_follows_the_local_calendar(dataset):
    start = dt.datetime(2026, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    in_2026 = Initiative.objects.submitted_between(start, None)
    assert in_2026.count() == 5  # all but k2 (November 2025)


def test_submitted_per_month_counts_by_local_month(dataset):
    months = Initiative.objects.submitted_per_month()
    assert months[dt.date(2026, 4, 1)] == 2
    assert months[dt.date(2026, 1, 1)] == 2
    assert months[dt.date(2025, 11, 1)] == 1


def test_priority_slugs_are_joined_per_initiative(dataset):
    slugs = dict(Initiative.objects.with_priority_slugs().values_list("pk", "priority_slugs"))
    assert sorted(slugs[dataset["p1"].pk].split("|")) == ["kinderen", "werkloosheid"]
    assert slugs[dataset["p4"].pk] is None
