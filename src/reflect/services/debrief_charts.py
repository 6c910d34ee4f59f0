"""Numbers for the charts a provider can share in a debrief: aggregates only, never free text."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from reflect.domain.checkin_scoring import score_history
from reflect.domain.journal import JournalFilter
from reflect.domain.reflection import PRACTICE_AREA_LABELS, PRACTICE_AREAS
from reflect.domain.words import ENGLISH, Words
from reflect.services.debrief_view import Bar

if TYPE_CHECKING:
    from reflect.services.checkins import CheckinService
    from reflect.services.exposure import ExposureService
    from reflect.services.journal import JournalService


def warning_sign_bars(
    checkins: CheckinService,
    count: int = 12,
    until: datetime | None = None,
    words: Words = ENGLISH,
) -> list[Bar]:
    """The last ``count`` check-ins, up to ``until`` when the debrief lies in the past, so a
    summary exported later still shows what was discussed then."""
    if until is None:
        scored = checkins.recent_scored(count)
    else:
        # A year back is plenty for ``count`` check-ins plus their baseline window.
        items = checkins.all(until - timedelta(days=365), until)[-(count + checkins.window) :]
        scored = score_history(items, checkins.definition, checkins.window, checkins.minimum)
        scored = scored[-count:]
    bars = []
    for entry in scored:
        overall = entry.scores.overall
        text = words.of(overall, 4) if overall is not None else words("not answered")
        bars.append(Bar(words.day(entry.checkin.taken_at), overall, 4.0, text))
    return bars


def practice_rating_bars(
    journal: JournalService, today: date, days: int = 90, words: Words = ENGLISH
) -> list[Bar]:
    since = today - timedelta(days=days)
    ratings: dict[str, list[int]] = defaultdict(list)
    for summary in journal.search(JournalFilter(date_from=since, date_to=today)):
        reflection = journal.get(summary.id)
        if reflection is not None:
            for area, value in reflection.practice_ratings().items():
                ratings[area].append(value)
    bars = []
    for area in PRACTICE_AREAS:
        values = ratings.get(area)
        if values:
            mean = sum(values) / len(values)
            text = words("{value} of {maximum} ({count} rated)").format(
                value=words.num(mean), maximum=5, count=len(values)
            )
            bars.append(Bar(words(PRACTICE_AREA_LABELS[area]), mean, 5.0, text))
    return bars


def intensity_bars(
    journal: JournalService, today: date, months: int = 6, words: Words = ENGLISH
) -> list[Bar]:
    first = date(today.year, today.month, 1)
    for _ in range(months - 1):
        first = (first - timedelta(days=1)).replace(day=1)
    by_month: dict[tuple[int, int], list[int]] = defaultdict(list)
    for summary in journal.search(JournalFilter(date_from=first, date_to=today)):
        if summary.intensity is not None:
            by_month[(summary.occurred_at.year, summary.occurred_at.month)].append(
                summary.intensity
            )
    bars = []
    for (year, month), values in sorted(by_month.items()):
        mean = sum(values) / len(values)
        text = words("{value} of {maximum} ({count} reflections)").format(
            value=words.num(mean), maximum=10, count=len(values)
        )
        bars.append(Bar(words.month(date(year, month, 1)), mean, 10.0, text))
    return bars


def exposure_bars(
    exposure: ExposureService, today: date, weeks: int = 12, words: Words = ENGLISH
) -> list[Bar]:
    """Logged exposure per week (disclosures, crises, material): counts only. Outlines and
    critical incidents are never part of a shared chart."""
    start = today - timedelta(days=7 * (weeks - 1))
    found = [w for w in exposure.weekly(start, today) if w.shifts]
    peak = max((w.disclosures + w.crises + w.material for w in found), default=0)
    bars = []
    for week in found:
        total = week.disclosures + week.crises + week.material
        text = words(
            "{disclosures} disclosures, {crises} crises, material {material} times"
        ).format(disclosures=week.disclosures, crises=week.crises, material=week.material)
        label = words("Week of {date}").format(date=words.day(week.week))
        bars.append(Bar(label, float(total), float(max(peak, 1)), text))
    return bars
