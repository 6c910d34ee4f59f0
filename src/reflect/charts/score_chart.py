"""The frame shared by the charts that draw 0-4 scores over time (warning signs, strengths).

Both charts open the same way (title, one axes) and close the same way (the 0-4 scale, the
date axis, the legend above the plot), so the two read alike and change together.
"""

from __future__ import annotations

from matplotlib.axes import Axes
from matplotlib.figure import Figure

from reflect.charts.style import (
    ChartStyle,
    date_axis,
    legend_above,
    margins,
    prepare,
    style_axes,
    title,
)
from reflect.domain.words import Words


def open_score_chart(figure: Figure, style: ChartStyle, heading: str, subtitle: str) -> Axes:
    """A fresh figure with its title and the one axes the lines go on."""
    prepare(figure, style)
    title(figure, style, heading, subtitle)
    ax = figure.subplots()
    style_axes(ax, style)
    return ax


def close_score_chart(figure: Figure, ax: Axes, style: ChartStyle) -> None:
    """The 0-4 scale, the date axis and the legend above the plot."""
    ax.set_ylim(-0.1, 4.1)
    ax.set_yticks([0, 1, 2, 3, 4])
    ax.set_ylabel(style.words("Score (0-4)"), fontsize=style.font_size - 1)
    date_axis(ax, style)
    taller = legend_above(figure, ax, style, right=16, most=2)
    margins(figure, left=52, right=16, top=84 + taller, bottom=34)


def score_words(w: Words, value: float | None) -> str:
    """A score as the hover says it: "2.5 of 4", or that it was not answered."""
    return w("{value} of 4").format(value=w.num(value)) if value is not None else w("not answered")
