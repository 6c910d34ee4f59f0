"""Practice-area self-ratings (1-5) over time, averaged per week or per month."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from matplotlib.figure import Figure

from reflect.charts import hover
from reflect.charts.style import (
    ChartStyle,
    date_axis,
    empty_state,
    legend,
    margins,
    prepare,
    style_axes,
    title,
)
from reflect.domain.trends import PracticeSeries
from reflect.domain.words import Words

SUBTITLES = {
    "week": "Mean self-rating per week (1 = not at all as I would like, 5 = fully).",
    "month": "Mean self-rating per month (1 = not at all as I would like, 5 = fully).",
    "quarter": "Mean self-rating per quarter (1 = not at all as I would like, 5 = fully).",
}


def period_name(words: Words, period: str, start: date) -> str:
    """'Week of 05 Nov 2026', 'Month of November 2026', 'Quarter from October 2026'."""
    if period == "week":
        return words("Week of {date}").format(date=words.date(start, "%d %b %Y"))
    if period == "quarter":
        return words("Quarter from {date}").format(date=words.date(start, "%B %Y"))
    return words("Month of {date}").format(date=words.date(start, "%B %Y"))


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
    ax = figure.subplots()
    style_axes(ax, style)
    for index, item in enumerate(series):
        (line,) = ax.plot(
            list(item.periods),
            list(item.means),
            color=style.colour(index),
            marker=style.marker(index),
            markersize=4,
            linewidth=1.7,
            label=w(item.label),
            gid=f"practice-{item.key}",
        )
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
    ax.set_ylim(0.8, 5.2)
    ax.set_yticks([1, 2, 3, 4, 5])
    ax.set_ylabel(w("Self-rating (1-5)"), fontsize=style.font_size - 1)
    periods = [p for s in series for p in s.periods]
    if len(set(periods)) == 1:
        ax.set_xlim(periods[0] - timedelta(days=20), periods[0] + timedelta(days=20))
    date_axis(ax, style)
    legend(ax, style, loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=4)
    margins(figure, left=52, right=16, top=84, bottom=34)
