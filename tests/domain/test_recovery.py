"""Days since a real break, and self-check scheduling that survives restarts and sleep."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from reflect.domain.errors import ValidationError
from reflect.domain.exposure import Break, ShiftLog
from reflect.domain.recovery import (
    DISMISSED,
    DONE,
    OFFER_AT,
    SELF_CHECK_MESSAGE,
    closed,
    days_since_break,
    due_checks,
    moved,
    next_offer,
    plan_self_checks,
)

TODAY = date(2026, 6, 15)


def test_days_since_the_last_marked_break():
    breaks = [
        Break(date(2026, 6, 1), date(2026, 6, 2)),
        Break(date(2026, 5, 1), date(2026, 5, 20), "leave"),
        Break(date(2026, 7, 1), date(2026, 7, 3)),  # future: not counted
    ]
    assert days_since_break(TODAY, breaks) == 13
    assert days_since_break(TODAY, [Break(date(2026, 6, 14), date(2026, 6, 16))]) == 0
    assert days_since_break(TODAY, []) is None


def test_inferring_breaks_from_unlogged_days_is_opt_in():
    logs = [ShiftLog(TODAY - timedelta(days=d), hours=8) for d in range(0, 6)]
    logs.append(ShiftLog(TODAY - timedelta(days=8), hours=8))  # day 7 was not worked
    assert days_since_break(TODAY, [], logs) is None
    assert days_since_break(TODAY, [], logs, infer=True) == 6
    # Today not logged yet does not count as a break: the day is not over.
    later = TODAY + timedelta(days=1)
    assert days_since_break(later, [], logs, infer=True) == 7
    # A marked break that is more recent wins.
    assert (
        days_since_break(
            TODAY, [Break(TODAY - timedelta(days=2), TODAY - timedelta(days=2))], logs, infer=True
        )
        == 2
    )


def test_two_checks_at_about_three_days_and_a_month():
    first, second = plan_self_checks(date(2026, 6, 1), shift_id=7)
    assert (first.kind, first.due, first.shift_id) == ("3d", date(2026, 6, 4), 7)
    assert (second.kind, second.due) == ("1m", date(2026, 7, 1))


def test_due_is_worked_out_from_the_clock_so_restarts_and_sleep_lose_nothing():
    checks = plan_self_checks(date(2026, 6, 1))
    before = datetime.combine(date(2026, 6, 4), OFFER_AT) - timedelta(minutes=1)
    assert due_checks(checks, before) == []
    assert next_offer(checks, before) == datetime.combine(date(2026, 6, 4), OFFER_AT)
    # The laptop slept from before the due moment until weeks later: both are due at once,
    # oldest first, and next_offer says "now" rather than a moment in the past.
    woke = datetime(2026, 7, 3, 8, 0)
    assert [c.kind for c in due_checks(checks, woke)] == ["3d", "1m"]
    assert next_offer(checks, woke) == woke
    done = [closed(checks[0], DONE, woke), closed(checks[1], DISMISSED, woke)]
    assert due_checks(done, woke) == [] and next_offer(done, woke) is None


def test_moving_a_check_keeps_it_within_reason():
    check = plan_self_checks(date(2026, 6, 1))[0]
    later = moved(check, date(2026, 6, 10), TODAY - timedelta(days=10))
    assert later.due == date(2026, 6, 10) and later.pending
    with pytest.raises(ValidationError):
        moved(check, TODAY - timedelta(days=1), TODAY)
    with pytest.raises(ValidationError):
        moved(check, TODAY + timedelta(days=400), TODAY)
    with pytest.raises(ValidationError):
        moved(closed(check, DONE, datetime(2026, 6, 5)), TODAY, TODAY)


def test_the_reminder_says_nothing_about_an_incident():
    lowered = SELF_CHECK_MESSAGE.lower()
    for word in ("incident", "shift", "critical", "trauma", "crisis"):
        assert word not in lowered
