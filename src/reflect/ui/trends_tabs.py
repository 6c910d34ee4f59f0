"""The Trends tabs, one entry each: adding a tab is adding one ``TrendTab`` to ``TABS``.

Each entry names its chart (``draw``), its sentence or two for screen readers and the
summary line (``describe``), when the tab has a selector its choices (``options``), and
whether a choice needs the shifts and breaks logged for the range (``uses_exposure``).
The sentences are in ``ui/trends_descriptions.py``.
Labels are English; the screen translates them. Chart modules are imported inside each
drawing function so matplotlib stays off the start-up path.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from reflect.domain.checkin import CATEGORIES, CATEGORY_LABELS
from reflect.domain.checkin_scoring import OVERALL
from reflect.domain.trends import InstrumentSeries, TrendsData
from reflect.domain.words import ENGLISH, Words
from reflect.ui.trends_descriptions import (
    describe_exposure,
    describe_heavy,
    describe_helped,
    describe_practice,
    describe_questionnaires,
    describe_reflections,
    describe_signs,
    describe_stages,
    describe_strengths,
)
from reflect.ui.trends_exposure import exposure_calendar, strengths_of

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from reflect.charts.style import ChartStyle
    from reflect.services.exposure import ExposureView

Draw = Callable[["Figure", TrendsData, "ChartStyle", "str | None", "ExposureView | None"], None]
Describe = Callable[[TrendsData, "str | None", Words, "ExposureView | None"], str]
Options = Callable[[TrendsData], list[tuple[str, str]]]

SIGN_OPTIONS = [(OVERALL, "All warning signs")] + [(c, CATEGORY_LABELS[c]) for c in CATEGORIES]
# What the heavy-days calendar shows: the person's feelings (check-ins and reflections) or
# the exposure they logged.
HEAVY_OPTIONS = [("feelings", "Feelings"), ("exposure", "Exposure")]


def _never(_choice: str | None) -> bool:
    return False


@dataclass(frozen=True)
class TrendTab:
    key: str
    label: str  # the chart's full name: tooltip, title, accessible name
    draw: Draw
    describe: Describe
    short: str = ""  # a shorter word on the tab itself, so every tab fits at large type
    selector: str = ""  # the selector's label, when the tab has one
    options: Options | None = None  # (key, English label) choices for the selector
    uses_exposure: Callable[[str | None], bool] = _never  # for this choice, read shifts too

    @property
    def tab_text(self) -> str:
        return self.short or self.label


# --- drawing: one function per chart ----------------------------------------------------------


def _draw_signs(
    figure: Figure,
    data: TrendsData,
    style: ChartStyle,
    choice: str | None,
    _exposure: ExposureView | None = None,
) -> None:
    from reflect.charts.categories import draw_categories

    key = choice or OVERALL
    draw_categories(figure, (data.category(key),), style, key)


def _draw_questionnaires(
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


def _draw_reflections(
    figure: Figure,
    data: TrendsData,
    style: ChartStyle,
    _c: str | None,
    _exposure: ExposureView | None = None,
) -> None:
    from reflect.charts.reflections import draw_weekly_reflections

    draw_weekly_reflections(figure, data.weekly, style)


def _draw_practice(
    figure: Figure,
    data: TrendsData,
    style: ChartStyle,
    _c: str | None,
    _exposure: ExposureView | None = None,
) -> None:
    from reflect.charts.practice import draw_practice

    draw_practice(figure, data.practice, data.practice_period, style)


def _draw_stages(
    figure: Figure,
    data: TrendsData,
    style: ChartStyle,
    _c: str | None,
    _exposure: ExposureView | None = None,
) -> None:
    from reflect.charts.stages import draw_stages

    draw_stages(figure, data.stages, style)


def _draw_heavy(
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


def _draw_helped(
    figure: Figure,
    data: TrendsData,
    style: ChartStyle,
    _c: str | None,
    _exposure: ExposureView | None = None,
) -> None:
    from reflect.charts.helped import draw_helped

    draw_helped(figure, data.helped, data.helped_checkins, style)


def _draw_strengths(
    figure: Figure,
    data: TrendsData,
    style: ChartStyle,
    _c: str | None,
    _exposure: ExposureView | None = None,
) -> None:
    from reflect.charts.strengths import draw_strengths

    draw_strengths(figure, data.strengths, style)


# --- the Exposure tab (shifts and breaks come from services/exposure.py) ----------------------


def _draw_exposure(
    figure: Figure,
    data: TrendsData,
    style: ChartStyle,
    _choice: str | None,
    exposure: ExposureView | None = None,
) -> None:
    from reflect.charts.exposure import draw_exposure

    weeks, breaks = (exposure.weeks, exposure.breaks) if exposure else ([], [])
    draw_exposure(figure, weeks, breaks, data.category(OVERALL), style, strengths_of(data))


def latest_first(instruments: Sequence[InstrumentSeries]) -> list[InstrumentSeries]:
    """Questionnaires, the one taken most recently first (the tab opens on it)."""

    def last_taken(series: InstrumentSeries) -> datetime:
        return max((d for s in series.subscales for d in s.dates), default=datetime.min)

    return sorted(instruments, key=last_taken, reverse=True)


def _questionnaire_options(data: TrendsData) -> list[tuple[str, str]]:
    return [(i.instrument_id, i.name) for i in latest_first(data.instruments)]


def tab_has_data(key: str, data: TrendsData, choice: str | None) -> bool:
    """Whether the chart of ``key`` shows anything; an empty chart is not offered for export."""
    if key == "signs":
        series = data.category(choice or OVERALL)
        return series is not None and series.has_data
    if key == "questionnaires":
        found = [i for i in data.instruments if choice is None or i.instrument_id == choice]
        return any(s.values for i in found[:1] for s in i.subscales)
    if key == "reflections":
        return any(data.weekly.counts)
    if key == "practice":
        return any(series.means for series in data.practice)
    if key == "stages":
        return any(item.count for item in data.stages)
    if key == "heavy":
        return bool(data.heaviness.values)
    if key == "helped":
        return data.helped_checkins > 0 and any(item.count for item in data.helped)
    return True  # a chart this function does not know about stays exportable


TABS: tuple[TrendTab, ...] = (
    TrendTab(
        "signs",
        "Warning signs",
        _draw_signs,
        describe_signs,
        selector="Show:",
        options=lambda _data: SIGN_OPTIONS,
    ),
    TrendTab(
        "questionnaires",
        "Questionnaires",
        _draw_questionnaires,
        describe_questionnaires,
        selector="Questionnaire:",
        options=_questionnaire_options,
    ),
    TrendTab("reflections", "Reflections", _draw_reflections, describe_reflections),
    TrendTab("practice", "Practice", _draw_practice, describe_practice),
    TrendTab("stages", "Stages of change", _draw_stages, describe_stages, short="Stages"),
    TrendTab(
        "heavy",
        "Heavy days",
        _draw_heavy,
        describe_heavy,
        selector="Show:",
        options=lambda _data: HEAVY_OPTIONS,
        uses_exposure=lambda choice: choice == "exposure",
    ),
    TrendTab("helped", "What helped", _draw_helped, describe_helped),
    TrendTab(
        "strengths", "Strengths and strain", _draw_strengths, describe_strengths, short="Strengths"
    ),
    TrendTab(
        "exposure",
        "Exposure",
        _draw_exposure,
        describe_exposure,
        uses_exposure=lambda _choice: True,
    ),
)
TABS_BY_KEY = {tab.key: tab for tab in TABS}


def draw_tab(
    key: str,
    figure: Figure,
    data: TrendsData,
    style: ChartStyle,
    choice: str | None,
    exposure: ExposureView | None = None,
) -> None:
    """Draw the chart of tab ``key`` (raises KeyError for a key not in ``TABS``)."""
    TABS_BY_KEY[key].draw(figure, data, style, choice, exposure)


def describe_tab(
    key: str,
    data: TrendsData,
    choice: str | None,
    language: Words = ENGLISH,
    exposure: ExposureView | None = None,
) -> str:
    """The chart of ``key`` in a sentence or two, in the language of ``language``."""
    return TABS_BY_KEY[key].describe(data, choice, language, exposure)
