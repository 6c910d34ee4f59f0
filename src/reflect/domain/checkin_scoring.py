"""Check-in scores and the personal baseline.

A category score is the mean of its answered items (0-4); the overall score is the mean of
all answered warning-sign items. The baseline is the rolling median of the person's earlier
check-ins, because "higher than my usual" is kinder and more telling than a fixed threshold,
and a median shrugs off the odd very heavy week.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from reflect.domain.checkin import CATEGORIES, CheckIn
from reflect.domain.checkin_definition import STRENGTH_PREFIX, CheckinDefinition

BASELINE_WINDOW = 8  # earlier check-ins that make up "your usual"
BASELINE_MINIMUM = 3  # fewer than this and there is no usual yet
ABOUT_USUAL = 0.5  # differences smaller than this (on 0-4) read as "about your usual"
OVERALL = "overall"


@dataclass(frozen=True)
class CheckinScores:
    categories: dict[str, float | None]
    overall: float | None

    def get(self, key: str) -> float | None:
        return self.overall if key == OVERALL else self.categories.get(key)


@dataclass(frozen=True)
class Baseline:
    categories: dict[str, float | None] = field(default_factory=dict)
    overall: float | None = None
    based_on: int = 0  # how many earlier check-ins it was computed from

    @property
    def available(self) -> bool:
        return self.overall is not None

    def get(self, key: str) -> float | None:
        return self.overall if key == OVERALL else self.categories.get(key)


@dataclass(frozen=True)
class ScoredCheckIn:
    checkin: CheckIn
    scores: CheckinScores
    baseline: Baseline

    def difference(self, key: str = OVERALL) -> float | None:
        """Score minus baseline for a category (or ``"overall"``); None without a baseline."""
        value, usual = self.scores.get(key), self.baseline.get(key)
        if value is None or usual is None:
            return None
        return round(value - usual, 2)


def score_checkin(checkin: CheckIn, definition: CheckinDefinition) -> CheckinScores:
    # Plain sums and counts: this runs for every check-in of a ten-year history on each
    # chart refresh, so it avoids building lists per category.
    sums = dict.fromkeys(CATEGORIES, 0.0)
    counts = dict.fromkeys(CATEGORIES, 0)
    category_of = definition.category_of
    for item_id, value in checkin.item_scores.items():
        category = category_of(item_id)
        if category is not None:
            sums[category] += value
            counts[category] += 1
    categories = {c: (round(sums[c] / counts[c], 2) if counts[c] else None) for c in CATEGORIES}
    answered = sum(counts.values())
    overall = round(sum(sums.values()) / answered, 2) if answered else None
    return CheckinScores(categories, overall)


def _median(values: list[float | None], minimum: int) -> float | None:
    present = sorted(v for v in values if v is not None)
    n = len(present)
    if n < minimum or n == 0:
        return None
    middle = n // 2
    value = present[middle] if n % 2 else (present[middle - 1] + present[middle]) / 2
    return round(value, 2)


def baseline_from(
    earlier: Sequence[CheckinScores], window: int = BASELINE_WINDOW, minimum: int = BASELINE_MINIMUM
) -> Baseline:
    """Median of the last ``window`` earlier scores; empty if fewer than ``minimum`` exist."""
    recent = list(earlier)[-window:] if window > 0 else []
    if len(recent) < minimum:
        return Baseline(based_on=len(recent))
    return Baseline(
        categories={c: _median([s.categories.get(c) for s in recent], minimum) for c in CATEGORIES},
        overall=_median([s.overall for s in recent], minimum),
        based_on=len(recent),
    )


def score_history(
    checkins: Iterable[CheckIn],
    definition: CheckinDefinition,
    window: int = BASELINE_WINDOW,
    minimum: int = BASELINE_MINIMUM,
    since: datetime | None = None,
) -> list[ScoredCheckIn]:
    """Score check-ins oldest first, each with the baseline of the ones before it.

    With ``since``, only check-ins from then on are returned, and only they and the
    ``window`` before them are scored: a chart of the last month on a ten-year profile
    should not pay for the other nine years.
    """
    ordered = sorted(checkins, key=lambda c: c.taken_at)
    first = 0
    if since is not None:
        first = next((i for i, c in enumerate(ordered) if c.taken_at >= since), len(ordered))
    start = max(0, first - window)
    scores = [score_checkin(c, definition) for c in ordered[start:]]
    return [
        ScoredCheckIn(
            ordered[index],
            scores[index - start],
            baseline_from(scores[max(0, index - window - start) : index - start], window, minimum),
        )
        for index in range(first, len(ordered))
    ]


def strong_items(checkin: CheckIn) -> list[str]:
    """Warning-sign items rated at the top of the scale: one earns a resources prompt, never a
    label. Strength items are left out: a strength "most of the time" is good news."""
    return [
        item_id
        for item_id, value in checkin.item_scores.items()
        if value >= 4 and not item_id.startswith(STRENGTH_PREFIX)
    ]
