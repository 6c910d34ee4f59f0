"""Practice-area self-ratings (1-5) over time, averaged per week, month or quarter.

One small panel per area, all on the same time axis and the same 1-5 scale: four lines on
one pair of axes crossed and hid each other. Month ticks read "Dec 2026" ("déc. 2026")."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, timedelta

from matplotlib.axes import Axes
from matplotlib.dates import date2num
from matplotlib.figure import Figure

from reflect.charts import hover
from reflect.charts.style import (
    ChartStyle,
    empty_state,
    margins,
    prepare,
    style_axes,
    text_width,
    title,
)
from reflect.domain.trends import PracticeSeries
from reflect.domain.words import Words

SUBTITLES = {
    "week": "Mean self-rating per week (1 = not at all as I would like, 5 = fully).",
    "month": "Mean self-rating per month (1 = not at all as I would like, 5 = fully).",
    "quarter": "Mean self-rating per quarter (1 = not at all as I would like, 5 = fully).",
}
MONTH_STEPS = (1, 2, 3, 4, 6, 12, 24, 36, 60)


def period_name(words: Words, period: str, start: date) -> str:
    """'Week of 05 Nov 2026', 'Month of November 2026', 'Quarter from October 2026'."""
    if period == "week":
        return words("Week of {date}").format(date=words.date(start, "%d %b %Y"))
    if period == "quarter":
        return words("Quarter from {date}").format(date=words.date(start, "%B %Y"))
    return words("Month of {date}").format(date=words.date(start, "%B %Y"))


def month_ticks(low: date, high: date, most: int, words: Words) -> tuple[list[date], list[str]]:
    """First days of months between ``low`` and ``high``, every n-th month so at most ``most``
    are labelled, each as "Dec 2026". A span inside one month gets that month at ``low``."""
    for step in MONTH_STEPS:
        ticks = _month_starts(low, high, step)
        if len(ticks) <= max(1, most):
            break
    if not ticks:
        ticks = [low]
    return ticks, [words.month(t) for t in ticks]


def _month_starts(low: date, high: date, step: int) -> list[date]:
    starts = []
    year, month = low.year, low.month
    while date(year, month, 1) <= high:
        if date(year, month, 1) >= low and (year * 12 + month - 1) % step == 0:
            starts.append(date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return starts


def _grid(count: int) -> tuple[int, int]:
    columns = 1 if count == 1 else 2
    return math.ceil(count / columns), columns


def draw_practice(
    figure: Figure, series: Sequence[PracticeSeries], period: str, style: ChartStyle
) -> None:
    w = style.words
    if not series:
        empty_state(
            figure,
            style,
            w("No practice ratings in this range"),
            w(
                "Reflections on the trauma-informed practice template rate four areas "
                "from 1 to 5; they show here over time."
            ),
        )
        return
    prepare(figure, style)
    title(figure, style, w("How I rated my practice"), w(SUBTITLES.get(period, SUBTITLES["month"])))
    rows, columns = _grid(len(series))
    axes = figure.subplots(rows, columns, sharex=True, sharey=True, squeeze=False)
    periods = [p for s in series for p in s.periods]
    low, high = min(periods), max(periods)
    pad = timedelta(days=20 if low == high else max(3, (high - low).days // 30))
    panel_width = (figure.get_figwidth() * 72 - 52) / columns * 0.9
    label_width = text_width(w.month(date(2026, 12, 1)), style.font_size - 1) + 18
    left, right = low - pad, high + pad
    most = int(panel_width // label_width)
    ticks, labels = month_ticks(left, right, most, w)
    if len(ticks) < 2 and left.day > 1:
        # A few weeks inside one or two months: start the axis on the first month's 1st so
        # its name shows too, rather than one lone "Dec 2026" at the far right.
        left = left.replace(day=1) - timedelta(days=2)
        ticks, labels = month_ticks(left, right, most, w)
    shown = [ax for row in axes for ax in row][: len(series)]
    for ax in [ax for row in axes for ax in row][len(series) :]:
        figure.delaxes(ax)
    for index, (ax, item) in enumerate(zip(shown, series, strict=True)):
        _panel(figure, ax, item, index, period, style)
        ax.set_xlim(date2num(left), date2num(right))
        ax.set_xticks([date2num(t) for t in ticks], labels)
        # Month labels only under the lowest panel of each column.
        ax.tick_params(axis="x", labelbottom=index + columns >= len(series))
    margins(figure, left=36, right=16, top=70, bottom=26, hspace=0.55, wspace=0.12)


def _panel(
    figure: Figure, ax: Axes, item: PracticeSeries, index: int, period: str, style: ChartStyle
) -> None:
    w = style.words
    style_axes(ax, style)
    (line,) = ax.plot(
        [date2num(p) for p in item.periods],
        list(item.means),
        color=style.colour(index),
        marker=style.marker(index),
        markersize=4,
        linewidth=1.7,
        label=w(item.label),
        gid=f"practice-{item.key}",
    )
    ax.set_title(
        w(item.label),
        loc="left",
        fontsize=style.font_size - 0.5,
        color=style.text,
        pad=3,
        gid=f"practice-title-{item.key}",
    )
    ax.set_ylim(0.6, 5.4)
    ax.set_yticks([1, 3, 5])
    hover.add_points(
        figure,
        ax,
        line,
        [
            f"{w(item.label)}\n"
            + w("{period}: {mean} of 5 ({count} rated)").format(
                period=period_name(w, period, p), mean=w.num(m), count=n
            )
            for p, m, n in zip(item.periods, item.means, item.counts, strict=True)
        ],
    )
