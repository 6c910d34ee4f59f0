"""Colours and type for every chart, in a light and a dark variant.

Series colours come from the Okabe-Ito palette, which stays distinguishable with the common
forms of colour blindness; lines also differ by marker so nothing relies on colour alone.
The dark variant swaps the colours that would sink into a dark background (deep blue, black)
for lighter ones. Text and grid colours follow the app theme passed in by the UI.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.transforms import Transform, offset_copy

from reflect.charts.text_fit import (
    legend_extra_height,
    legend_layout,
    text_height,
    text_width,
    wrap_to_width,
)
from reflect.domain.words import ENGLISH, Words

__all__ = ["text_width"]  # measured in text_fit, long used from here

OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "black": "#000000",
}
_LIGHT_SERIES = ("blue", "vermillion", "bluish_green", "reddish_purple", "orange", "sky_blue")
_DARK_SERIES = ("sky_blue", "orange", "bluish_green", "reddish_purple", "yellow", "vermillion")
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")


@dataclass(frozen=True)
class ChartStyle:
    dark: bool
    background: str
    text: str
    muted: str
    grid: str
    series: tuple[str, ...]
    neutral: str  # "overall" and the first line when only one is drawn
    heat_cmap: str = "YlOrBr"
    heat_span: tuple[float, float] = (0.08, 0.95)
    empty_cell: str = "#ebe9e4"
    font_size: float = 10.0
    # Texts and dates in the language in use (the ui passes them; English by default).
    words: Words = ENGLISH

    @property
    def heavier_word(self) -> str:
        return self.words("Brighter" if self.heat_cmap.endswith("_r") else "Darker")

    def colour(self, index: int) -> str:
        return self.series[index % len(self.series)]

    def marker(self, index: int) -> str:
        return MARKERS[index % len(MARKERS)]


def chart_style(
    dark: bool = False,
    background: str | None = None,
    text: str | None = None,
    muted: str | None = None,
    words: Words | None = None,
) -> ChartStyle:
    """The light or dark style; the UI passes its palette colours so charts sit on the page,
    and the words of its language (English when ``words`` is None)."""
    style = _chart_style(dark, background, text, muted)
    return style if words is None else replace(style, words=words)


def _chart_style(
    dark: bool, background: str | None, text: str | None, muted: str | None
) -> ChartStyle:
    if dark:
        return ChartStyle(
            dark=True,
            background=background or "#1e2124",
            text=text or "#e8e6e3",
            muted=muted or "#a8b0b8",
            grid="#3d4349",
            series=tuple(OKABE_ITO[name] for name in _DARK_SERIES),
            neutral="#e8e6e3",
            empty_cell="#2f3438",
            # On a dark page the heaviest days should stand out, so they are the brightest.
            heat_cmap="YlOrBr_r",
            heat_span=(0.3, 0.97),  # calm days stay clearly apart from empty (grey) ones
        )
    return ChartStyle(
        dark=False,
        background=background or "#ffffff",
        text=text or "#1f2328",
        muted=muted or "#57606a",
        grid="#dcd9d2",
        series=tuple(OKABE_ITO[name] for name in _LIGHT_SERIES),
        neutral="#1f2328",
        empty_cell="#ebe9e4",
    )


def prepare(figure: Figure, style: ChartStyle) -> None:
    """Clear the figure for a fresh drawing in ``style``."""
    # Figure.clear() first clears every axes and then throws it away; dropping the axes
    # straight away is the same result for a third of the time on each range change.
    for ax in tuple(figure.axes):
        figure.delaxes(ax)
    figure.artists, figure.lines, figure.patches = [], [], []
    figure.texts, figure.images, figure.legends = [], [], []
    figure.set_facecolor(style.background)
    forget_hover(figure)


def style_axes(ax: Axes, style: ChartStyle, *, grid_axis: str = "y") -> None:
    ax.set_facecolor(style.background)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color(style.muted)
    ax.tick_params(colors=style.text, labelsize=style.font_size - 1, which="both")
    ax.xaxis.label.set_color(style.text)
    ax.yaxis.label.set_color(style.text)
    ax.title.set_color(style.text)
    if grid_axis:
        ax.grid(True, axis=grid_axis, color=style.grid, linewidth=0.8)
        ax.set_axisbelow(True)


_EDGE = 8.0  # points between the title and the figure's left edge (kept on the right too)


def _from_top(figure: Figure, points: float) -> Transform:
    return offset_copy(figure.transFigure, fig=figure, x=_EDGE, y=-points, units="points")


def title(figure: Figure, style: ChartStyle, text: str, subtitle: str = "") -> None:
    """A plain-language title on top, with an optional line that explains how to read it.

    Placed a fixed number of points from the top, so a tall or short canvas keeps the same
    spacing (figure fractions would drift apart on a tall figure). A title wider than the
    figure (a long imported questionnaire name, in French) breaks between words; the
    subtitle and, through ``margins``, the plot move down by the lines it added.
    """
    size = style.font_size + 3
    drawn = figure.text(
        0,
        1,
        wrap_to_width(text, size, figure.get_figwidth() * 72 - 2 * _EDGE),
        ha="left",
        va="top",
        fontsize=size,
        color=style.text,
        transform=_from_top(figure, 6),
        gid="chart-title",
    )
    drawn.set_label(text)  # the whole title, without the breaks, for chart_title
    if subtitle:
        figure.text(
            0,
            1,
            subtitle,
            ha="left",
            va="top",
            fontsize=style.font_size - 0.5,
            color=style.muted,
            transform=_from_top(figure, 26 + title_extra(figure)),
            gid="chart-subtitle",
            wrap=True,  # a long line (French) breaks at the figure's edge instead of running off
        )


def title_extra(figure: Figure) -> float:
    """The points the title's second and later lines take (0 for a one-line title)."""
    for text in figure.texts:
        if text.get_gid() == "chart-title" and "\n" in text.get_text():
            size = text.get_fontproperties().get_size_in_points()
            first = text.get_text().split("\n", 1)[0]
            return text_height(figure, text.get_text(), size) - text_height(figure, first, size)
    return 0.0


