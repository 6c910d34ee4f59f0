"""Strengths beside strain: compassion satisfaction and vicarious resilience, tracked apart.

The research treats them as separate dimensions rather than opposites of the warning signs,
so the strengths score is the mean of the strength items alone (0-4) and is never subtracted
from, or averaged into, the warning-sign score. A check-in without strength answers (every
check-in saved before they existed) simply has no strengths value.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from reflect.domain.checkin import CheckIn
from reflect.domain.checkin_definition import STRENGTH_PREFIX
from reflect.domain.checkin_scoring import ScoredCheckIn
from reflect.domain.words import ENGLISH, Words


def strength_score(checkin: CheckIn) -> float | None:
    """Mean of the answered strength items (0-4), or None when none were answered."""
    values = [v for k, v in checkin.item_scores.items() if k.startswith(STRENGTH_PREFIX)]
    return round(sum(values) / len(values), 2) if values else None


@dataclass(frozen=True)
class BalancePoint:
    when: datetime
    strain: float | None  # overall warning-sign score, 0-4
    strengths: float | None  # strengths score, 0-4


def balance_series(history: Iterable[ScoredCheckIn]) -> tuple[BalancePoint, ...]:
    return tuple(
        BalancePoint(entry.checkin.taken_at, entry.scores.overall, strength_score(entry.checkin))
        for entry in history
    )


def _mean(values: Sequence[float]) -> float | None:
    return round(sum(values) / len(values), 2) if values else None


def balance_summary(points: Sequence[BalancePoint], language: Words = ENGLISH) -> str:
    """The chart in words, for screen readers and the chart's description."""
    w = language
    strengths = [p.strengths for p in points if p.strengths is not None]
    strain = [p.strain for p in points if p.strain is not None]
    if not strengths:
        return w("No check-in in this range answered the strengths part.")
    return w(
        "Strengths averaged {strengths} of 4 over {count} check-ins; warning signs averaged "
        "{strain} of 4. They are separate: one does not cancel the other."
    ).format(
        strengths=w.num(_mean(strengths) or 0),
        count=len(strengths),
        strain=w.num(_mean(strain) or 0) if strain else "–",
    )
