"""Trends: date ranges and the plain series the charts draw. Pure logic, standard library only.

Every builder takes data already limited to (or sliced by) a ``DateRange`` and returns small
frozen dataclasses, so charts never see database rows and tests can check the numbers
without matplotlib. Each builder makes one pass over its input, and ``TrendsData`` runs a
builder only when its chart is drawn: on a ten-year profile a range change must redraw in
well under 150 ms.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cached_property

from reflect.domain.checkin import (
    CATEGORIES,
    CATEGORY_LABELS,
    HELPING_AREAS,
    HELPING_LABELS,
    CheckIn,
    InstrumentResult,
)
from reflect.domain.checkin_scoring import ABOUT_USUAL, OVERALL, ScoredCheckIn
from reflect.domain.errors import ValidationError
from reflect.domain.instruments import InstrumentDefinition, Subscale
from reflect.domain.reflection import (
    PRACTICE_AREA_LABELS,
    PRACTICE_AREAS,
    STAGE_LABELS,
    STAGES_OF_CHANGE,
)
from reflect.domain.strengths import BalancePoint, balance_series

# --- date ranges ---------------------------------------------------------------------------

RANGE_LABELS: dict[str, str] = {
    "4w": "4 weeks",
    "3m": "3 months",
    "1y": "A year",
    "all": "All",
    "custom": "Custom…",
}
_RANGE_DAYS = {"4w": 28, "3m": 91, "1y": 365}
HELPED_THRESHOLD = 3  # "quite a bit" or "a lot" on the 0-4 helping scale
HEATMAP_MAX_DAYS = 371  # a calendar wider than about a year of weeks is unreadable


@dataclass(frozen=True)
class DateRange:
    """Inclusive days ``start``..``end``; ``start`` None means from the first entry."""

    key: str
    start: date | None
    end: date

    @property
    def since(self) -> datetime | None:
        return None if self.start is None else datetime.combine(self.start, datetime.min.time())

    @property
    def until(self) -> datetime:
        return datetime.combine(self.end, datetime.max.time()).replace(microsecond=0)

    def contains(self, moment: datetime | date) -> bool:
        day = moment.date() if isinstance(moment, datetime) else moment
        return (self.start is None or day >= self.start) and day <= self.end

    @property
    def days(self) -> int | None:
        return None if self.start is None else (self.end - self.start).days + 1

    def describe(self) -> str:
        if self.start is None:
            return f"everything up to {self.end:%d %b %Y}"
        return f"{self.start:%d %b %Y} to {self.end:%d %b %Y}"


def date_range(
    key: str, today: date, start: date | None = None, end: date | None = None
) -> DateRange:
    """The range for a picker choice; ``custom`` needs ``start`` and ``end``."""
    if key in _RANGE_DAYS:
        return DateRange(key, today - timedelta(days=_RANGE_DAYS[key] - 1), today)
    if key == "all":
        return DateRange(key, None, today)
    if key == "custom":
        if start is None or end is None:
            raise ValidationError("Choose both a first and a last day for a custom range.")
        if start > end:
            raise ValidationError("The first day comes after the last day; please swap them.")
        return DateRange(key, start, end)
    raise ValidationError(
        "Unknown range {key}; choose one of {choices}.",
        key=repr(key),
        choices=", ".join(RANGE_LABELS),
    )


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


# --- series the charts take ----------------------------------------------------------------


@dataclass(frozen=True)
class CategorySeries:
    """One warning-sign category (or overall) with the usual it was compared with."""

    key: str
    label: str
    dates: tuple[datetime, ...]
    values: tuple[float | None, ...]
    baseline: tuple[float | None, ...]  # the rolling median each check-in was compared with
    margin: float = ABOUT_USUAL  # half-width of the "about your usual" band

    @property
    def has_data(self) -> bool:
        return any(v is not None for v in self.values)


@dataclass(frozen=True)
class BandThreshold:
    label: str
    minimum: float | None
    maximum: float | None
    notice: bool


@dataclass(frozen=True)
class SubscaleSeries:
    key: str
    label: str
    dates: tuple[datetime, ...]
    values: tuple[float, ...]
    higher_is: str
    bands: tuple[BandThreshold, ...]
    # Lowest and highest possible score, so a chart shows a change on the whole scale
    # (a 60-to-67 axis would make a small change on 0-100 look dramatic).
    scale: tuple[float, float] | None = None


@dataclass(frozen=True)
class InstrumentSeries:
    """All subscales of one questionnaire; charts shade bands when the subscales share them."""

    instrument_id: str
    name: str
    subscales: tuple[SubscaleSeries, ...]

    @property
    def shared_bands(self) -> tuple[BandThreshold, ...]:
        """The bands of the subscales that have any, when those all share them, else empty.

        STSS publishes bands for its total only: they are still shaded, and ``banded``
        names the subscales they belong to.
        """
        with_bands = [s for s in self.subscales if s.bands]
        shapes = {tuple((b.label, b.minimum, b.maximum) for b in s.bands) for s in with_bands}
        return with_bands[0].bands if len(shapes) == 1 else ()

    @property
    def banded(self) -> tuple[str, ...]:
        """Labels of the subscales the shaded bands apply to."""
        if not self.shared_bands:
            return ()
        return tuple(s.label for s in self.subscales if s.bands)


@dataclass(frozen=True)
class WeeklyReflections:
    weeks: tuple[date, ...]  # Mondays
    counts: tuple[int, ...]
    mean_intensity: tuple[float | None, ...]


@dataclass(frozen=True)
class PracticeSeries:
    key: str
    label: str
    periods: tuple[date, ...]  # first day of each week or month that has ratings
    means: tuple[float, ...]
    counts: tuple[int, ...]


@dataclass(frozen=True)
class LabelledCount:
    key: str
    label: str
    count: int
    mean: float | None = None  # for what-helped: the mean 0-4 rating


@dataclass(frozen=True)
class DailyHeaviness:
    """0 (light) to 1 (heaviest) per day that has something recorded."""

    start: date
    end: date
    values: Mapping[date, float]


@dataclass(frozen=True)
class ReflectionPoint:
    """What the trends need from one reflection (read in one query, no text)."""

    occurred_at: datetime
    intensity: int | None
    ratings: Mapping[str, int]
    stage: str | None


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


# --- builders ------------------------------------------------------------------------------


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


def subscale_scale(definition: InstrumentDefinition, subscale: Subscale) -> tuple[float, float]:
    """The lowest and highest score a subscale can give, from its scoring key."""
    scale = definition.scale
    points = [scale.value(answer, False) for answer in scale.values]
    low, high = min(points), max(points)
    if subscale.method == "sum":
        low, high = low * len(subscale.items), high * len(subscale.items)
    ends = sorted((low * subscale.multiply + subscale.add, high * subscale.multiply + subscale.add))
    return ends[0], ends[1]


def instrument_series(
    results: Iterable[InstrumentResult], definitions: Mapping[str, InstrumentDefinition]
) -> tuple[InstrumentSeries, ...]:
    """One series per questionnaire with results, in the order of ``definitions``."""
    grouped: dict[str, list[InstrumentResult]] = {}
    for result in results:
        grouped.setdefault(result.instrument_id, []).append(result)
    series = []
    for instrument_id, definition in definitions.items():
        found = sorted(grouped.get(instrument_id, ()), key=lambda r: r.taken_at)
        if not found:
            continue
        subscales = []
        for sub in definition.subscales:
            points = [(r.taken_at, float(r.scores[sub.id])) for r in found if sub.id in r.scores]
            if not points:
                continue
            bands = tuple(BandThreshold(b.label, b.minimum, b.maximum, b.notice) for b in sub.bands)
            subscales.append(
                SubscaleSeries(
                    sub.id,
                    sub.label,
                    tuple(p[0] for p in points),
                    tuple(p[1] for p in points),
                    sub.higher_is,
                    bands,
                    subscale_scale(definition, sub),
                )
            )
        if subscales:
            series.append(InstrumentSeries(instrument_id, definition.short_name, tuple(subscales)))
    return tuple(series)


def weekly_reflections(points: Sequence[ReflectionPoint], span: DateRange) -> WeeklyReflections:
    """Every week of the range (empty weeks count 0), with the mean intensity of each."""
    counts: dict[date, int] = {}
    sums: dict[date, list[int]] = {}
    for point in points:
        week = week_start(point.occurred_at.date())
        counts[week] = counts.get(week, 0) + 1
        if point.intensity is not None:
            total = sums.setdefault(week, [0, 0])
            total[0] += point.intensity
            total[1] += 1
    if not counts:
        return WeeklyReflections((), (), ())
    first = week_start(span.start) if span.start is not None else min(counts)
    last = week_start(span.end)
    weeks = []
    day = first
    while day <= last:
        weeks.append(day)
        day += timedelta(days=7)
    means = tuple(round(sums[w][0] / sums[w][1], 2) if w in sums else None for w in weeks)
    return WeeklyReflections(tuple(weeks), tuple(counts.get(w, 0) for w in weeks), means)


def practice_period_for(span: DateRange, first_seen: date | None) -> str:
    """Weekly points up to about four months, monthly up to three years, then quarterly
    (ten years of months is a tangle of 120 points per line)."""
    start = span.start or first_seen or span.end
    days = (span.end - start).days
    return "week" if days <= 120 else "month" if days <= 3 * 366 else "quarter"


def _period_start(day: date, period: str) -> date:
    if period == "week":
        return week_start(day)
    if period == "quarter":
        return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    return day.replace(day=1)


def practice_series(points: Sequence[ReflectionPoint], period: str) -> tuple[PracticeSeries, ...]:
    """Mean self-rating (1-5) per practice area per week or month; unrated areas are left out."""
    sums: dict[str, dict[date, list[int]]] = {area: {} for area in PRACTICE_AREAS}
    for point in points:
        if not point.ratings:
            continue
        bucket = _period_start(point.occurred_at.date(), period)
        for area, value in point.ratings.items():
            if area in sums:
                total = sums[area].setdefault(bucket, [0, 0])
                total[0] += value
                total[1] += 1
    series = []
    for area in PRACTICE_AREAS:
        buckets = sorted(sums[area])
        if not buckets:
            continue
        series.append(
            PracticeSeries(
                area,
                PRACTICE_AREA_LABELS[area],
                tuple(buckets),
                tuple(round(sums[area][b][0] / sums[area][b][1], 2) for b in buckets),
                tuple(sums[area][b][1] for b in buckets),
            )
        )
    return tuple(series)


def stage_counts(points: Iterable[ReflectionPoint]) -> tuple[LabelledCount, ...]:
    """How often each stage of change was met, in the stages' natural order."""
    counts = dict.fromkeys(STAGES_OF_CHANGE, 0)
    for point in points:
        if point.stage in counts:
            counts[point.stage] += 1
    return tuple(LabelledCount(s, STAGE_LABELS[s], counts[s]) for s in STAGES_OF_CHANGE)


