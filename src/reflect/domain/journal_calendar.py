"""What the journal's month view marks: days with reflections, days with a check-in, and the
"on this day" look-back (opt-in, because an old entry can be painful to meet unasked)."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class MonthMarks:
    year: int
    month: int
    reflections: dict[date, int]  # day -> how many reflections
    checkins: frozenset[date]


def month_bounds(year: int, month: int) -> tuple[date, date]:
    """First and last day of a month."""
    first = date(year, month, 1)
    following = date(year + (month == 12), month % 12 + 1, 1)
    return first, date.fromordinal(following.toordinal() - 1)


def a_year_ago(today: date) -> date:
    """The same day last year; 29 February looks back to 28 February."""
    try:
        return today.replace(year=today.year - 1)
    except ValueError:
        return today.replace(year=today.year - 1, day=28)


def days_a_year_ago(today: date) -> tuple[date, ...]:
    """The days "a year ago today" looks back on: the same day, and on 28 February after a
    leap year also the 29th, which has no day of its own this year and would never come back.
    """
    same = a_year_ago(today)
    if (today.month, today.day) == (2, 28) and calendar.isleap(same.year):
        return same, same.replace(day=29)
    return (same,)
