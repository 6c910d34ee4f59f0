"""The builders behind ``TrendsData``: each makes one pass over data already in range.

Questionnaire subscales, reflections per week, practice ratings, stages of change, heavy
days and what helped; the warning-sign series are built in trends.py.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta

from reflect.domain.checkin import HELPING_AREAS, HELPING_LABELS, CheckIn, InstrumentResult
from reflect.domain.checkin_scoring import ScoredCheckIn
from reflect.domain.date_ranges import DateRange, week_start
from reflect.domain.instruments import InstrumentDefinition, Subscale
from reflect.domain.reflection import (
    PRACTICE_AREA_LABELS,
    PRACTICE_AREAS,
    STAGE_LABELS,
    STAGES_OF_CHANGE,
)
from reflect.domain.trend_series import (
    BandThreshold,
    DailyHeaviness,
    InstrumentSeries,
    LabelledCount,
    PracticeSeries,
    ReflectionPoint,
    SubscaleSeries,
    WeeklyReflections,
)

HELPED_THRESHOLD = 3  # "quite a bit" or "a lot" on the 0-4 helping scale
HEATMAP_MAX_DAYS = 371  # a calendar wider than about a year of weeks is unreadable


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
