"""Checks that a chart's words fit its figure, with matplotlib's own renderer: every text
inside the figure, and the title, subtitle, legend and plot stacked without overlapping."""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.transforms import Bbox


def box_of(figure: Figure, gid: str) -> Bbox | None:
    renderer = figure.canvas.get_renderer()
    found = [a for a in figure.findobj() if a.get_gid() == gid]
    return found[0].get_window_extent(renderer) if found else None


def _undrawn_tick_labels(figure: Figure) -> set[int]:
    """Tick labels matplotlib keeps but does not draw (their tick is outside the view)."""
    skipped = set()
    for ax in figure.axes:
        for axis in (ax.xaxis, ax.yaxis):
            low, high = sorted(axis.get_view_interval())
            for tick in axis.get_major_ticks() + axis.get_minor_ticks():
                if not low - 1e-9 <= tick.get_loc() <= high + 1e-9:
                    skipped.update((id(tick.label1), id(tick.label2)))
    return skipped


def cut_chart_texts(figure: Figure) -> list[str]:
    """The texts that reach past an edge of the figure."""
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()
    edge = figure.bbox.padded(0.5)
    undrawn = _undrawn_tick_labels(figure)
    cut = []
    for text in figure.findobj(Text):
        if not text.get_visible() or not text.get_text().strip() or id(text) in undrawn:
            continue
        box = text.get_window_extent(renderer)
        inside = edge.x0 <= box.x0 and box.x1 <= edge.x1 and edge.y0 <= box.y0 and box.y1 <= edge.y1
        if not inside:
            cut.append(text.get_text())
    return cut


def overlaps_on_top(figure: Figure) -> list[str]:
    """Title, subtitle, a legend above the plot, and the plot from top to bottom, each wholly
    below the one above (a legend inside a plot is left where the chart put it)."""
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()
    plot = max((ax.get_window_extent(renderer) for ax in figure.axes), key=lambda box: box.y1)
    legend = box_of(figure, "legend")
    if legend is not None and (legend.y0 + legend.y1) / 2 < plot.y1:
        legend = None
    stack = [
        ("title", box_of(figure, "chart-title")),
        ("subtitle", box_of(figure, "chart-subtitle")),
        ("legend", legend),
        ("plot", plot),
    ]
    present = [(name, box) for name, box in stack if box is not None]
    return [
        f"{upper} over {lower}"
        for (upper, above), (lower, below) in zip(present, present[1:], strict=False)
        if above.y0 < below.y1 - 0.5
    ]
