"""How each Trends tab draws its chart: one function per tab, named in ``TABS``.

Chart modules are imported inside each function so matplotlib stays off the start-up path.
The Exposure tab's shifts and breaks come from services/exposure.py.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from reflect.domain.checkin_scoring import OVERALL
from reflect.domain.trends import HEATMAP_MAX_DAYS, CategorySeries, DailyHeaviness, TrendsData

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from reflect.charts.style import ChartStyle
    from reflect.services.exposure import ExposureView


def draw_signs_tab(
    figure: Figure,
    data: TrendsData,
    style: ChartStyle,
    choice: str | None,
    _exposure: ExposureView | None = None,
) -> None:
    from reflect.charts.categories import draw_categories

    key = choice or OVERALL
    draw_categories(figure, (data.category(key),), style, key)


def draw_questionnaires_tab(
    figure: Figure,
    data: TrendsData,
    style: ChartStyle,
    choice: str | None,
    _exposure: ExposureView | None = None,
) -> None:
    from reflect.charts.instruments import draw_instruments

    span = data.range
    first = span.start or min(
        (d.date() for i in data.instruments for s in i.subscales for d in s.dates),
        default=span.end,
    )
    draw_instruments(figure, data.instruments, style, choice, (first, span.end))


def draw_reflections_tab(
    figure: Figure,
    data: TrendsData,
    style: ChartStyle,
    _c: str | None,
    _exposure: ExposureView | None = None,
) -> None:
    from reflect.charts.reflections import draw_weekly_reflections

    draw_weekly_reflections(figure, data.weekly, style)


def draw_practice_tab(
    figure: Figure,
    data: TrendsData,
    style: ChartStyle,
    _c: str | None,
    _exposure: ExposureView | None = None,
) -> None:
    from reflect.charts.practice import draw_practice

    draw_practice(figure, data.practice, data.practice_period, style)


def draw_stages_tab(
    figure: Figure,
    data: TrendsData,
    style: ChartStyle,
    _c: str | None,
    _exposure: ExposureView | None = None,
) -> None:
    from reflect.charts.stages import draw_stages

    draw_stages(figure, data.stages, style)


def draw_heavy_tab(
    figure: Figure,
    data: TrendsData,
    style: ChartStyle,
    choice: str | None,
    exposure: ExposureView | None = None,
) -> None:
    from reflect.charts.heatmap import draw_heatmap

    if choice == "exposure" and exposure is not None:
        draw_heatmap(figure, exposure_calendar(exposure), style)
    else:
        draw_heatmap(figure, data.heaviness, style)


def draw_helped_tab(
    figure: Figure,
    data: TrendsData,
    style: ChartStyle,
    _c: str | None,
    _exposure: ExposureView | None = None,
) -> None:
    from reflect.charts.helped import draw_helped

    draw_helped(figure, data.helped, data.helped_checkins, style)


def draw_strengths_tab(
    figure: Figure,
    data: TrendsData,
    style: ChartStyle,
    _c: str | None,
    _exposure: ExposureView | None = None,
) -> None:
    from reflect.charts.strengths import draw_strengths

    draw_strengths(figure, data.strengths, style)


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


def draw_exposure_tab(
    figure: Figure,
    data: TrendsData,
    style: ChartStyle,
    _choice: str | None,
    exposure: ExposureView | None = None,
) -> None:
    from reflect.charts.exposure import draw_exposure

    weeks, breaks = (exposure.weeks, exposure.breaks) if exposure else ([], [])
    draw_exposure(figure, weeks, breaks, data.category(OVERALL), style, strengths_of(data))
