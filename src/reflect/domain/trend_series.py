"""The plain series the Trends charts draw: small frozen dataclasses, no database rows."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from reflect.domain.checkin_scoring import ABOUT_USUAL


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
