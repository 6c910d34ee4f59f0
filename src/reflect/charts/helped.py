"""What helped: how often awareness, balance and connection helped "quite a bit" or more."""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.figure import Figure

from reflect.charts import hover
from reflect.charts.style import ChartStyle, empty_state, margins, prepare, style_axes, title
from reflect.domain.trends import LabelledCount


def draw_helped(
    figure: Figure, counts: Sequence[LabelledCount], answered: int, style: ChartStyle
) -> None:
    if answered == 0:
        empty_state(
            figure,
            style,
            "Nothing about what helped yet",
            "Check-ins ask what has been helping (awareness, balance, connection); "
            "the answers add up here.",
        )
        return
    prepare(figure, style)
    title(
        figure,
        style,
        "What helped",
        f"Check-ins (of {answered}) where each helped quite a bit or a lot; mean 0-4 beside it.",
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
    ax.set_yticks(positions, [c.label for c in counts])
    ax.set_xlabel("Check-ins", fontsize=style.font_size - 1)
    ax.xaxis.get_major_locator().set_params(integer=True)
    largest = max([c.count for c in counts] + [1])
    ax.set_xlim(0, largest * 1.3)
    texts = []
    for position, item in zip(positions, counts, strict=True):
        mean = "no answers" if item.mean is None else f"mean {item.mean:.1f} of 4"
        ax.text(
            item.count + largest * 0.01,
            position,
            f" {item.count} ({mean})",
            va="center",
            fontsize=style.font_size - 1,
            color=style.text,
            gid="helped-value",
        )
        texts.append(
            f"{item.label}: helped quite a bit or more in {item.count} of {answered} "
            f"check-ins ({mean})"
        )
    hover.add_bars(figure, ax, bars, texts)
    margins(figure, left=96, right=16, top=60, bottom=40)
