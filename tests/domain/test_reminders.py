from __future__ import annotations

from datetime import datetime, time

from hypothesis import given
from hypothesis import strategies as st

from reflect.domain.reminders import (
    REMINDER_MESSAGE,
    ReminderSchedule,
    format_time,
    milliseconds_until,
    next_event,
    next_reminder,
    parse_days,
    parse_time,
    snoozed_until,
)

WEEKDAYS = frozenset({0, 1, 2, 3, 4})
MONDAY = datetime(2026, 11, 23, 9, 0)  # a Monday


def schedule(at: str = "17:30", days=WEEKDAYS, enabled: bool = True) -> ReminderSchedule:
    return ReminderSchedule.from_settings(enabled, at, list(days))


def test_later_today_when_the_time_has_not_passed():
    assert next_reminder(MONDAY, schedule()) == datetime(2026, 11, 23, 17, 30)


def test_tomorrow_when_today_has_passed():
    assert next_reminder(datetime(2026, 11, 23, 18, 0), schedule()) == datetime(
        2026, 11, 24, 17, 30
    )


def test_exactly_at_the_time_moves_on_so_it_never_fires_twice():
    assert next_reminder(datetime(2026, 11, 23, 17, 30), schedule()) == datetime(
        2026, 11, 24, 17, 30
    )


def test_friday_evening_skips_the_weekend():
    friday = datetime(2026, 11, 27, 20, 0)
    assert next_reminder(friday, schedule()) == datetime(2026, 11, 30, 17, 30)


def test_a_single_day_a_week_later():
    assert next_reminder(datetime(2026, 11, 23, 18, 0), schedule(days={0})) == datetime(
        2026, 11, 30, 17, 30
    )


def test_off_or_no_days_means_never():
    assert next_reminder(MONDAY, schedule(enabled=False)) is None
    assert next_reminder(MONDAY, schedule(days=set())) is None


def test_snooze_comes_first_when_sooner():
    snooze = snoozed_until(MONDAY)
    assert snooze == datetime(2026, 11, 23, 9, 30)
    assert next_event(MONDAY, schedule(), snooze) == snooze


def test_an_expired_snooze_is_ignored_and_off_drops_the_snooze():
    assert next_event(MONDAY, schedule(), datetime(2026, 11, 23, 8, 0)) == datetime(
        2026, 11, 23, 17, 30
    )
    assert next_event(MONDAY, schedule(enabled=False), snoozed_until(MONDAY)) is None


def test_settings_junk_falls_back():
    assert parse_time("25:00") == time(17, 30)
    assert parse_time("7:05") == time(7, 5)
    assert parse_time(None) == time(17, 30)
    assert parse_days([0, 6, 7, -1, "2", True]) == frozenset({0, 6})
    assert parse_days("0,1") == frozenset()
    assert format_time(time(7, 5)) == "07:05"


def test_milliseconds_never_negative():
    assert milliseconds_until(MONDAY, datetime(2026, 11, 23, 9, 0, 1)) == 1000
    assert milliseconds_until(MONDAY, datetime(2026, 11, 23, 8, 0)) == 0


def test_reminder_wording_is_gentle_and_reveals_nothing():
    lowered = REMINDER_MESSAGE.lower()
    for word in ("streak", "missed", "overdue", "haven't", "trauma", "check-in", "score"):
        assert word not in lowered


@given(
    now=st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1)),
    days=st.sets(st.integers(0, 6), min_size=1),
    hour=st.integers(0, 23),
    minute=st.integers(0, 59),
)
def test_next_reminder_is_the_first_matching_moment(now, days, hour, minute):
    plan = ReminderSchedule(True, time(hour, minute), frozenset(days))
    found = next_reminder(now, plan)
    assert found is not None
    assert found > now
    assert found.weekday() in days and found.time() == time(hour, minute)
    assert (found - now).days <= 7
