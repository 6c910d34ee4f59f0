"""Trends: date ranges and the plain series the charts draw. Pure logic, standard library only.

Every builder takes data already limited to (or sliced by) a ``DateRange`` and returns small
frozen dataclasses, so charts never see database rows and tests can check the numbers
without matplotlib. Each builder makes one pass over its input, and ``TrendsData`` runs a
builder only when its chart is drawn: on a ten-year profile a range change must redraw in
well under 150 ms.

This module holds ``TrendsData`` and the warning-sign series; the date ranges live in
date_ranges.py, the dataclasses in trend_series.py and the other builders in
trend_builders.py. Every name is re-exported here, so ``reflect.domain.trends`` stays the
one import for them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cached_property

from reflect.domain.checkin import CATEGORIES, CATEGORY_LABELS, InstrumentResult
from reflect.domain.checkin_scoring import OVERALL, ScoredCheckIn
from reflect.domain.date_ranges import RANGE_LABELS, DateRange, date_range, week_start
from reflect.domain.errors import ValidationError
from reflect.domain.instruments import InstrumentDefinition
from reflect.domain.strengths import BalancePoint, balance_series
from reflect.domain.trend_builders import (
    HEATMAP_MAX_DAYS,
    HELPED_THRESHOLD,
    daily_heaviness,
    helped_counts,
    instrument_series,
    practice_period_for,
    practice_series,
    stage_counts,
    subscale_scale,
    weekly_reflections,
)
from reflect.domain.trend_series import (
    BandThreshold,
    CategorySeries,
    DailyHeaviness,
    InstrumentSeries,
    LabelledCount,
    PracticeSeries,
    ReflectionPoint,
    SubscaleSeries,
    WeeklyReflections,
)

# The names other modules import from here; the code lives in date_ranges.py (ranges),
# trend_series.py (the dataclasses) and trend_builders.py (the builders).
__all__ = [
    "CATEGORY_KEYS",
    "HEATMAP_MAX_DAYS",
    "HELPED_THRESHOLD",
    "RANGE_LABELS",
    "BandThreshold",
    "CategorySeries",
    "DailyHeaviness",
    "DateRange",
    "InstrumentSeries",
    "LabelledCount",
    "PracticeSeries",
    "ReflectionPoint",
    "SubscaleSeries",
    "TrendsData",
    "WeeklyReflections",
    "build_trends",
    "daily_heaviness",
    "date_range",
    "helped_counts",
    "instrument_series",
    "one_category_series",
    "practice_period_for",
    "practice_series",
    "stage_counts",
    "subscale_scale",
    "week_start",
    "weekly_reflections",
]


class TrendsData:
    """Every series of the dashboard for one range, each built the first time it is read.

    The dashboard shows one chart at a time, so a range change only pays for the chart on
    screen (building all seven on ten years costs more than the whole redraw budget).
    """

    def __init__(
        self,
        span: DateRange,
        history: Sequence[ScoredCheckIn],
        results: Sequence[InstrumentResult],
        definitions: Mapping[str, InstrumentDefinition],
        points: Sequence[ReflectionPoint],
    ) -> None:
        self.range = span
        self._history = history
        self._results = results
        self._definitions = definitions
        self._points = points
        self._categories: dict[str, CategorySeries] = {}

    @property
    def checkin_count(self) -> int:
        return len(self._history)

    @property
    def reflection_count(self) -> int:
        return len(self._points)

    @property
    def result_count(self) -> int:
        return len(self._results)

    @property
    def categories(self) -> tuple[CategorySeries, ...]:
        return tuple(self.category(key) for key in CATEGORY_KEYS)

    def category(self, key: str) -> CategorySeries:
        """One category's series, built once (the chart shows one at a time)."""
        if key not in self._categories:
            self._categories[key] = one_category_series(self._history, key)
        return self._categories[key]

    @cached_property
    def instruments(self) -> tuple[InstrumentSeries, ...]:
        return instrument_series(self._results, self._definitions)

    @cached_property
    def weekly(self) -> WeeklyReflections:
        return weekly_reflections(self._points, self.range)

    @cached_property
    def practice_period(self) -> str:  # "week" or "month"
        first_seen = self._points[0].occurred_at.date() if self._points else None
        return practice_period_for(self.range, first_seen)

    @cached_property
    def practice(self) -> tuple[PracticeSeries, ...]:
        return practice_series(self._points, self.practice_period)

    @cached_property
    def stages(self) -> tuple[LabelledCount, ...]:
        return stage_counts(self._points)

    @cached_property
    def heaviness(self) -> DailyHeaviness:
        return daily_heaviness(self._history, self._points, self.range)

    @cached_property
    def _helped(self) -> tuple[tuple[LabelledCount, ...], int]:
        return helped_counts(entry.checkin for entry in self._history)

    @property
    def helped(self) -> tuple[LabelledCount, ...]:
        return self._helped[0]

    @property
    def helped_checkins(self) -> int:  # check-ins that answered the helping part
        return self._helped[1]

    @cached_property
    def strengths(self) -> tuple[BalancePoint, ...]:
        """Strengths beside strain, one point per check-in (see domain/strengths.py)."""
        return balance_series(self._history)


# --- warning signs ---------------------------------------------------------------------------


CATEGORY_KEYS: tuple[str, ...] = (OVERALL, *CATEGORIES)


def one_category_series(history: Sequence[ScoredCheckIn], key: str) -> CategorySeries:
    """One warning-sign category (or ``OVERALL``); history oldest first, already in range."""
    labels = {OVERALL: "All warning signs", **CATEGORY_LABELS}
    if key not in labels:
        raise ValidationError("Unknown warning-sign category {key}.", key=repr(key))
    return CategorySeries(
        key,
        labels[key],
        tuple(entry.checkin.taken_at for entry in history),
        tuple(entry.scores.get(key) for entry in history),
        tuple(entry.baseline.get(key) for entry in history),
    )


def build_trends(
    span: DateRange,
    history: Sequence[ScoredCheckIn],
    results: Sequence[InstrumentResult],
    definitions: Mapping[str, InstrumentDefinition],
    points: Sequence[ReflectionPoint],
) -> TrendsData:
    """Everything the dashboard draws, from data already limited to ``span`` (built lazily)."""
    return TrendsData(span, history, results, definitions, points)
