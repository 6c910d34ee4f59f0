"""What to say when the pointer rests on a chart: exact values, without any GUI toolkit.

Charts register hover targets on their figure; the Qt canvas asks ``hover_at`` with pixel
coordinates and shows the answer. Keeping the lookup here makes it testable without Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from matplotlib.axes import Axes
from matplotlib.container import BarContainer
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

NEAR_PIXELS = 10.0
_ATTRIBUTE = "_reflect_hover_targets"

# (x pixels, y pixels) -> (text, anchor in data coordinates) or None
Lookup = Callable[[float, float], "tuple[str, tuple[float, float]] | None"]


@dataclass(frozen=True)
class HoverTarget:
    ax: Axes
    lookup: Lookup


def _targets(figure: Figure) -> list[HoverTarget]:
    found = getattr(figure, _ATTRIBUTE, None)
    if found is None:
        found = []
        setattr(figure, _ATTRIBUTE, found)
    return found


def clear_targets(figure: Figure) -> None:
    setattr(figure, _ATTRIBUTE, [])


def add_points(
    figure: Figure, ax: Axes, line: Line2D, texts: Sequence[str] | Callable[[int], str]
) -> None:
    """Hovering near a point of ``line`` shows its text.

    ``texts`` may be a function of the point's index: ten years of daily points would
    otherwise format thousands of strings on every redraw for the one that is hovered.
    """
    text_for = texts if callable(texts) else texts.__getitem__

    def lookup(x: float, y: float) -> tuple[str, tuple[float, float]] | None:
        data = np.asarray(line.get_xydata(), dtype=float)
        if not len(data):
            return None
        pixels = ax.transData.transform(data)
        distance = np.hypot(pixels[:, 0] - x, pixels[:, 1] - y)
        distance[np.isnan(distance)] = np.inf
        index = int(np.argmin(distance))
        if distance[index] > NEAR_PIXELS:
            return None
        return text_for(index), (float(data[index, 0]), float(data[index, 1]))

    _targets(figure).append(HoverTarget(ax, lookup))


def add_bars(figure: Figure, ax: Axes, bars: BarContainer, texts: Sequence[str]) -> None:
    """Hovering over a bar shows its text."""

    def lookup(x: float, y: float) -> tuple[str, tuple[float, float]] | None:
        for patch, text in zip(bars.patches, texts, strict=False):
            box = patch.get_window_extent()
            # Thin bars (a zero count) still answer within a few pixels.
            if (
                box.x0 - 2 <= x <= box.x1 + 2
                and min(box.y0, box.y1) - 3 <= y <= max(box.y0, box.y1) + 3
            ):
                centre = ax.transData.inverted().transform(((box.x0 + box.x1) / 2, box.y1))
                return text, (float(centre[0]), float(centre[1]))
        return None

    _targets(figure).append(HoverTarget(ax, lookup))


def add_grid(figure: Figure, ax: Axes, lookup_cell: Callable[[float, float], str | None]) -> None:
    """Hovering over a cell of an image or mesh; ``lookup_cell`` gets data coordinates."""

    def lookup(x: float, y: float) -> tuple[str, tuple[float, float]] | None:
        data_x, data_y = ax.transData.inverted().transform((x, y))
        text = lookup_cell(float(data_x), float(data_y))
        return None if text is None else (text, (float(data_x), float(data_y)))

    _targets(figure).append(HoverTarget(ax, lookup))


def hover_at(figure: Figure, x: float, y: float) -> tuple[Axes, str, tuple[float, float]] | None:
    """The text for the pixel (x, y) in display coordinates (origin bottom left), if any."""
    for target in _targets(figure):
        if not target.ax.get_visible() or not target.ax.contains_point((x, y)):
            continue
        found = target.lookup(x, y)
        if found is not None:
            return target.ax, found[0], found[1]
    return None


def target_count(figure: Figure) -> int:
    return len(_targets(figure))
