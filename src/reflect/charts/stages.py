"""How often each stage of change was met in the range (horizontal bars, read top down)."""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.figure import Figure

from reflect.charts import hover
from reflect.charts.style import (
    ChartStyle,
    empty_state,
    fit_labels,
    margins,
    prepare,
    style_axes,
    title,
)
from reflect.domain.trends import LabelledCount


def draw_stages(figure: Figure, counts: Sequence[LabelledCount], style: ChartStyle) -> None:
    w = style.words
    total = sum(c.count for c in counts)
    if total == 0:
        empty_state(
            figure,
            style,
            w("No stages of change noted in this range"),
            w(
                "When a reflection records the person's apparent stage of change, "
                "it is counted here."
            ),
        )
        return
    prepare(figure, style)
    title(
        figure,
        style,
        w("Stages of change I met"),
        w.plural(total, "{count} reflection noted a stage.", "{count} reflections noted a stage."),
    )
    ax = figure.subplots()
    style_axes(ax, style, grid_axis="x")
    labels = [w(c.label) for c in counts]
    positions = list(range(len(counts)))[::-1]  # the first stage on top
    bars = ax.barh(
        positions,
        [c.count for c in counts],
        color=style.colour(0),
        height=0.6,
        gid="stage-bars",
    )
    ticks, left = fit_labels(labels, style.font_size - 1, 170)
    ax.set_yticks(positions, ticks)
    ax.set_xlabel(w("Reflections"), fontsize=style.font_size - 1)
    ax.xaxis.get_major_locator().set_params(integer=True)
    largest = max(c.count for c in counts)
    for position, item in zip(positions, counts, strict=True):
        share = item.count / total * 100
        ax.text(
            item.count + largest * 0.01,
            position,
            " " + w("{count} ({percent}%)").format(count=item.count, percent=f"{share:.0f}"),
            va="center",
            fontsize=style.font_size - 1,
            color=style.text,
            gid="stage-value",
        )
    ax.set_xlim(0, largest * 1.2)
    hover.add_bars(
        figure,
        ax,
        bars,
        [
            f"{label}: " + w.plural(c.count, "{count} reflection", "{count} reflections")
            for label, c in zip(labels, counts, strict=True)
        ],
    )
    margins(figure, left=left, right=16, top=60, bottom=40)
