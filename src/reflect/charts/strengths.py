"""Strengths and strain on one chart: two lines on the same 0-4 scale, never combined.

Compassion satisfaction and vicarious resilience are separate dimensions from the warning
signs, not their opposite, so the chart shows both lines side by side and never a
difference or a net score. Only check-ins that answered the strengths part are drawn.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from matplotlib.figure import Figure

from reflect.charts import hover
from reflect.charts.style import (
    ChartStyle,
    date_axis,
    empty_state,
    legend,
    margins,
    prepare,
    style_axes,
    title,
)
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
    prepare(figure, style)
    title(
        figure,
        style,
        w("Strengths and strain"),
        w(
            "Both from 0 (not at all) to 4 (most of the time). Separate measures: "
            "one does not cancel the other."
        ),
    )
    ax = figure.subplots()
    style_axes(ax, style)
    xs = [p.when for p in shown]
    marker = "o" if len(shown) <= DOTS_UP_TO else None
    size = 2.5 if len(shown) > 60 else 4.5
    strengths_label, strain_label = w("Strengths"), w("Warning signs")
    (strengths_line,) = ax.plot(
        xs,
        [p.strengths for p in shown],
        color=style.colour(2),
        linewidth=1.8,
        marker=marker,
        markersize=size,
        label=strengths_label,
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
        label=strain_label,
        gid="strain-line",
    )

    def text_for(label: str, pick: str) -> Callable[[int], str]:
        def text(index: int) -> str:
            point = shown[index]
            value = getattr(point, pick)
            amount = (
                w("{value} of 4").format(value=w.num(value))
                if value is not None
                else w("not answered")
            )
            return f"{label}, {w.date(point.when, '%a %d %b %Y')}\n{amount}"

        return text

    hover.add_points(figure, ax, strengths_line, text_for(strengths_label, "strengths"))
    hover.add_points(figure, ax, strain_line, text_for(strain_label, "strain"))
    ax.set_ylim(-0.1, 4.1)
    ax.set_yticks([0, 1, 2, 3, 4])
    ax.set_ylabel(w("Score (0-4)"), fontsize=style.font_size - 1)
    date_axis(ax, style)
    legend(ax, style, loc="lower right", bbox_to_anchor=(1.0, 1.0), ncols=2, borderaxespad=0.1)
    margins(figure, left=52, right=16, top=84, bottom=34)
