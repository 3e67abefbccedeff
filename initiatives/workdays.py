"""Working days: weekdays that are not Dutch public holidays (from the `holidays` library)."""

from datetime import date, datetime, timedelta
from functools import lru_cache

import holidays
from django.utils import timezone


@lru_cache(maxsize=64)
def _holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.Netherlands(years=year))


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _holidays(day.year)


def add_working_days(start: date, days: int) -> date:
    """The date ``days`` working days after ``start`` (``start`` itself does not count)."""
    current = start
    remaining = days
    while remaining > 0:
        current += timedelta(days=1)
        if is_working_day(current):
            remaining -= 1
    return current


def working_days_between(start: date, end: date) -> int:
    """Working days after ``start`` up to and including ``end``; negative if ``end`` is earlier.

    Counted without walking the days (the brokers' queue asks it for every row): whole
    weeks give five each, then the days left over, minus the holidays on a weekday.
    """
    if end < start:
        return -working_days_between(end, start)
    weeks, rest = divmod((end - start).days, 7)
    weekday = start.weekday()
    count = weeks * 5 + sum(1 for offset in range(1, rest + 1) if (weekday + offset) % 7 < 5)
    holidays_on_weekdays = sum(
        1
        for year in range(start.year, end.year + 1)
        for holiday in _holidays(year)
        if start < holiday <= end and holiday.weekday() < 5
    )
    return count - holidays_on_weekdays


def local_date(moment: datetime) -> date:
    """The calendar date in the municipality's time zone (Europe/Amsterdam)."""
    return timezone.localtime(moment).date()
