"""Chart words measured in points, so a long title or legend keeps to the figure.

The width of a text is read from the font (``TextToPath``), without drawing: the layout is
set before the canvas renders, and a draw-time wrap (``Text(wrap=True)``) would break the line
at the figure's edge without telling the margins, so what followed it would overlap.
"""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.figure import Figure
from matplotlib.text import Text

# No glyph of the chart font is wider than this many font sizes, so a text with fewer
# characters than room / (size * _WIDEST) fits without measuring it.
_WIDEST = 1.25


def text_width(text: str, size: float) -> float:
    """The width in points of ``text`` (its longest line) at font ``size``, without drawing."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextToPath

    measure = TextToPath()
    font = FontProperties(size=size)
    return max(
        (
            measure.get_text_width_height_descent(line, font, ismath=False)[0]
            for line in text.split("\n")
        ),
        default=0.0,
    )


def text_height(figure: Figure, text: str, size: float) -> float:
    """The height in points matplotlib gives ``text`` (all its lines) at font ``size``.

    Measured with the figure's renderer: a second line adds the font's line gap as well as
    its height, which a rule of thumb got wrong by a few points a line.
    """
    probe = Text(text=text, fontsize=size)
    probe.set_figure(figure)
    box = probe.get_window_extent(figure._get_renderer())  # type: ignore[attr-defined]
    return float(box.height) * 72 / figure.dpi


def surely_fits(text: str, size: float, room: float) -> bool:
    """True when ``text`` fits ``room`` points whatever its letters (no measuring needed)."""
    return len(text) * size * _WIDEST <= room


def wrap_to_width(text: str, size: float, room: float) -> str:
    """``text`` broken between words into lines no wider than ``room`` points; a single word
    wider than that is broken between letters. A text that fits comes back unchanged."""
    if surely_fits(text, size, room) or text_width(text, size) <= room:
        return text
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}" if current else word
        if text_width(trial, size) <= room:
            current = trial
            continue
        if current:
            lines.append(current)
        current = word
        while len(current) > 1 and text_width(current, size) > room:
            cut = _letters_that_fit(current, size, room)
            lines.append(current[:cut])
            current = current[cut:]
    lines.append(current)
    return "\n".join(lines)


def _letters_that_fit(word: str, size: float, room: float) -> int:
    cut = len(word) - 1
    while cut > 1 and text_width(word[:cut], size) > room:
        cut -= 1
    return cut


# matplotlib's legend spacing, in font sizes (rcParams legend.* defaults).
_HANDLE, _HANDLE_PAD, _COLUMN_GAP, _BORDER_PAD, _ROW_GAP = 2.0, 0.8, 2.0, 0.4, 0.5


def legend_layout(
    labels: Sequence[str], size: float, room: float, most: int
) -> tuple[list[str], int]:
    """Columns for a legend of ``labels`` at font ``size`` within ``room`` points: as many as
    fit (at most ``most``), long labels wrapped when even one column is too wide. Returns the
    labels and the number of columns."""
    most = max(1, min(most, len(labels)))
    if surely_fits("".join(labels), size, room - _spacing(most, size)):
        return list(labels), most
    widths = [text_width(label, size) for label in labels]
    for columns in range(most, 0, -1):
        if _legend_width(widths, columns, size) <= room:
            return list(labels), columns
    text_room = room - _spacing(1, size)
    return [wrap_to_width(label, size, text_room) for label in labels], 1


def _spacing(columns: int, size: float) -> float:
    handles = columns * (_HANDLE + _HANDLE_PAD)
    return size * (handles + (columns - 1) * _COLUMN_GAP + 2 * _BORDER_PAD)


def _chunks(count: int, columns: int) -> list[range]:
    """Which entries go in each column: matplotlib fills the first columns with one more."""
    per, spare = divmod(count, columns)
    out, start = [], 0
    for column in range(columns):
        size = per + (1 if column < spare else 0)
        out.append(range(start, start + size))
        start += size
    return [chunk for chunk in out if chunk]


def _legend_width(widths: Sequence[float], columns: int, size: float) -> float:
    chunks = _chunks(len(widths), columns)
    text = sum(max(widths[i] for i in chunk) for chunk in chunks)
    return text + _spacing(len(chunks), size)


def legend_extra_height(figure: Figure, labels: Sequence[str], columns: int, size: float) -> float:
    """How much taller than one row of one-line labels the legend is, in points."""
    chunks = _chunks(len(labels), columns)
    if len(chunks[0]) == 1 and not any("\n" in label for label in labels):
        return 0.0  # the usual case, measured for nothing
    # Filled column by column: a row is as tall as the tallest label in it.
    heights = [
        max(text_height(figure, labels[chunk[row]], size) for chunk in chunks if row < len(chunk))
        for row in range(len(chunks[0]))
    ]
    one_row = text_height(figure, "x", size)
    return sum(heights) + (len(heights) - 1) * size * _ROW_GAP - one_row
