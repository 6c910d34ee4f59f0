"""What the Exposure tab and the heavy-days calendar draw from the shifts and breaks logged."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from reflect.domain.trends import HEATMAP_MAX_DAYS, CategorySeries, DailyHeaviness, TrendsData

if TYPE_CHECKING:
    from reflect.services.exposure import ExposureView


def strengths_of(data: TrendsData) -> CategorySeries:
    """The strengths of each check-in as a series, for the Exposure tab's second line."""
    points = data.strengths
    return CategorySeries(
        "strengths",
        "Strengths",
        tuple(p.when for p in points),
        tuple(p.strengths for p in points),
        tuple(None for _ in points),
    )


def exposure_calendar(exposure: ExposureView) -> DailyHeaviness:
    """The exposure of each logged day as the heavy-days calendar's 0-1 values."""
    start = max(exposure.start, exposure.end - timedelta(days=HEATMAP_MAX_DAYS - 1))
    kept = {day: value for day, value in exposure.daily.items() if start <= day <= exposure.end}
    return DailyHeaviness(start, exposure.end, kept)
