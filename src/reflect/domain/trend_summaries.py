"""Each trends chart in one or two plain sentences, for screen readers and tired eyes.

A chart is a picture: these sentences give the same key numbers in words, so a person using
a screen reader (or the keyboard only, without hover) is not left out. They describe numbers,
never a condition, and compare with the person's own usual the way the check-in screen does.
"""

from __future__ import annotations

from collections.abc import Sequence

from reflect.domain.checkin_scoring import compare_wording
from reflect.domain.trends import (
    CategorySeries,
    DailyHeaviness,
    InstrumentSeries,
    LabelledCount,
    PracticeSeries,
    WeeklyReflections,
)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def category_summary(series: CategorySeries | None) -> str:
    if series is None or not series.has_data:
        return "No check-ins in this range."
    answered = [
        (day, value, usual)
        for day, value, usual in zip(series.dates, series.values, series.baseline, strict=True)
        if value is not None
    ]
    day, value, usual = answered[-1]
    difference = None if usual is None else round(value - usual, 2)
    text = (
        f"{series.label}: {_plural(len(answered), 'check-in')} in this range. "
        f"The latest, on {day:%d %B %Y}, was {value:.1f} of 4"
    )
    if usual is None:
        return text + "; there is no usual to compare with yet."
    return text + f", {compare_wording(difference)} ({usual:.1f})."


def instrument_summary(series: InstrumentSeries | None) -> str:
    if series is None:
        return "No questionnaires in this range."
    parts = []
    for sub in series.subscales:
        value = sub.values[-1]
        band = next(
            (
                b.label
                for b in sub.bands
                if (b.minimum is None or value >= b.minimum)
                and (b.maximum is None or value <= b.maximum)
            ),
            None,
        )
        parts.append(f"{sub.label} {value:g}" + (f" (band: {band})" if band else ""))
    latest = max(sub.dates[-1] for sub in series.subscales)
    return (
        f"{series.name}, latest on {latest:%d %B %Y}: {'; '.join(parts)}. "
        "A score is not a diagnosis."
    )


def weekly_summary(weekly: WeeklyReflections) -> str:
    total = sum(weekly.counts)
    if not total:
        return "No reflections in this range."
    busiest = max(range(len(weekly.counts)), key=lambda i: weekly.counts[i])
    intensities = [v for v in weekly.mean_intensity if v is not None]
    text = (
        f"{_plural(total, 'reflection')} over {_plural(len(weekly.weeks), 'week')}; the "
        f"busiest was the week of {weekly.weeks[busiest]:%d %B %Y} "
        f"with {weekly.counts[busiest]}."
    )
    if intensities:
        low, high = min(intensities), max(intensities)
        text += f" Weekly mean intensity ranged from {low:.1f} to {high:.1f} of 10."
    return text


def practice_summary(series: Sequence[PracticeSeries], period: str) -> str:
    if not series:
        return "No practice ratings in this range."
    parts = [f"{s.label} {s.means[-1]:.1f}" for s in series]
    latest = max(s.periods[-1] for s in series)
    return f"Mean self-ratings (1 to 5) for the {period} of {latest:%d %B %Y}: {', '.join(parts)}."


def counts_summary(counts: Sequence[LabelledCount], noun: str, empty: str) -> str:
    if not any(c.count for c in counts):
        return empty
    parts = [f"{c.label} {c.count}" for c in sorted(counts, key=lambda c: -c.count)]
    return f"{noun}: {', '.join(parts)}."


def heaviness_summary(heaviness: DailyHeaviness) -> str:
    if not heaviness.values:
        return "No days with a check-in or a reflection in this range."
    heaviest = max(heaviness.values, key=lambda day: (heaviness.values[day], day))
    return (
        f"{_plural(len(heaviness.values), 'day')} with something recorded between "
        f"{heaviness.start:%d %B %Y} and {heaviness.end:%d %B %Y}; the heaviest was "
        f"{heaviest:%A %d %B %Y} ({heaviness.values[heaviest] * 100:.0f}% of the scale)."
    )
