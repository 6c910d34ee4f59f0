"""Chart words stay inside the chart when a language is longer than English (French often is)
and the window is at its smallest: the subtitle breaks onto a second line, and the numbers
beside the bars of What helped keep their room at the right edge."""

from __future__ import annotations

from dataclasses import replace

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from reflect.charts.helped import draw_helped
from reflect.charts.style import chart_style, title
from reflect.domain.trends import LabelledCount
from reflect.domain.words import Words

# Every text about twice as long, as French sentences often are.
LONG = Words(translate=lambda text: f"{text} {text}")
HELPED = [
    LabelledCount("awareness", "Awareness", 14, 2.6),
    LabelledCount("balance", "Balance", 11, 2.5),
    LabelledCount("connection", "Connection", 15, 2.6),
]


def _small_figure() -> Figure:
    figure = Figure(figsize=(6.2, 2.9), dpi=96)  # the chart's room in the smallest window
    FigureCanvasAgg(figure)
    return figure


def _outside(figure: Figure, gid: str) -> list[str]:
    renderer = figure.canvas.get_renderer()
    figure.canvas.draw()
    box = figure.bbox
    found = [
        text
        for text in figure.findobj(lambda a: getattr(a, "get_gid", None) and a.get_gid() == gid)
    ]
    assert found, f"no text with gid {gid}"
    return [text.get_text() for text in found if text.get_window_extent(renderer).x1 > box.x1 + 0.5]


@pytest.mark.parametrize("words", [None, LONG], ids=["english", "longer"])
def test_what_helped_numbers_stay_inside_the_chart(words):
    figure = _small_figure()
    draw_helped(figure, HELPED, 25, chart_style(False, words=words))
    assert _outside(figure, "helped-value") == []


def test_a_long_subtitle_breaks_instead_of_running_off():
    figure = _small_figure()
    style = replace(chart_style(False))
    subtitle = "0 = not at all, 4 = most of the time. Shaded: about your usual " * 2
    title(figure, style, "Warning signs over time", subtitle.strip())
    assert _outside(figure, "chart-subtitle") == []
