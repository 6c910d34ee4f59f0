"""A calendar of heavy days: one square per day, weeks as columns, Monday on top.

Colour is the heaviest thing recorded that day (a check-in's overall score or a reflection's
intensity, both as a share of their scale). The colour map gets darker as days get heavier,
which reads the same with any form of colour blindness; days with nothing recorded stay a
plain background tone rather than "light".
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import numpy as np
from matplotlib.axes import Axes
from matplotlib.collections import QuadMesh
from matplotlib.colors import ListedColormap
from matplotlib.figure import Figure

from reflect.charts import hover
from reflect.charts.style import ChartStyle, empty_state, margins, prepare, title
from reflect.domain.trends import DailyHeaviness, week_start
from reflect.domain.words import ENGLISH, Words

WEEKDAYS = ENGLISH.weekdays  # the rows' names in English; a chart uses its style's words


WEEK_LABELS_UP_TO = 9
NOTHING_RECORDED = -1.0  # a day in the range with nothing on it (drawn grey)


def calendar_grid(heaviness: DailyHeaviness) -> tuple[np.ndarray, date]:
    """A 7 x weeks array and the Monday of column 0.

    Days in the range hold their heaviness (0-1) or ``NOTHING_RECORDED``; days of the first
    and last week that fall outside the range (such as the rest of this week) are NaN and
    left blank, so they do not read as days when nothing was recorded.
    """
    first = week_start(heaviness.start)
    weeks = (heaviness.end - first).days // 7 + 1
    grid = np.full((7, weeks), np.nan)
    for offset in range((heaviness.start - first).days, (heaviness.end - first).days + 1):
        grid[offset % 7, offset // 7] = NOTHING_RECORDED
    for day, value in heaviness.values.items():
        offset = (day - first).days
        grid[offset % 7, offset // 7] = value
    return grid, first


def month_ticks(
    first: date,
    weeks: int,
    words: Words = ENGLISH,
    start: date | None = None,
    end: date | None = None,
) -> tuple[list[float], list[str]]:
    """A label under every month shown, centred on the weeks that hold its days between
    ``start`` and ``end`` (the whole grid when not given), with the year under the first
    label and under January. Centring keeps a short first or last month (a range starting on
    the 28th, the first days of this month) labelled without running into its neighbour.
    Past about a year and a half the columns are too narrow for every month: every second,
    third… month is labelled instead.

    A calendar of a few weeks labels every week with its Monday instead (one month label
    would leave most columns unnamed), naming the month under its first Monday shown only:
    narrow columns have no room for a month name under each."""
    if weeks <= WEEK_LABELS_UP_TO:
        mondays = [first + timedelta(days=7 * column) for column in range(weeks)]
        return [column + 0.5 for column in range(weeks)], [
            words.date(m, "%-d\n%b")
            if column == 0 or mondays[column - 1].month != m.month
            else words.date(m, "%-d\n")
            for column, m in enumerate(mondays)
        ]
    low = start or first
    high = end or first + timedelta(days=7 * weeks - 1)
    spans: list[tuple[date, int, int]] = []  # (first of month, first column, last column)
    month = low.replace(day=1)
    while month <= high:
        following = (month + timedelta(days=32)).replace(day=1)
        shown_from, shown_to = max(month, low), min(following - timedelta(days=1), high)
        spans.append((month, (shown_from - first).days // 7, (shown_to - first).days // 7))
        month = following
    # Months per label, so labels keep about three columns apart on long ranges.
    step = next((s for s in (1, 2, 3, 6, 12) if weeks <= 80 * s), 24)
    ticks: list[float] = []
    labels: list[str] = []
    for index, (month, column_from, column_to) in enumerate(spans):
        if (month.year * 12 + month.month - 1) % step and index:
            continue
        ticks.append((column_from + column_to + 1) / 2)
        with_year = not labels or month.month == 1
        labels.append(words.date(month, "%b\n%Y" if with_year else "%b"))
    return ticks, labels


def draw_heatmap(figure: Figure, heaviness: DailyHeaviness, style: ChartStyle) -> None:
    w = style.words
    if not heaviness.values:
        empty_state(
            figure,
            style,
            w("No days to show yet"),
            w(
                "Each day with a check-in or a reflection gets a square here, "
                "coloured by how heavy it was."
            ),
        )
        return
    prepare(figure, style)
    title(
        figure,
        style,
        w("Heavy days"),
        w("{start} to {end}. {colour} = heavier; grey = nothing recorded.").format(
            start=w.date(heaviness.start), end=w.date(heaviness.end), colour=style.heavier_word
        ),
    )
    grid, first = calendar_grid(heaviness)
    ax = figure.subplots()
    ax.set_facecolor(style.background)
    mesh = _cells(ax, grid, style)
    _calendar_axes(ax, grid, first, heaviness, style)
    _scale_bar(figure, ax, mesh, style)
    hover.add_grid(figure, ax, _cell_text(grid, first, heaviness, w))
    margins(figure, left=40, right=12, top=56, bottom=8)


def _cells(ax: Axes, grid: np.ndarray, style: ChartStyle) -> QuadMesh:
    from matplotlib import colormaps

    base = colormaps[style.heat_cmap]
    cmap = ListedColormap(base(np.linspace(*style.heat_span, 256))).with_extremes(
        under=style.empty_cell, bad=(0, 0, 0, 0)
    )
    return ax.pcolormesh(
        np.ma.masked_invalid(grid),
        cmap=cmap,
        vmin=0,
        vmax=1,
        edgecolors=style.background,
        linewidth=1.5,
        gid="heat-cells",
    )


def _calendar_axes(
    ax: Axes, grid: np.ndarray, first: date, heaviness: DailyHeaviness, style: ChartStyle
) -> None:
    """Weekdays down the side, months along the top, square cells and no frame."""
    w = style.words
    ax.set_aspect("equal")
    ax.invert_yaxis()
    ax.set_yticks(np.arange(7) + 0.5, w.weekdays)
    ax.set_xticks(*month_ticks(first, grid.shape[1], w, heaviness.start, heaviness.end))
    ax.tick_params(length=0, colors=style.text, labelsize=style.font_size - 1.5)
    for side in ax.spines.values():
        side.set_visible(False)


def _scale_bar(figure: Figure, ax: Axes, mesh: QuadMesh, style: ChartStyle) -> None:
    w = style.words
    # Labels take two lines ("9" over "Nov", "Sep" over "2026"): room above the scale.
    pad = 0.2
    bar = figure.colorbar(
        mesh, ax=ax, orientation="horizontal", fraction=0.08, pad=pad, aspect=40, shrink=0.5
    )
    bar.set_ticks([0, 0.5, 1], labels=[w("calmer"), "", w("heavier")])
    bar.ax.tick_params(colors=style.text, labelsize=style.font_size - 1.5, length=0)
    bar.outline.set_visible(False)


def _cell_text(
    grid: np.ndarray, first: date, heaviness: DailyHeaviness, w: Words
) -> Callable[[float, float], str | None]:
    def cell(x: float, y: float) -> str | None:
        column, row = int(np.floor(x)), int(np.floor(y))
        if not (0 <= row < 7 and 0 <= column < grid.shape[1]):
            return None
        day = first + timedelta(days=7 * column + row)
        value = grid[row, column]
        if day < heaviness.start or day > heaviness.end:
            return None
        if np.isnan(value):
            return None
        when = w.date(day, "%a %d %b %Y")
        if value == NOTHING_RECORDED:
            return w("{day}: nothing recorded").format(day=when)
        return w("{day}: heaviness {percent}%").format(day=when, percent=f"{value * 100:.0f}")

    return cell
