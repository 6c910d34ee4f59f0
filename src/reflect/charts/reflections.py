"""Reflections per week and their mean emotional intensity: two panels sharing the weeks.

Two panels rather than twin y-axes, because a bar and a line on two scales invite reading
one against the other's numbers.
"""

from __future__ import annotations

from datetime import timedelta

import numpy as np
from matplotlib.axes import Axes
from matplotlib.dates import date2num
from matplotlib.figure import Figure

from reflect.charts import hover
from reflect.charts.style import (
    ChartStyle,
    date_axis,
    empty_state,
    margins,
    prepare,
    style_axes,
    title,
)
from reflect.domain.trends import WeeklyReflections

MAX_BARS = 110  # about two years of weeks


def draw_weekly_reflections(figure: Figure, weekly: WeeklyReflections, style: ChartStyle) -> None:
    w = style.words
    if not any(weekly.counts):
        empty_state(
            figure,
            style,
            w("No reflections in this range"),
            w("Each reflection you write adds to its week here, with how intense it felt."),
        )
        return
    prepare(figure, style)
    title(
        figure,
        style,
        w("Reflections per week"),
        w("Bars: how many you wrote. Line: mean emotional intensity (0-10)."),
    )
    top, bottom = figure.subplots(2, 1, sharex=True, height_ratios=(1, 1))
    weeks = list(weekly.weeks)
    edges = date2num(weeks + [weeks[-1] + timedelta(days=7)])
    _count_bars(figure, top, weekly, edges, style)
    top.xaxis_date()
    style_axes(top, style)
    top.set_ylabel(w("Reflections"), fontsize=style.font_size - 1)
    top.yaxis.get_major_locator().set_params(integer=True)
    top.set_ylim(0, max(weekly.counts) * 1.15 + 0.5)

    style_axes(bottom, style)
    _intensity_line(figure, bottom, weekly, edges, style)
    bottom.set_ylim(0, 10.3)
    bottom.set_yticks([0, 2, 4, 6, 8, 10])
    bottom.set_ylabel(w("Intensity (0-10)"), fontsize=style.font_size - 1)
    date_axis(bottom, style)
    margins(figure, left=56, right=16, top=60, bottom=34, hspace=0.18)


def _count_bars(
    figure: Figure, top: Axes, weekly: WeeklyReflections, edges: np.ndarray, style: ChartStyle
) -> None:
    """How many reflections each week: bars, or one outline past MAX_BARS weeks."""
    w = style.words
    weeks = list(weekly.weeks)
    texts = [
        w("Week of {date}").format(date=w.date(week))
        + ": "
        + w.plural(count, "{count} reflection", "{count} reflections")
        for week, count in zip(weeks, weekly.counts, strict=True)
    ]
    if len(weeks) <= MAX_BARS:
        bars = top.bar(
            edges[:-1],
            weekly.counts,
            width=6.0,  # days; the gap keeps neighbouring weeks apart
            align="edge",
            color=style.colour(0),
            linewidth=0,
            label=w("Reflections"),
            gid="weekly-counts",
        )
        hover.add_bars(figure, top, bars, texts)
    else:
        # Years of weeks: one filled outline instead of hundreds of bars (fast to draw and
        # no thinner than a pixel anyway); hovering still names the week under the pointer.
        top.stairs(
            weekly.counts,
            edges,
            fill=True,
            color=style.colour(0),
            label=w("Reflections"),
            gid="weekly-counts",
        )

        def week_at(x: float, _y: float) -> str | None:
            index = int(np.searchsorted(edges, x, side="right")) - 1
            return texts[index] if 0 <= index < len(texts) else None

        hover.add_grid(figure, top, week_at)


def _intensity_line(
    figure: Figure, bottom: Axes, weekly: WeeklyReflections, edges: np.ndarray, style: ChartStyle
) -> None:
    w = style.words
    weeks = list(weekly.weeks)
    mids = edges[:-1] + 3.5
    values = [float("nan") if v is None else v for v in weekly.mean_intensity]
    (line,) = bottom.plot(
        mids,
        values,
        color=style.colour(1),
        marker="o" if len(weeks) <= MAX_BARS else None,
        markersize=4,
        linewidth=1.8,
        label=w("Mean intensity"),
        gid="weekly-intensity",
    )
    hover.add_points(
        figure,
        bottom,
        line,
        [
            w("Week of {date}").format(date=w.date(week))
            + ": "
            + (
                w("no intensity given")
                if v is None
                else w("mean intensity {mean} of 10").format(mean=w.num(v))
            )
            for week, v in zip(weeks, weekly.mean_intensity, strict=True)
        ],
    )
