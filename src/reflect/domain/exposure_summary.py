"""The Exposure tab in plain words, and the rule for when a comparison is withheld.

These sentences look back at the person's own weeks. The comparison of heavier weeks with
the warning signs that followed is only said when there are enough weeks for it to mean
anything (MIN_PAIRS weeks with a logged shift and a check-in the week after, and at least
MIN_GROUP in each group); even then it says "in k of n cases" and never predicts, never
names a condition. Before that, it says what is missing instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from statistics import median

from reflect.domain.exposure import Break, WeekExposure
from reflect.domain.words import ENGLISH, Words

MIN_PAIRS = 8  # weeks with exposure logged and a warning-sign score the week after
MIN_GROUP = 3  # heavier weeks, and other weeks, each at least this many
# Tried in this order; the first measure with enough spread is the one described.
MEASURES: tuple[str, ...] = ("disclosures", "crises", "material", "encounters")
MEASURE_PHRASES: dict[str, str] = {
    "disclosures": "Weeks with more than {threshold} disclosures heard",
    "crises": "Weeks with more than {threshold} crises handled",
    "material": "Weeks with traumatic material seen more than {threshold} times",
    "encounters": "Weeks with more than {threshold} encounters",
}
NOT_A_PREDICTION = "This looks back at your own weeks; it is not a prediction or a diagnosis."


@dataclass(frozen=True)
class Comparison:
    """Heavier weeks (measure above threshold) and what the next week's signs did."""

    measure: str
    threshold: int
    heavier_higher: int
    heavier: int
    other_higher: int
    other: int


def weekly_signs(
    dates: Sequence[datetime | date], values: Sequence[float | None]
) -> dict[date, float]:
    """The mean warning-sign score of each week, from a check-in series."""
    sums: dict[date, list[float]] = {}
    for moment, value in zip(dates, values, strict=True):
        if value is None:
            continue
        day = moment.date() if isinstance(moment, datetime) else moment
        week = day - timedelta(days=day.weekday())
        sums.setdefault(week, []).append(float(value))
    return {week: sum(v) / len(v) for week, v in sums.items()}


def compare(weeks: Sequence[WeekExposure], signs: Mapping[date, float]) -> Comparison | None:
    """The comparison to describe, or None when it must be withheld (see module doc)."""
    if not signs:
        return None
    middle = median(signs.values())
    pairs = [
        (week, signs[week.week + timedelta(days=7)])
        for week in weeks
        if week.shifts and (week.week + timedelta(days=7)) in signs
    ]
    if len(pairs) < MIN_PAIRS:
        return None
    for measure in MEASURES:
        values = [week.count(measure) for week, _ in pairs]
        middle_value = int(median(values))
        # The median first; when many weeks sit exactly on it, the next lower value seen,
        # so "more than X" still splits the weeks into two real groups.
        lower = sorted({int(v) for v in values if v < middle_value}, reverse=True)
        for threshold in [middle_value, *lower[:1]]:
            heavier = [after for week, after in pairs if week.count(measure) > threshold]
            other = [after for week, after in pairs if week.count(measure) <= threshold]
            if len(heavier) >= MIN_GROUP and len(other) >= MIN_GROUP:
                return Comparison(
                    measure,
                    threshold,
                    sum(1 for after in heavier if after > middle),
                    len(heavier),
                    sum(1 for after in other if after > middle),
                    len(other),
                )
    return None


def exposure_summary(
    weeks: Sequence[WeekExposure],
    signs: Mapping[date, float],
    breaks: Iterable[Break] = (),
    words: Words = ENGLISH,
) -> str:
    """Two or three sentences under the Exposure chart."""
    w = words
    logged = [week for week in weeks if week.shifts]
    spans = list(breaks)
    parts = _logged_sentences(logged, w)
    if spans:
        days = sum(span.days for span in spans)
        parts.append(
            w("{breaks}, {days}.").format(
                breaks=w.plural(len(spans), "{count} break marked", "{count} breaks marked"),
                days=w.plural(days, "{count} day in all", "{count} days in all"),
            )
        )
    parts.extend(_comparison_sentences(compare(weeks, signs), bool(logged), w))
    return " ".join(parts)


def _logged_sentences(logged: Sequence[WeekExposure], w: Words) -> list[str]:
    """What the logged shifts add up to, and how many critical incidents they held."""
    if not logged:
        return [w("No shifts logged in this range.")]
    shifts = sum(week.shifts for week in logged)
    parts = [
        w(
            "{shifts} in this range: {disclosures} disclosures heard, {crises} crises "
            "handled, traumatic material seen {material} times."
        ).format(
            shifts=w.plural(shifts, "{count} shift logged", "{count} shifts logged"),
            disclosures=sum(week.disclosures for week in logged),
            crises=sum(week.crises for week in logged),
            material=sum(week.material for week in logged),
        )
    ]
    critical = sum(week.critical for week in logged)
    if critical:
        parts.append(
            w.plural(
                critical,
                "{count} critical incident was logged.",
                "{count} critical incidents were logged.",
            )
        )
    return parts


def _comparison_sentences(found: Comparison | None, logged: bool, w: Words) -> list[str]:
    """Heavier weeks against the week after, or what it takes before that can be said."""
    if found is not None:
        return [
            w(
                "{weeks} were followed by a week with warning signs above your typical week "
                "in this range in {higher} of {count} cases; after the other weeks, in "
                "{other_higher} of {other}."
            ).format(
                weeks=w(MEASURE_PHRASES[found.measure]).format(threshold=found.threshold),
                higher=found.heavier_higher,
                count=found.heavier,
                other_higher=found.other_higher,
                other=found.other,
            ),
            w(NOT_A_PREDICTION),
        ]
    if logged:
        return [
            w(
                "With at least {count} weeks that have both a logged shift and a check-in the "
                "week after, this will say how your heavier weeks and your warning signs went "
                "together."
            ).format(count=MIN_PAIRS)
        ]
    return []


def exposure_days_summary(daily: Mapping[date, float], words: Words = ENGLISH) -> str:
    """The heavy-days calendar when it shows exposure instead of feelings."""
    w = words
    if not daily:
        return w("No shifts logged in this range.")
    heaviest = max(daily, key=lambda day: (daily[day], day))
    return w("{days} with a logged shift; the heaviest exposure was on {heaviest}.").format(
        days=w.plural(len(daily), "{count} day", "{count} days"),
        heaviest=w.date(heaviest, "%A %-d %B %Y"),
    )