def daily_heaviness(
    history: Iterable[ScoredCheckIn], points: Iterable[ReflectionPoint], span: DateRange
) -> DailyHeaviness:
    """The heaviest thing recorded each day: check-in overall (of 4) or intensity (of 10).

    Only the last year of the range is kept, because a calendar is read week by week.
    """
    values: dict[date, float] = {}

    def note(day: date, value: float) -> None:
        if value > values.get(day, -1.0):
            values[day] = round(value, 3)

    for entry in history:
        if entry.scores.overall is not None:
            note(entry.checkin.taken_at.date(), entry.scores.overall / 4)
    for point in points:
        if point.intensity is not None:
            note(point.occurred_at.date(), point.intensity / 10)
    end = span.end
    start = span.start if span.start is not None else (min(values) if values else end)
    start = max(start, end - timedelta(days=HEATMAP_MAX_DAYS - 1))
    kept = {d: v for d, v in values.items() if start <= d <= end}
    return DailyHeaviness(start, end, kept)


def helped_counts(checkins: Iterable[CheckIn]) -> tuple[tuple[LabelledCount, ...], int]:
    """Per ABC area: check-ins where it helped "quite a bit" or more, and its mean rating."""
    helped = dict.fromkeys(HELPING_AREAS, 0)
    totals = {area: [0, 0] for area in HELPING_AREAS}
    answered = 0
    for checkin in checkins:
        if not checkin.helping:
            continue
        answered += 1
        for area, value in checkin.helping.items():
            if area in totals:
                totals[area][0] += value
                totals[area][1] += 1
                if value >= HELPED_THRESHOLD:
                    helped[area] += 1
    counts = tuple(
        LabelledCount(
            area,
            HELPING_LABELS[area],
            helped[area],
            round(totals[area][0] / totals[area][1], 2) if totals[area][1] else None,
        )
        for area in HELPING_AREAS
    )
    return counts, answered


def build_trends(
    span: DateRange,
    history: Sequence[ScoredCheckIn],
    results: Sequence[InstrumentResult],
    definitions: Mapping[str, InstrumentDefinition],
    points: Sequence[ReflectionPoint],
) -> TrendsData:
    """Everything the dashboard draws, from data already limited to ``span`` (built lazily)."""
    return TrendsData(span, history, results, definitions, points)
