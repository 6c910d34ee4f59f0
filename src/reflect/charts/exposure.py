"""Weekly exposure next to the warning-sign score, on one time axis, with breaks shaded.

Two panels sharing the weeks (as the reflections chart does), never twin y-axes: counts of
disclosures, crises and material above, the warning-sign score (0-4) below, so neither is
read against the other's numbers. Breaks are shaded across both panels; a week with a
critical incident gets a small mark above its bar and nothing more. The lower panel can
also draws the strengths of the check-in (``positives``: compassion satisfaction and
vicarious resilience items) as their own dashed line when check-ins answered them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

import numpy as np
from matplotlib.axes import Axes
from matplotlib.dates import date2num
from matplotlib.figure import Figure
from matplotlib.patches import Patch

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
from reflect.domain.exposure import Break, WeekExposure
from reflect.domain.exposure_summary import weekly_signs
from reflect.domain.trends import CategorySeries

MAX_BARS = 110  # about two years of weeks; beyond, filled outlines (as the reflections chart)
STACK: tuple[tuple[str, str], ...] = (
    ("disclosures", "Disclosures heard"),
    ("crises", "Crises handled"),
    ("material", "Material seen"),
)


def draw_exposure(
    figure: Figure,
    weeks: Sequence[WeekExposure],
    breaks: Sequence[Break],
    signs: CategorySeries | None,
    style: ChartStyle,
    positives: CategorySeries | None = None,
) -> None:
    w = style.words
    if not any(week.shifts for week in weeks) and not breaks:
        empty_state(
            figure,
            style,
            w("No shifts logged in this range"),
            w(
                "Log a shift from Home (numbers only, all optional) to see what the work puts "
                "you through next to your warning signs."
            ),
        )
        return
    prepare(figure, style)
    title(
        figure,
        style,
        w("Exposure and warning signs"),
        w("Bars: per week. Lines: weekly warning signs and strengths (0-4). Shaded: breaks."),
    )
    top, bottom = figure.subplots(2, 1, sharex=True, height_ratios=(1.2, 1))
    week_days = [week.week for week in weeks]
    edges = date2num(week_days + [week_days[-1] + timedelta(days=7)])
    base = _stacked_weeks(figure, top, weeks, edges, style)
    _exposure_scale(top, weeks, edges, base, style)
    style_axes(bottom, style)
    shown = _weekly_signs_line(figure, bottom, signs, week_days, style)
    good = _weekly_positives_line(figure, bottom, positives, week_days, style)
    if shown or good:
        legend(bottom, style, loc="upper left", ncols=2)
    bottom.set_ylim(0, 5.2)  # the scale is 0-4; the space above holds the legend
    bottom.set_yticks([0, 1, 2, 3, 4])
    bottom.set_ylabel(w("Score (0-4)"), fontsize=style.font_size - 1)
    _shade_breaks((top, bottom), breaks, week_days, style)
    handles, labels = top.get_legend_handles_labels()
    if breaks:  # a proxy patch: the spans themselves carry no label (one entry, not many)
        handles.append(Patch(color=style.muted, alpha=0.18, linewidth=0))
        labels.append(w("Break"))
    top.set_xlim(edges[0], edges[-1])
    legend(top, style, handles=handles, labels=labels, loc="upper left", ncols=3)
    date_axis(bottom, style)
    margins(figure, left=56, right=16, top=60, bottom=34, hspace=0.18)


def _stacked_weeks(
    figure: Figure, top: Axes, weeks: Sequence[WeekExposure], edges: np.ndarray, style: ChartStyle
) -> np.ndarray:
    """The upper panel: one stacked bar a week (outlines past MAX_BARS); returns the totals."""
    w = style.words
    base = np.zeros(len(weeks))
    for index, (name, label) in enumerate(STACK):
        values = np.array([float(getattr(week, name)) for week in weeks])
        if len(weeks) <= MAX_BARS:
            bars = top.bar(
                edges[:-1],
                values,
                bottom=base,
                width=6.0,
                align="edge",
                color=style.colour(index),
                linewidth=0,
                label=w(label),
                gid=f"exposure-{name}",
            )
            if index == 0:
                hover.add_bars(figure, top, bars, [_week_text(week, style) for week in weeks])
        else:
            # Years of weeks: one filled step outline per measure. fill_between rather than
            # stairs: a step patch over hundreds of weeks makes matplotlib work out its
            # limits curve by curve, which alone costs about half a second.
            top.fill_between(
                edges,
                np.append(base, base[-1]),
                np.append(base + values, (base + values)[-1]),
                step="post",
                color=style.colour(index),
                linewidth=0,
                label=w(label),
                gid=f"exposure-{name}",
            )
        base = base + values
    if len(weeks) > MAX_BARS:
        texts = [_week_text(week, style) for week in weeks]

        def week_at(x: float, _y: float) -> str | None:
            index = int(np.searchsorted(edges, x, side="right")) - 1
            return texts[index] if 0 <= index < len(texts) else None

        hover.add_grid(figure, top, week_at)
    return base


def _exposure_scale(
    top: Axes,
    weeks: Sequence[WeekExposure],
    edges: np.ndarray,
    base: np.ndarray,
    style: ChartStyle,
) -> None:
    """Critical-incident marks above their weeks, then the upper panel's scale."""
    w = style.words
    peak = float(base.max()) if len(base) else 0.0
    critical = [(edges[i] + 3, base[i]) for i, week in enumerate(weeks) if week.critical]
    if critical:
        xs, ys = zip(*critical, strict=True)
        top.scatter(
            xs,
            [y + peak * 0.06 + 0.3 for y in ys],
            marker="v",
            s=28,
            color=style.text,
            label=w("Critical incident"),
            zorder=3,
            gid="exposure-critical",
        )
    top.xaxis_date()
    style_axes(top, style)
    top.set_ylabel(w("Per week"), fontsize=style.font_size - 1)
    top.yaxis.get_major_locator().set_params(integer=True)
    top.set_ylim(0, peak * 1.8 + 1)  # headroom for the legend above the bars


