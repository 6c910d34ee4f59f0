"""Strengths and strain on one chart: two lines on the same 0-4 scale, never combined.

Compassion satisfaction and vicarious resilience are separate dimensions from the warning
signs, not their opposite, so the chart shows both lines side by side and never a
difference or a net score. Only check-ins that answered the strengths part are drawn.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from reflect.charts import hover
from reflect.charts.score_chart import close_score_chart, open_score_chart, score_words
from reflect.charts.style import ChartStyle, empty_state
from reflect.domain.strengths import BalancePoint

MIN_CHECKINS = 1
DOTS_UP_TO = 400


def draw_strengths(figure: Figure, points: Sequence[BalancePoint], style: ChartStyle) -> None:
    w = style.words
    shown = [p for p in points if p.strengths is not None]
    if len(shown) < MIN_CHECKINS:
        empty_state(
            figure,
            style,
            w("No strengths noted in this range"),
            w(
                "The check-in asks what the work gave back (satisfaction, growth, hope); "
                "the answers appear here beside your warning signs."
            ),
        )
        return
    ax = open_score_chart(
        figure,
        style,
        w("Strengths and strain"),
        w(
            "Both from 0 (not at all) to 4 (most of the time). Separate measures: "
            "one does not cancel the other."
        ),
    )
    strengths_line, strain_line = _two_lines(ax, shown, style)
    hover.add_points(
        figure, ax, strengths_line, _hover_text(shown, w("Strengths"), "strengths", style)
    )
    hover.add_points(
        figure, ax, strain_line, _hover_text(shown, w("Warning signs"), "strain", style)
    )
    close_score_chart(figure, ax, style)


def _two_lines(ax: Axes, shown: Sequence[BalancePoint], style: ChartStyle) -> tuple[Line2D, Line2D]:
    """Strengths solid, warning signs dashed: two measures side by side, never a difference."""
    w = style.words
    xs = [p.when for p in shown]
    marker = "o" if len(shown) <= DOTS_UP_TO else None
    size = 2.5 if len(shown) > 60 else 4.5
    (strengths_line,) = ax.plot(
        xs,
        [p.strengths for p in shown],
        color=style.colour(2),
        linewidth=1.8,
        marker=marker,
        markersize=size,
        label=w("Strengths"),
        gid="strengths-line",
    )
    (strain_line,) = ax.plot(
        xs,
        [float("nan") if p.strain is None else p.strain for p in shown],
        color=style.neutral,
        linewidth=1.6,
        linestyle="--",
        marker=marker,
        markersize=size,
        label=w("Warning signs"),
        gid="strain-line",
    )
    return strengths_line, strain_line


def _hover_text(
    shown: Sequence[BalancePoint], label: str, pick: str, style: ChartStyle
) -> Callable[[int], str]:
    w = style.words

    def text(index: int) -> str:
        point = shown[index]
        amount = score_words(w, getattr(point, pick))
        return f"{label}, {w.date(point.when, '%a %d %b %Y')}\n{amount}"

    return text
