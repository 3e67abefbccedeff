from datetime import date

import pytest

from initiatives.workdays import add_working_days, is_working_day, working_days_between


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 4, 27), False),  # Koningsdag, a Monday
        (date(2026, 12, 25), False),  # Eerste Kerstdag
        (date(2026, 12, 26), False),  # Tweede Kerstdag, a Saturday anyway
        (date(2026, 4, 6), False),  # Tweede Paasdag
        (date(2026, 5, 14), False),  # Hemelvaartsdag
        (date(2026, 4, 28), True),
        (date(2026, 11, 28), False),  # a Saturday
    ],
)
def test_working_days_skip_weekends_and_dutch_holidays(day, expected):
    assert is_working_day(day) is expected


def test_five_working_days_after_a_monday_is_the_next_monday():
    assert add_working_days(date(2026, 3, 2), 5) == date(2026, 3, 9)


def test_due_date_skips_koningsdag():
    # Thursday 23 April 2026 + 5 working days: 24, 28, 29, 30 April, 1 May (27 April is Koningsdag).
    assert add_working_days(date(2026, 4, 23), 5) == date(2026, 5, 1)


def test_due_date_skips_christmas_and_new_year():
    # Wednesday 23 December 2026: 24, 28, 29, 30, 31 December (25 Dec, weekend, 1 Jan skipped).
    assert add_working_days(date(2026, 12, 23), 5) == date(2026, 12, 31)
    assert add_working_days(date(2026, 12, 23), 6) == date(2027, 1, 4)


def test_submission_on_a_saturday_counts_from_monday():
    assert add_working_days(date(2026, 3, 7), 1) == date(2026, 3, 9)


def test_working_days_between_counts_only_working_days():
    assert working_days_between(date(2026, 4, 24), date(2026, 4, 28)) == 1
    assert working_days_between(date(2026, 3, 2), date(2026, 3, 2)) == 0
    assert working_days_between(date(2026, 3, 9), date(2026, 3, 2)) == -5


def test_working_days_between_agrees_with_counting_day_by_day():
    import random
    from datetime import timedelta

    def day_by_day(start: date, end: date) -> int:
        if end < start:
            return -day_by_day(end, start)
        days = (start + timedelta(days=n) for n in range(1, (end - start).days + 1))
        return sum(1 for day in days if is_working_day(day))

    rng = random.Random(7)
    for _ in range(2000):
        start = date(2022, 1, 1) + timedelta(days=rng.randrange(1500))
        end = start + timedelta(days=rng.randrange(-800, 800))
        assert working_days_between(start, end) == day_by_day(start, end), (start, end)
