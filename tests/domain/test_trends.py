"""Trends: date ranges and the series the dashboard charts draw (pure, no matplotlib)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from reflect.domain.checkin import CATEGORIES, CheckIn, InstrumentResult
from reflect.domain.checkin_scoring import OVERALL, score_history
from reflect.domain.errors import ValidationError
from reflect.domain.instrument_scoring import score
from reflect.domain.reflection import PRACTICE_AREAS, STAGES_OF_CHANGE
from reflect.domain.trends import (
    CATEGORY_KEYS,
    HEATMAP_MAX_DAYS,
    DateRange,
    ReflectionPoint,
    build_trends,
    daily_heaviness,
    date_range,
    helped_counts,
    instrument_series,
    one_category_series,
    practice_period_for,
    practice_series,
    stage_counts,
    week_start,
    weekly_reflections,
)
from reflect.services.checkins import load_shipped_checkin
from reflect.services.instruments import load_shipped_definitions

DEFINITION = load_shipped_checkin()
ITEMS = [item.id for item in DEFINITION.items]
INSTRUMENTS = {d.id: d for d in load_shipped_definitions()}
TODAY = date(2026, 3, 18)  # a Wednesday


def scored(values, start=datetime(2026, 1, 5, 18, 0), helping=None):
    checkins = [
        CheckIn(start + timedelta(days=7 * n), dict.fromkeys(ITEMS, v), helping=dict(helping or {}))
        for n, v in enumerate(values)
    ]
    return score_history(checkins, DEFINITION)


def point(day, intensity=None, ratings=None, stage=None, hour=17):
    return ReflectionPoint(
        datetime.combine(day, datetime.min.time()).replace(hour=hour),
        intensity,
        dict(ratings or {}),
        stage,
    )


# --- ranges --------------------------------------------------------------------------------


@pytest.mark.parametrize(("key", "days"), [("4w", 28), ("3m", 91), ("1y", 365)])
def test_preset_ranges_end_today_and_count_whole_days(key, days):
    span = date_range(key, TODAY)
    assert span.end == TODAY
    assert span.days == days
    assert span.contains(datetime.combine(TODAY, datetime.max.time()))
    assert not span.contains(span.start - timedelta(days=1))


def test_all_has_no_start_and_custom_checks_its_days():
    everything = date_range("all", TODAY)
    assert everything.start is None and everything.since is None
    assert everything.contains(date(1999, 1, 1))
    custom = date_range("custom", TODAY, date(2026, 1, 1), date(2026, 1, 31))
    assert custom.days == 31 and custom.until == datetime(2026, 1, 31, 23, 59, 59)
    with pytest.raises(ValidationError, match="swap"):
        date_range("custom", TODAY, date(2026, 2, 1), date(2026, 1, 1))
    with pytest.raises(ValidationError, match="both"):
        date_range("custom", TODAY, date(2026, 2, 1), None)
    with pytest.raises(ValidationError, match="Unknown range"):
        date_range("decade", TODAY)


def test_week_start_is_the_monday():
    assert week_start(TODAY) == date(2026, 3, 16)
    assert week_start(date(2026, 3, 16)) == date(2026, 3, 16)


# --- check-ins -----------------------------------------------------------------------------


def test_category_series_put_overall_first_with_the_baseline_each_was_compared_with():
    history = scored([1, 1, 1, 1, 3])
    series = [one_category_series(history, key) for key in CATEGORY_KEYS]
    assert [s.key for s in series] == [OVERALL, *CATEGORIES]
    overall = series[0]
    assert overall.values == (1.0, 1.0, 1.0, 1.0, 3.0)
    assert overall.baseline[:3] == (None, None, None)  # fewer than three earlier: no usual yet
    assert overall.baseline[3:] == (1.0, 1.0)
    assert overall.has_data and len(overall.dates) == 5


def test_helped_counts_only_answers_that_helped_quite_a_bit():
    history = scored([1, 1, 1], helping={"awareness": 4, "balance": 1, "connection": 3})
    history += scored([1], start=datetime(2026, 3, 1), helping=None)
    counts, answered = helped_counts(entry.checkin for entry in history)
    assert answered == 3  # the check-in without a helping part is not counted
    by_key = {c.key: c for c in counts}
    assert by_key["awareness"].count == 3 and by_key["awareness"].mean == 4
    assert by_key["balance"].count == 0 and by_key["balance"].mean == 1
    assert by_key["connection"].count == 3


# --- questionnaires ------------------------------------------------------------------------


def test_instrument_series_keep_each_subscale_with_its_published_bands():
    who5 = INSTRUMENTS["who5"]
    results = [
        score(who5, [3] * who5.item_count).to_result(datetime(2026, 1, 10)),
        score(who5, [1] * who5.item_count).to_result(datetime(2026, 2, 10)),
    ]
    series = instrument_series(list(reversed(results)), INSTRUMENTS)
    assert [s.instrument_id for s in series] == ["who5"]
    sub = series[0].subscales[0]
    assert sub.dates == (datetime(2026, 1, 10), datetime(2026, 2, 10))  # sorted oldest first
    assert len(sub.values) == 2 and sub.values[0] > sub.values[1]
    assert sub.bands and series[0].shared_bands == sub.bands


def test_instrument_series_skip_questionnaires_without_results():
    assert instrument_series([], INSTRUMENTS) == ()
    unknown = InstrumentResult("unknown", datetime(2026, 1, 1), [1])
    assert instrument_series([unknown], INSTRUMENTS) == ()


# --- reflections ---------------------------------------------------------------------------


def test_weekly_reflections_fill_empty_weeks_with_zero():
    span = date_range("4w", TODAY)
    points = [point(date(2026, 2, 24), 6), point(date(2026, 2, 26), 2), point(date(2026, 3, 17))]
    weekly = weekly_reflections(points, span)
    assert weekly.weeks[0] == week_start(span.start) and weekly.weeks[-1] == date(2026, 3, 16)
    assert all(
        b - a == timedelta(days=7) for a, b in zip(weekly.weeks, weekly.weeks[1:], strict=False)
    )
    by_week = dict(
        zip(weekly.weeks, zip(weekly.counts, weekly.mean_intensity, strict=True), strict=True)
    )
    assert by_week[date(2026, 2, 23)] == (2, 4.0)
    assert by_week[date(2026, 3, 16)] == (1, None)  # counted, but no intensity given
    assert by_week[date(2026, 3, 2)] == (0, None)
    assert weekly_reflections([], span).weeks == ()


def test_practice_series_average_each_area_per_period_and_leave_out_unrated_areas():
    area = PRACTICE_AREAS[0]
    points = [
        point(date(2026, 3, 2), ratings={area: 2}),
        point(date(2026, 3, 4), ratings={area: 5}),
        point(date(2026, 3, 10), ratings={area: 4}),
        point(date(2026, 3, 11)),
    ]
    series = practice_series(points, "week")
    assert [s.key for s in series] == [area]
    assert series[0].periods == (date(2026, 3, 2), date(2026, 3, 9))
    assert series[0].means == (3.5, 4.0) and series[0].counts == (2, 1)
    monthly = practice_series(points, "month")
    assert monthly[0].periods == (date(2026, 3, 1),) and monthly[0].counts == (3,)


def test_practice_period_is_weekly_for_short_ranges_and_monthly_for_long_ones():
    assert practice_period_for(date_range("3m", TODAY), None) == "week"
    assert practice_period_for(date_range("1y", TODAY), None) == "month"
    assert practice_period_for(date_range("all", TODAY), TODAY - timedelta(days=30)) == "week"


def test_stage_counts_follow_the_stages_order_and_ignore_unknown_values():
    points = [point(TODAY, stage=STAGES_OF_CHANGE[1])] * 3 + [point(TODAY, stage="bogus")]
    counts = stage_counts(points)
    assert [c.key for c in counts] == list(STAGES_OF_CHANGE)
    assert counts[1].count == 3 and sum(c.count for c in counts) == 3


def test_heaviness_keeps_the_heaviest_thing_of_each_day_within_the_last_year():
    span = DateRange("custom", date(2024, 1, 1), TODAY)
    history = scored([2], start=datetime(2026, 3, 10, 9))
    points = [point(date(2026, 3, 10), 9), point(date(2026, 3, 11), 1), point(date(2024, 6, 1), 10)]
    heavy = daily_heaviness(history, points, span)
    assert heavy.end == TODAY and (heavy.end - heavy.start).days == HEATMAP_MAX_DAYS - 1
    assert heavy.values[date(2026, 3, 10)] == 0.9  # intensity 9 of 10 beats check-in 2 of 4
    assert heavy.values[date(2026, 3, 11)] == 0.1
    assert date(2024, 6, 1) not in heavy.values  # older than the calendar shows


def test_build_trends_on_nothing_gives_empty_series_for_every_chart():
    data = build_trends(date_range("4w", TODAY), [], [], INSTRUMENTS, [])
    assert all(not s.has_data for s in data.categories)
    assert data.instruments == () and data.weekly.weeks == () and data.practice == ()
    assert sum(c.count for c in data.stages) == 0 and data.heaviness.values == {}
    assert data.helped_checkins == 0


def test_questionnaire_bands_of_some_subscales_are_still_shared_and_named():
    stss = INSTRUMENTS["stss"]
    result = score(stss, [3] * stss.item_count).to_result(datetime(2026, 1, 10))
    (series,) = instrument_series([result], INSTRUMENTS)
    total = next(s for s in series.subscales if s.key == "total")
    assert series.shared_bands == total.bands  # only the total has published bands
    assert series.banded == (total.label,)
    assert total.scale == (17.0, 85.0)  # 17 items answered 1 to 5


def test_a_questionnaire_without_bands_has_none_to_shade_but_keeps_its_scale():
    cbi = INSTRUMENTS["cbi"]
    result = score(cbi, [1] * cbi.item_count).to_result(datetime(2026, 1, 10))
    (series,) = instrument_series([result], INSTRUMENTS)
    assert series.shared_bands == () and series.banded == ()
    assert {s.scale for s in series.subscales} == {(0.0, 100.0)}