def chart_title(figure: Figure) -> str:
    """The title drawn by ``title`` (or the empty-state heading), for tests and exports."""
    for text in figure.texts:
        if text.get_gid() == "chart-title":
            return str(text.get_label()) or text.get_text()
        if text.get_gid() == "empty-heading":
            return text.get_text()
    return ""


def margins(
    figure: Figure, *, left: float, right: float, top: float, bottom: float, **spacing: float
) -> None:
    """Margins in points, so labels keep their room however the canvas is resized; ``top``
    is for a one-line title and grows by the lines a long title broke onto."""
    width, height = figure.get_figwidth() * 72, figure.get_figheight() * 72
    top += title_extra(figure)
    figure.subplots_adjust(
        left=min(0.45, left / width),
        right=max(0.55, 1 - right / width),
        top=max(0.45, 1 - top / height),
        bottom=min(0.4, bottom / height),
        **spacing,
    )


def fit_labels(labels: Sequence[str], size: float, room: float) -> tuple[list[str], float]:
    """Bar labels for a left margin of ``room`` points: a label too wide goes on two lines
    (French runs about a fifth longer than English). Returns the labels and the margin they
    need, never less than ``room``."""
    import textwrap

    fitted = []
    for label in labels:
        if text_width(label, size) > room - 14:
            lines = textwrap.wrap(label, max(12, len(label) // 2 + 4))
            label = "\n".join(lines) if len(lines) == 2 else label
        fitted.append(label)
    widest = max((text_width(label, size) for label in fitted), default=0.0)
    return fitted, max(room, widest + 14)


def legend(ax: Axes, style: ChartStyle, **kwargs: object) -> None:
    found = ax.legend(frameon=False, fontsize=style.font_size - 1, labelcolor=style.text, **kwargs)  # type: ignore[arg-type]
    if found is not None:
        found.set_gid("legend")


def legend_above(figure: Figure, ax: Axes, style: ChartStyle, *, right: float, most: int) -> float:
    """The legend above the plot, right-aligned with it, in as many columns as fit the
    figure (at most ``most``; long labels wrapped when one column is too wide). ``right`` is
    the right margin in points. Returns the height it needs beyond one row, for the top margin.
    """
    handles, labels = ax.get_legend_handles_labels()
    if not labels:
        return 0.0
    size = style.font_size - 1
    room = figure.get_figwidth() * 72 - right - _EDGE
    fitted, columns = legend_layout(labels, size, room, most)
    legend(
        ax,
        style,
        handles=handles,
        labels=fitted,
        loc="lower right",
        bbox_to_anchor=(1.0, 1.0),
        borderaxespad=0.1,
        ncols=columns,
    )
    return legend_extra_height(figure, fitted, columns, size)


# Month names go through strftime as numbered marks and are filled in afterwards, so they
# follow ``Words`` rather than the process locale (Qt sets it from the system on Linux).
_MONTH_MARK = re.compile("\u27e8(\\d\\d)\u27e9")  # ⟨11⟩
_DAY_MARK = re.compile("\u27ea0?(\\d+)\u27eb")  # ⟪05⟫: a day without its leading zero
_FORMATS = ["%Y", "%b", "%d", "%H:%M", "%H:%M", "%S.%f"]
_ZERO_FORMATS = ["", "%Y", "%b", "%b-%d", "%H:%M", "%H:%M"]  # matplotlib's own
_OFFSET_FORMATS = ["", "%Y", "%Y-%b", "%Y-%b-%d", "%Y-%b-%d", "%Y-%b-%d %H:%M"]
# The day before the month, for languages that write "5 nov. 2026".
_DAY_FIRST_ZERO_FORMATS = ["", "%Y", "%b", "%-d %b", "%H:%M", "%H:%M"]
_DAY_FIRST_OFFSET_FORMATS = ["", "%Y", "%b %Y", "%-d %b %Y", "%-d %b %Y", "%-d %b %Y %H:%M"]


def _marked(formats: Sequence[str]) -> list[str]:
    return [f.replace("%b", "\u27e8%m\u27e9").replace("%-d", "\u27ea%d\u27eb") for f in formats]


def date_formatter(locator: object, words: Words) -> object:
    """matplotlib's ConciseDateFormatter, with the month names of ``words``."""
    from matplotlib.dates import ConciseDateFormatter

    def fill(text: str) -> str:
        text = _MONTH_MARK.sub(lambda m: words.months[int(m.group(1)) - 1], text)
        return _DAY_MARK.sub(r"\1", text)

    class LocalDateFormatter(ConciseDateFormatter):
        def format_ticks(self, values):  # type: ignore[no-untyped-def]
            labels = super().format_ticks(values)
            self._offset_string = fill(self._offset_string)
            return [fill(label) for label in labels]

    day_first = words.day_first
    return LocalDateFormatter(
        locator,
        formats=_marked([f.replace("%d", "%-d") for f in _FORMATS] if day_first else _FORMATS),
        zero_formats=_marked(_DAY_FIRST_ZERO_FORMATS if day_first else _ZERO_FORMATS),
        offset_formats=_marked(_DAY_FIRST_OFFSET_FORMATS if day_first else _OFFSET_FORMATS),
    )


def date_axis(ax: Axes, style: ChartStyle) -> None:
    """Short, unambiguous date ticks (Mar, Apr … with the year once) that never overlap, with
    the month names of ``style.words``."""
    from matplotlib.dates import AutoDateLocator

    locator = AutoDateLocator(minticks=3, maxticks=7)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(date_formatter(locator, style.words))  # type: ignore[arg-type]
    ax.xaxis.get_offset_text().set_color(style.muted)


def empty_state(figure: Figure, style: ChartStyle, heading: str, message: str) -> None:
    """A friendly message in place of a chart that has too little to show.

    The heading and its message sit together around the middle, a few points apart: as
    figure fractions they drifted a hand's width apart on a tall canvas.
    """
    prepare(figure, style)
    figure.text(
        0.5,
        0.55,
        heading,
        ha="center",
        va="bottom",
        transform=offset_copy(figure.transFigure, fig=figure, y=4, units="points"),
        fontsize=style.font_size + 3,
        color=style.text,
        gid="empty-heading",
    )
    figure.text(
        0.5,
        0.55,
        message,
        ha="center",
        va="top",
        transform=offset_copy(figure.transFigure, fig=figure, y=-8, units="points"),
        fontsize=style.font_size,
        color=style.muted,
        wrap=True,
        gid="empty-message",
    )


def is_empty_state(figure: Figure) -> bool:
    return any(t.get_gid() == "empty-heading" for t in figure.texts)


def forget_hover(figure: Figure) -> None:
    from reflect.charts.hover import clear_targets

    clear_targets(figure)
