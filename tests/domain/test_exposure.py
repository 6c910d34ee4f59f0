"""Exposure logs: validation, weekly sums, the summary sentences and when they are withheld."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reflect.domain.errors import ValidationError
from reflect.domain.exposure import (
    OUTLINE_MAX,
    Break,
    ShiftLog,
    daily_load,
    weekly_exposure,
)
from reflect.domain.exposure_summary import (
    MIN_PAIRS,
    NOT_A_PREDICTION,
    compare,
    exposure_summary,
    weekly_signs,
)

MONDAY = date(2026, 3, 2)


def test_a_log_needs_sane_numbers_and_a_one_line_outline_only_for_an_incident():
    ShiftLog(MONDAY, hours=7.5, encounters=6, disclosures=2, material=0, crises=1)
    with pytest.raises(ValidationError, match="between 0 and 24"):
        ShiftLog(MONDAY, hours=25)
    with pytest.raises(ValidationError, match="between 0 and 500"):
        ShiftLog(MONDAY, disclosures=501)
    with pytest.raises(ValidationError, match="whole number"):
        ShiftLog(MONDAY, crises=True)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="one line"):
        ShiftLog(MONDAY, critical=True, outline="two\nlines")
    with pytest.raises(ValidationError, match="limited"):
        ShiftLog(MONDAY, critical=True, outline="x" * (OUTLINE_MAX + 1))
    with pytest.raises(ValidationError, match="only kept for a critical incident"):
        ShiftLog(MONDAY, outline="a hard call")
    assert ShiftLog(MONDAY).is_empty and not ShiftLog(MONDAY, critical=True).is_empty


def test_breaks_are_ordered_and_bounded():
    assert Break(MONDAY, MONDAY + timedelta(days=4), "leave").days == 5
    with pytest.raises(ValidationError):
        Break(MONDAY, MONDAY - timedelta(days=1))
    with pytest.raises(ValidationError):
        Break(MONDAY, MONDAY, "holiday")
    with pytest.raises(ValidationError):
        Break(MONDAY, MONDAY + timedelta(days=400))


def test_weekly_sums_include_empty_weeks_and_ignore_logs_outside():
    logs = [
        ShiftLog(MONDAY, hours=8, disclosures=3, crises=1),
        ShiftLog(MONDAY + timedelta(days=2), hours=6.5, disclosures=2, critical=True),
        ShiftLog(MONDAY + timedelta(days=14), encounters=4),
        ShiftLog(MONDAY - timedelta(days=1), disclosures=99),  # before the range
    ]
    weeks = weekly_exposure(logs, MONDAY, MONDAY + timedelta(days=20))
    assert [w.week for w in weeks] == [MONDAY + timedelta(days=7 * i) for i in range(3)]
    first, empty, third = weeks
    assert (first.shifts, first.hours, first.disclosures, first.crises, first.critical) == (
        2,
        14.5,
        5,
        1,
        1,
    )
    assert empty.shifts == 0 and empty.disclosures == 0
    assert third.encounters == 4 and third.hours == 0


@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 40), st.floats(0, 24)), max_size=40))
def test_weekly_sums_add_up_to_the_logs(entries):
    logs = [ShiftLog(MONDAY + timedelta(days=d), hours=h, disclosures=n) for d, n, h in entries]
    weeks = weekly_exposure(logs, MONDAY, MONDAY + timedelta(days=60))
    assert sum(w.disclosures for w in weeks) == sum(n for _, n, _ in entries)
    assert sum(w.shifts for w in weeks) == len(entries)
    assert sum(w.hours for w in weeks) == pytest.approx(sum(h for *_, h in entries), abs=0.1)


def test_daily_load_is_relative_and_a_critical_incident_is_the_heaviest():
    logs = [
        ShiftLog(MONDAY, disclosures=4),
        ShiftLog(MONDAY + timedelta(days=1), disclosures=2),
        ShiftLog(MONDAY + timedelta(days=2), encounters=1, critical=True),
    ]
    load = daily_load(logs, MONDAY, MONDAY + timedelta(days=6))
    assert load[MONDAY] == 1.0 and load[MONDAY + timedelta(days=1)] == 0.5
    assert load[MONDAY + timedelta(days=2)] == 1.0


def _history(weeks: int, heavy_every: int = 2, higher_after_heavy: bool = True):
    """Alternating heavy and light weeks, with a check-in in every week."""
    logs, signs = [], {}
    for i in range(weeks):
        week = MONDAY + timedelta(days=7 * i)
        heavy = i % heavy_every == 0
        logs.append(ShiftLog(week, disclosures=14 if heavy else 3))
        previous_heavy = (i - 1) % heavy_every == 0 and i > 0
        signs[week] = 2.5 if (previous_heavy == higher_after_heavy) else 1.0
    return weekly_exposure(logs, MONDAY, MONDAY + timedelta(days=7 * weeks - 1)), signs


def test_the_comparison_is_said_with_enough_weeks_and_never_as_a_prediction():
    weeks, signs = _history(20)
    found = compare(weeks, signs)
    assert found is not None and found.measure == "disclosures"
    assert found.heavier_higher == found.heavier  # every heavy week was followed by more signs
    text = exposure_summary(weeks, signs)
    assert "Weeks with more than 3 disclosures heard were followed by a week with" in text
    assert f"in {found.heavier} of {found.heavier} cases" in text
    assert NOT_A_PREDICTION in text
    for word in ("will", "risk", "burnout", "diagnos"):
        assert word not in text.replace(NOT_A_PREDICTION, "")


def test_the_comparison_is_withheld_without_enough_weeks_and_says_what_is_missing():
    weeks, signs = _history(MIN_PAIRS)  # the last week has no following check-in
    assert compare(weeks, signs) is None
    text = exposure_summary(weeks, signs)
    assert "followed by" not in text
    assert f"With at least {MIN_PAIRS} weeks" in text


def test_the_comparison_is_withheld_without_check_ins_or_without_spread():
    weeks, signs = _history(20)
    assert compare(weeks, {}) is None
    flat = weekly_exposure(
        [ShiftLog(MONDAY + timedelta(days=7 * i), disclosures=5) for i in range(20)],
        MONDAY,
        MONDAY + timedelta(days=7 * 20),
    )
    assert compare(flat, signs) is None  # every week the same: no heavier weeks to compare


def test_no_logs_says_so_and_breaks_and_incidents_are_counted():
    assert exposure_summary([], {}) == "No shifts logged in this range."
    logs = [ShiftLog(MONDAY, disclosures=2, critical=True), ShiftLog(MONDAY, crises=1)]
    weeks = weekly_exposure(logs, MONDAY, MONDAY + timedelta(days=6))
    text = exposure_summary(weeks, {}, [Break(MONDAY, MONDAY + timedelta(days=2), "leave")])
    assert text.startswith("2 shifts logged in this range: 2 disclosures heard, 1 crises")
    assert "1 critical incident was logged." in text
    assert "1 break marked, 3 days in all." in text


def test_weekly_signs_average_each_week():
    dates = [datetime(2026, 3, 2, 9), datetime(2026, 3, 4, 9), datetime(2026, 3, 9, 9)]
    assert weekly_signs(dates, [1.0, 2.0, None]) == {MONDAY: 1.5}
