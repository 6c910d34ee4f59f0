"""Check-in scores and the personal baseline.

A category score is the mean of its answered items (0-4); the overall score is the mean of
all answered warning-sign items. The baseline is the rolling median of the person's earlier
check-ins, because "higher than my usual" is kinder and more telling than a fixed threshold,
and a median shrugs off the odd very heavy week.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from reflect.domain.checkin import CATEGORIES, CheckIn
from reflect.domain.checkin_definition import CheckinDefinition

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


def _mean(values: Iterable[int]) -> float | None:
    values = list(values)
    return round(sum(values) / len(values), 2) if values else None


def score_checkin(checkin: CheckIn, definition: CheckinDefinition) -> CheckinScores:
    by_category: dict[str, list[int]] = {c: [] for c in CATEGORIES}
    for item_id, value in checkin.item_scores.items():
        category = definition.category_of(item_id)
        if category is not None:
            by_category[category].append(value)
    categories = {c: _mean(values) for c, values in by_category.items()}
    overall = _mean(v for values in by_category.values() for v in values)
    return CheckinScores(categories, overall)


def baseline_from(
    earlier: Sequence[CheckinScores], window: int = BASELINE_WINDOW, minimum: int = BASELINE_MINIMUM
) -> Baseline:
    """Median of the last ``window`` earlier scores; empty if fewer than ``minimum`` exist."""
    recent = list(earlier)[-window:] if window > 0 else []
    if len(recent) < minimum:
        return Baseline(based_on=len(recent))

    def median(values: list[float | None]) -> float | None:
        present = [v for v in values if v is not None]
        return round(statistics.median(present), 2) if len(present) >= minimum else None

    return Baseline(
        categories={c: median([s.categories.get(c) for s in recent]) for c in CATEGORIES},
        overall=median([s.overall for s in recent]),
        based_on=len(recent),
    )


def score_history(
    checkins: Iterable[CheckIn],
    definition: CheckinDefinition,
    window: int = BASELINE_WINDOW,
    minimum: int = BASELINE_MINIMUM,
) -> list[ScoredCheckIn]:
    """Score check-ins oldest first, each with the baseline of the ones before it."""
    ordered = sorted(checkins, key=lambda c: c.taken_at)
    scores = [score_checkin(c, definition) for c in ordered]
    return [
        ScoredCheckIn(
            checkin,
            scores[index],
            baseline_from(scores[max(0, index - window) : index], window, minimum),
        )
        for index, checkin in enumerate(ordered)
    ]


def compare_wording(difference: float | None) -> str:
    """Plain words for a difference from the person's usual (never a label)."""
    if difference is None:
        return "no usual yet"
    if difference >= ABOUT_USUAL:
        return "higher than your usual"
    if difference <= -ABOUT_USUAL:
        return "lower than your usual"
    return "about your usual"


def strong_items(checkin: CheckIn) -> list[str]:
    """Items rated at the top of the scale: one earns a resources prompt, never a label."""
    return [item_id for item_id, value in checkin.item_scores.items() if value >= 4]
