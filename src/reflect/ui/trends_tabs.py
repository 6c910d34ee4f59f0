"""The Trends tabs, one entry each: adding a tab is adding one ``TrendTab`` to ``TABS``.

Each entry names its chart (``draw``), its sentence or two for screen readers and the
summary line (``describe``), when the tab has a selector its choices (``options``), and
whether a choice needs the shifts and breaks logged for the range (``uses_exposure``).
Labels are English; the screen translates them. The drawing functions live in
trends_tab_charts.py and the describing ones in trends_tab_descriptions.py.
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
from reflect.ui.trends_tab_charts import (
    draw_exposure_tab,
    draw_heavy_tab,
    draw_helped_tab,
    draw_practice_tab,
    draw_questionnaires_tab,
    draw_reflections_tab,
    draw_signs_tab,
    draw_stages_tab,
    draw_strengths_tab,
    exposure_calendar,
    strengths_of,
)
from reflect.ui.trends_tab_descriptions import (
    describe_exposure_tab,
    describe_heavy_tab,
    describe_helped_tab,
    describe_practice_tab,
    describe_questionnaires_tab,
    describe_reflections_tab,
    describe_signs_tab,
    describe_stages_tab,
    describe_strengths_tab,
)

__all__ = [  # exposure_calendar and strengths_of were defined here before the split
    "HEAVY_OPTIONS",
    "SIGN_OPTIONS",
    "TABS",
    "TABS_BY_KEY",
    "TrendTab",
    "describe_tab",
    "draw_tab",
    "exposure_calendar",
    "latest_first",
    "strengths_of",
    "tab_has_data",
]

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


def latest_first(instruments: Sequence[InstrumentSeries]) -> list[InstrumentSeries]:
    """Questionnaires, the one taken most recently first (the tab opens on it)."""

    def last_taken(series: InstrumentSeries) -> datetime:
        return max((d for s in series.subscales for d in s.dates), default=datetime.min)

    return sorted(instruments, key=last_taken, reverse=True)


def _questionnaire_options(data: TrendsData) -> list[tuple[str, str]]:
    return [(i.instrument_id, i.name) for i in latest_first(data.instruments)]


def exposure_has_data(exposure: ExposureView | None) -> bool:
    """Whether shifts, breaks or logged days give an exposure chart anything to show (with
    none it shows its empty state, which is not offered for export)."""
    if exposure is None:
        return False
    return bool(exposure.daily or exposure.breaks) or any(w.shifts for w in exposure.weeks)


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
    # The Exposure chart's bars come from the shift log alone (exposure_has_data); a chart
    # this function does not know about stays exportable.
    return key != "exposure"


TABS: tuple[TrendTab, ...] = (
    TrendTab(
        "signs",
        "Warning signs",
        draw_signs_tab,
        describe_signs_tab,
        selector="Show:",
        options=lambda _data: SIGN_OPTIONS,
    ),
    TrendTab(
        "questionnaires",
        "Questionnaires",
        draw_questionnaires_tab,
        describe_questionnaires_tab,
        selector="Questionnaire:",
        options=_questionnaire_options,
    ),
    TrendTab("reflections", "Reflections", draw_reflections_tab, describe_reflections_tab),
    TrendTab("practice", "Practice", draw_practice_tab, describe_practice_tab),
    TrendTab("stages", "Stages of change", draw_stages_tab, describe_stages_tab, short="Stages"),
    TrendTab(
        "heavy",
        "Heavy days",
        draw_heavy_tab,
        describe_heavy_tab,
        selector="Show:",
        options=lambda _data: HEAVY_OPTIONS,
        uses_exposure=lambda choice: choice == "exposure",
    ),
    TrendTab("helped", "What helped", draw_helped_tab, describe_helped_tab),
    TrendTab(
        "strengths",
        "Strengths and strain",
        draw_strengths_tab,
        describe_strengths_tab,
        short="Strengths",
    ),
    TrendTab(
        "exposure",
        "Exposure",
        draw_exposure_tab,
        describe_exposure_tab,
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
