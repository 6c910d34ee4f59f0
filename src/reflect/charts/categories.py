"""Warning signs over time (overall or one category) against the person's own usual.

One series per chart, chosen in the dashboard: eight tangled lines are hard to read when
tired, and one axes redraws quickly enough to follow a range change at once. The shaded band
is "about your usual": the rolling median of earlier check-ins plus or minus the margin the
check-in screen also uses, so the chart and the check-in result say the same thing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from reflect.charts import hover
from reflect.charts.score_chart import close_score_chart, open_score_chart, score_words
from reflect.charts.style import ChartStyle, empty_state
from reflect.domain.checkin_scoring import OVERALL
from reflect.domain.trends import CategorySeries

MIN_CHECKINS = 2
DOTS_UP_TO = 400


def pick(series: Sequence[CategorySeries], key: str) -> CategorySeries | None:
    return next((s for s in series if s.key == key), None)


def draw_categories(
    figure: Figure, series: Sequence[CategorySeries], style: ChartStyle, key: str = OVERALL
) -> None:
    w = style.words
    item = pick(series, key)
    count = sum(v is not None for v in item.values) if item is not None else 0
    if item is None or count < MIN_CHECKINS:
        empty_state(
            figure,
            style,
            w("Not enough check-ins yet"),
            w(
                "After two or more check-ins in this range, your warning signs appear here "
                "next to your usual."
            ),
        )
        return
    label = w(item.label)
    ax = open_score_chart(
        figure,
        style,
        w("Warning signs over time: {part}").format(part=label.lower())
        if key != OVERALL
        else w("Warning signs over time: all of them"),
        w(
            "0 = not at all, 4 = most of the time. Shaded: about your usual (the median of "
            "your earlier check-ins)."
        ),
    )
    _usual_band(ax, item, style)
    line = _score_line(ax, item, style, label, count, key)
    hover.add_points(figure, ax, line, _hover_text(item, label, style))
    close_score_chart(figure, ax, style)


def _usual_band(ax: Axes, item: CategorySeries, style: ChartStyle) -> None:
    """Shade "about your usual": the earlier median plus or minus the check-in's margin."""
    xs = list(item.dates)
    present = [i for i, b in enumerate(item.baseline) if b is not None]
    if present:
        ax.fill_between(
            [xs[i] for i in present],
            [max(0.0, item.baseline[i] - item.margin) for i in present],  # type: ignore[operator]
            [min(4.0, item.baseline[i] + item.margin) for i in present],  # type: ignore[operator]
            color=style.colour(0),
            alpha=0.18 if not style.dark else 0.28,
            linewidth=0,
            label=style.words("About your usual"),
            gid="baseline-band",
        )


def _score_line(
    ax: Axes, item: CategorySeries, style: ChartStyle, label: str, count: int, key: str
) -> Line2D:
    colour = style.neutral if key == OVERALL else style.colour(0)
    values = [float("nan") if v is None else v for v in item.values]
    (line,) = ax.plot(
        list(item.dates),
        values,
        color=colour,
        linewidth=1.8,
        # Past a few hundred points the dots merge into a blur and slow the redraw; the
        # line alone reads better, and hovering still finds the nearest check-in.
        marker="o" if count <= DOTS_UP_TO else None,
        markersize=2.5 if count > 60 else 4.5,
        label=label,
        gid=f"category-{item.key}",
    )
    return line


def _hover_text(item: CategorySeries, label: str, style: ChartStyle) -> Callable[[int], str]:
    w = style.words

    def text_for(index: int) -> str:
        day, value, usual = item.dates[index], item.values[index], item.baseline[index]
        return (
            f"{label}, {w.date(day, '%a %d %b %Y')}\n"
            + score_words(w, value)
            + (
                w("; your usual {usual}").format(usual=w.num(usual))
                if usual is not None
                else w("; no usual yet")
            )
        )

    return text_for
