"""What helped: how often awareness, balance and connection helped "quite a bit" or more."""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.axes import Axes
from matplotlib.figure import Figure

from reflect.charts import hover
from reflect.charts.style import (
    ChartStyle,
    empty_state,
    fit_labels,
    margins,
    prepare,
    style_axes,
    text_width,
    title,
)
from reflect.domain.trends import LabelledCount


def draw_helped(
    figure: Figure, counts: Sequence[LabelledCount], answered: int, style: ChartStyle
) -> None:
    w = style.words
    if answered == 0:
        empty_state(
            figure,
            style,
            w("Nothing about what helped yet"),
            w(
                "Check-ins ask what has been helping (awareness, balance, connection); "
                "the answers add up here."
            ),
        )
        return
    prepare(figure, style)
    title(
        figure,
        style,
        w("What helped"),
        w(
            "Check-ins (of {answered}) where each helped quite a bit or a lot; mean 0-4 beside it."
        ).format(answered=answered),
    )
    ax = figure.subplots()
    style_axes(ax, style, grid_axis="x")
    positions = list(range(len(counts)))[::-1]
    bars = ax.barh(
        positions,
        [c.count for c in counts],
        color=style.colour(2),
        height=0.55,
        gid="helped-bars",
    )
    ticks, left = fit_labels([w(c.label) for c in counts], style.font_size - 1, 96)
    ax.set_yticks(positions, ticks)
    ax.set_xlabel(w("Check-ins"), fontsize=style.font_size - 1)
    ax.xaxis.get_major_locator().set_params(integer=True)
    largest = max([c.count for c in counts] + [1])
    ax.set_xlim(0, largest * 1.05)
    texts, widest = _value_labels(ax, positions, counts, largest, answered, style)
    hover.add_bars(figure, ax, bars, texts)
    # The longest bar's label runs past the axes: the right margin is as wide as the widest
    # label (the French one is twice the English), so it is never cut off at the edge.
    margins(figure, left=left, right=max(16.0, widest + 8), top=60, bottom=40)


def _value_labels(
    ax: Axes,
    positions: list[int],
    counts: Sequence[LabelledCount],
    largest: int,
    answered: int,
    style: ChartStyle,
) -> tuple[list[str], float]:
    """Each bar's count and mean beside it; returns the hover text of each bar and the
    width in points of the widest label."""
    w = style.words
    texts = []
    widest = 0.0
    for position, item in zip(positions, counts, strict=True):
        mean = (
            w("no answers")
            if item.mean is None
            else w("mean {mean} of 4").format(mean=w.num(item.mean))
        )
        label = f" {item.count} ({mean})"
        widest = max(widest, text_width(label, style.font_size - 1))
        ax.text(
            item.count + largest * 0.01,
            position,
            label,
            va="center",
            fontsize=style.font_size - 1,
            color=style.text,
            gid="helped-value",
        )
        texts.append(
            w(
                "{label}: helped quite a bit or more in {count} of {answered} check-ins ({mean})"
            ).format(label=w(item.label), count=item.count, answered=answered, mean=mean)
        )
    return texts, widest