def _weekly_signs_line(
    figure: Figure,
    bottom: Axes,
    signs: CategorySeries | None,
    week_days: list[date],
    style: ChartStyle,
) -> list[tuple[date, float]]:
    """The weekly mean of the warning signs, or a note that there were no check-ins."""
    w = style.words
    # The weekly mean, on the same weeks as the bars (and 520 points for ten years rather than
    # every check-in, which keeps the redraw of a long range quick).
    weekly = weekly_signs(signs.dates, signs.values) if signs is not None else {}
    shown = [(week, weekly[week]) for week in week_days if week in weekly]
    if shown:
        xs = date2num([week for week, _ in shown]) + 3.5
        (line,) = bottom.plot(
            xs,
            [v for _, v in shown],
            color=style.neutral,
            marker="o" if len(shown) <= MAX_BARS else None,
            markersize=3,
            linewidth=1.6,
            label=w("Warning signs"),
            gid="exposure-signs",
        )
        hover.add_points(
            figure,
            bottom,
            line,
            [
                w("Week of {date}: warning signs {value} of 4 on average").format(
                    date=w.date(week), value=w.num(v)
                )
                for week, v in shown
            ],
        )
    else:
        bottom.text(
            0.5,
            0.5,
            w("No check-ins in this range."),
            transform=bottom.transAxes,
            ha="center",
            va="center",
            color=style.muted,
            fontsize=style.font_size,
        )
    return shown


def _weekly_positives_line(
    figure: Figure,
    bottom: Axes,
    positives: CategorySeries | None,
    week_days: list[date],
    style: ChartStyle,
) -> list[tuple[date, float]]:
    """Strengths (the positive check-in items), weekly like the signs and drawn apart from
    them: a separate dimension, never netted against the warning signs."""
    w = style.words
    weekly_positive = weekly_signs(positives.dates, positives.values) if positives else {}
    good = [(week, weekly_positive[week]) for week in week_days if week in weekly_positive]
    if positives is not None and good:
        (strength_line,) = bottom.plot(
            date2num([week for week, _ in good]) + 3.5,
            [v for _, v in good],
            color=style.colour(3),
            marker="s" if len(good) <= MAX_BARS else None,
            markersize=3,
            linewidth=1.4,
            linestyle="--",
            label=w(positives.label),
            gid="exposure-positives",
        )
        hover.add_points(
            figure,
            bottom,
            strength_line,
            [
                w("Week of {date}: strengths {value} of 4 on average").format(
                    date=w.date(week), value=w.num(v)
                )
                for week, v in good
            ],
        )
    return good


def _shade_breaks(
    axes: tuple[Axes, Axes], breaks: Sequence[Break], week_days: list[date], style: ChartStyle
) -> None:
    # One collection per panel for all breaks (a hundred separate spans redraw slowly).
    spans = []
    for span in breaks:
        start = date2num(max(span.start, week_days[0]))
        end = date2num(min(span.end, week_days[-1] + timedelta(days=6))) + 1
        if end > start:
            spans.append((start, end - start))
    for ax in axes:
        ax.broken_barh(
            spans,
            (0, 1),
            transform=ax.get_xaxis_transform(),
            color=style.muted,
            alpha=0.18,
            linewidth=0,
            zorder=0,
            gid="exposure-breaks",
        )


def _week_text(week: WeekExposure, style: ChartStyle) -> str:
    w = style.words
    head = w("Week of {date}").format(date=w.date(week.week))
    if not week.shifts:
        return head + ": " + w("no shift logged")
    return (
        head
        + ": "
        + w("{disclosures} disclosures, {crises} crises, material {material} times").format(
            disclosures=week.disclosures, crises=week.crises, material=week.material
        )
    )
