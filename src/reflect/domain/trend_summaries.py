"""Each trends chart in one or two plain sentences, for screen readers and tired eyes.

A chart is a picture: these sentences give the same key numbers in words, so a person using
a screen reader (or the keyboard only, without hover) is not left out. They describe numbers,
never a condition, and compare with the person's own usual the way the check-in screen does.
"""

from __future__ import annotations

from collections.abc import Sequence

from reflect.domain.trends import (
    CategorySeries,
    DailyHeaviness,
    InstrumentSeries,
    LabelledCount,
    PracticeSeries,
    WeeklyReflections,
)
from reflect.domain.usual import WORDING, verdict
from reflect.domain.words import ENGLISH, Words

# Every sentence is an English template translated by ``words`` (the ui passes the language
# in use) and then filled in, so the numbers and dates are never part of a catalogue key.


def category_summary(series: CategorySeries | None, words: Words = ENGLISH) -> str:
    w = words
    if series is None or not series.has_data:
        return w("No check-ins in this range.")
    answered = [
        (day, value, usual)
        for day, value, usual in zip(series.dates, series.values, series.baseline, strict=True)
        if value is not None
    ]
    day, value, usual = answered[-1]
    text = w("{label}: {checkins} in this range. The latest, on {date}, was {value} of 4").format(
        label=w(series.label),
        checkins=w.plural(len(answered), "{count} check-in", "{count} check-ins"),
        date=w.long(day),
        value=w.num(value),
    )
    if usual is None:
        return text + w("; there is no usual to compare with yet.")
    return text + w(", {wording} ({usual}).").format(
        wording=w(WORDING[verdict(value, usual)]), usual=w.num(usual)
    )


def instrument_summary(series: InstrumentSeries | None, words: Words = ENGLISH) -> str:
    w = words
    if series is None:
        return w("No questionnaires in this range.")
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
        score = f"{w(sub.label)} {w.num(value, 'g')}"
        if band:
            score += w(" (band: {band})").format(band=w(band))
        parts.append(score)
    latest = max(sub.dates[-1] for sub in series.subscales)
    return w("{name}, latest on {date}: {scores}. A score is not a diagnosis.").format(
        name=w(series.name), date=w.long(latest), scores="; ".join(parts)
    )


def weekly_summary(weekly: WeeklyReflections, words: Words = ENGLISH) -> str:
    w = words
    total = sum(weekly.counts)
    if not total:
        return w("No reflections in this range.")
    busiest = max(range(len(weekly.counts)), key=lambda i: weekly.counts[i])
    intensities = [v for v in weekly.mean_intensity if v is not None]
    text = w("{reflections} over {weeks}; the busiest was the week of {date} with {count}.").format(
        reflections=w.plural(total, "{count} reflection", "{count} reflections"),
        weeks=w.plural(len(weekly.weeks), "{count} week", "{count} weeks"),
        date=w.long(weekly.weeks[busiest]),
        count=weekly.counts[busiest],
    )
    if intensities:
        low, high = min(intensities), max(intensities)
        text += " " + w("Weekly mean intensity ranged from {low} to {high} of 10.").format(
            low=w.num(low), high=w.num(high)
        )
    return text


# The week by its Monday ("05 November 2026"), a month or quarter by its first month.
PRACTICE_SENTENCES = {
    "week": "Mean self-ratings (1 to 5) for the week of {date}: {ratings}.",
    "month": "Mean self-ratings (1 to 5) for {date}: {ratings}.",
    "quarter": "Mean self-ratings (1 to 5) for the quarter from {date}: {ratings}.",
}


def practice_summary(series: Sequence[PracticeSeries], period: str, words: Words = ENGLISH) -> str:
    w = words
    if not series:
        return w("No practice ratings in this range.")
    parts = [f"{w(s.label)} {w.num(s.means[-1])}" for s in series]
    latest = max(s.periods[-1] for s in series)
    sentence = PRACTICE_SENTENCES.get(period, PRACTICE_SENTENCES["month"])
    when = w.long(latest) if period == "week" else w.date(latest, "%B %Y")
    return w(sentence).format(date=when, ratings=", ".join(parts))


def counts_summary(
    counts: Sequence[LabelledCount],
    noun: str,
    empty: str,
    words: Words = ENGLISH,
    **noun_args: object,
) -> str:
    """``noun`` and ``empty`` are English, translated here; ``noun`` is then filled in with
    ``noun_args`` ("Check-ins (of {answered}) where…")."""
    w = words
    if not any(c.count for c in counts):
        return w(empty)
    parts = [f"{w(c.label)} {c.count}" for c in sorted(counts, key=lambda c: -c.count)]
    return w("{noun}: {counts}.").format(noun=w(noun).format(**noun_args), counts=", ".join(parts))


def heaviness_summary(heaviness: DailyHeaviness, words: Words = ENGLISH) -> str:
    w = words
    if not heaviness.values:
        return w("No days with a check-in or a reflection in this range.")
    heaviest = max(heaviness.values, key=lambda day: (heaviness.values[day], day))
    return w(
        "{days} with something recorded between {start} and {end}; the heaviest was "
        "{heaviest} ({percent}% of the scale)."
    ).format(
        days=w.plural(len(heaviness.values), "{count} day", "{count} days"),
        start=w.long(heaviness.start),
        end=w.long(heaviness.end),
        heaviest=w.date(heaviest, "%A %-d %B %Y"),
        percent=f"{heaviness.values[heaviest] * 100:.0f}",
    )
