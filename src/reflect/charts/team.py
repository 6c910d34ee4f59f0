"""Team charts: only figures the minimum-group rule lets through are drawn.

A hidden month is a gap (never an interpolated line); a hidden cell of a count is not drawn
on its own: what the rule leaves visible (the hidden cells together) is one hatched grey
segment labelled as hidden. Months sit on a category axis: a team summary has a handful of
months, and equal spacing reads better than calendar days.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from matplotlib.axes import Axes
from matplotlib.figure import Figure

from reflect.charts import hover
from reflect.charts.style import ChartStyle, empty_state, margins, prepare, style_axes, title
from reflect.domain.team_contribution import BUCKETS, SCORE_KEYS
from reflect.domain.team_sentences import (
    BUCKET_LABELS,
    SCORE_LABELS,
    hidden_text,
    month_date,
    shown_months,
    team_num,
)
from reflect.domain.team_summary import QuestionnaireCounts, TeamSummary

HATCH = "///"


def _nothing(figure: Figure, summary: TeamSummary, style: ChartStyle) -> bool:
    if shown_months(summary):
        return False
    w = style.words
    empty_state(
        figure,
        style,
        w("Nothing to show yet"),
        w("Team figures appear once at least {minimum} people have contributed.").format(
            minimum=summary.min_group
        ),
    )
    return True


def _month_labels(summary: TeamSummary, style: ChartStyle) -> list[str]:
    return [style.words.month(month_date(m.month)) for m in summary.months]


def _short_labels(summary: TeamSummary, style: ChartStyle) -> list[str]:
    """'Nov' over '2025': small panels have no room for a slanted full date."""
    return [f"{style.words.months[int(m.month[5:]) - 1]}\n{m.month[:4]}" for m in summary.months]


def draw_team_categories(figure: Figure, summary: TeamSummary, style: ChartStyle) -> None:
    """Small multiples, one per category: the team's median with its middle half shaded."""
    if _nothing(figure, summary, style):
        return
    w = style.words
    prepare(figure, style)
    title(
        figure,
        style,
        w("Team check-ins by month"),
        w("Line: the team's median (0-4). Band: the middle half. Gap: {hidden}.").format(
            hidden=hidden_text(summary, w)
        ),
    )
    axes = figure.subplots(2, 4, sharex=True, sharey=True)
    labels = _month_labels(summary, style)
    xs = list(range(len(summary.months)))
    for index, (ax, key) in enumerate(zip(axes.flat, SCORE_KEYS, strict=True)):
        style_axes(ax, style)
        spreads = [m.categories.get(key) for m in summary.months]
        medians = [s.median if s else math.nan for s in spreads]
        lows = [s.q1 if s else math.nan for s in spreads]
        highs = [s.q3 if s else math.nan for s in spreads]
        colour = style.colour(index)
        ax.fill_between(xs, lows, highs, color=colour, alpha=0.18, linewidth=0)
        (line,) = ax.plot(
            xs, medians, color=colour, marker=style.marker(index), markersize=4, linewidth=1.8
        )
        texts = [
            f"{label}: "
            + (
                w("median {median}, middle half {low} to {high}").format(
                    median=team_num(w, s.median), low=team_num(w, s.q1), high=team_num(w, s.q3)
                )
                if s
                else hidden_text(summary, w)
            )
            for label, s in zip(labels, spreads, strict=True)
        ]
        hover.add_points(figure, ax, line, texts)
        ax.set_title(w(SCORE_LABELS[key]), fontsize=style.font_size - 0.5, color=style.text)
        ax.set_ylim(0, 4.2)
        ax.set_yticks([0, 1, 2, 3, 4])
        ax.set_xticks(xs)
        ax.set_xticklabels(_short_labels(summary, style), fontsize=style.font_size - 2.5)
        ax.set_xlim(-0.4, len(xs) - 0.6)
    margins(figure, left=34, right=12, top=66, bottom=40, hspace=0.5, wspace=0.12)


def draw_team_activity(figure: Figure, summary: TeamSummary, style: ChartStyle) -> None:
    """Contributors per month, split into how many reflections each wrote (shown groups)."""
    if _nothing(figure, summary, style):
        return
    w = style.words
    prepare(figure, style)
    title(
        figure,
        style,
        w("Contributors and reflection activity"),
        w(
            "Each bar is a month's contributors, split by reflections written. Hatched: {hidden}."
        ).format(hidden=hidden_text(summary, w)),
    )
    ax = figure.subplots(1, 1)
    style_axes(ax, style)
    labels = _month_labels(summary, style)
    xs = list(range(len(summary.months)))
    bottoms = _reflection_buckets(figure, ax, summary, labels, style)
    _hidden_contributors(ax, summary, bottoms, style)
    for x, month in zip(xs, summary.months, strict=True):
        if not month.shown:
            ax.text(x, 0.2, "—", ha="center", va="bottom", color=style.muted)
    ax.set_xticks(xs)
    ax.set_xticklabels(labels, fontsize=style.font_size - 1)
    ax.set_ylabel(w("Contributors"), fontsize=style.font_size - 1)
    ax.yaxis.get_major_locator().set_params(integer=True)
    top = max((m.contributors or 0) for m in summary.months)
    ax.set_ylim(0, top * 1.15 + 1)
    _activity_legend(ax, style)
    margins(figure, left=48, right=190, top=64, bottom=30)


def _reflection_buckets(
    figure: Figure, ax: Axes, summary: TeamSummary, labels: list[str], style: ChartStyle
) -> list[float]:
    """One stacked bar segment per reflections bucket; returns the height reached each month."""
    w = style.words
    xs = list(range(len(summary.months)))
    bottoms = [0.0] * len(xs)
    for index, bucket in enumerate(BUCKETS):
        heights = [float(m.reflections.get(bucket) or 0) for m in summary.months]
        if not any(heights):
            continue
        bars = ax.bar(
            xs,
            heights,
            bottom=bottoms,
            color=style.colour(index),
            width=0.6,
            label=w(BUCKET_LABELS[bucket]),
        )
        hover.add_bars(
            figure,
            ax,
            bars,
            [
                f"{label}: "
                + w("{count} people with {what}").format(
                    count=int(h), what=w(BUCKET_LABELS[bucket])
                )
                for label, h in zip(labels, heights, strict=True)
            ],
        )
        bottoms = [b + h for b, h in zip(bottoms, heights, strict=True)]
    return bottoms


def _hidden_contributors(
    ax: Axes, summary: TeamSummary, bottoms: list[float], style: ChartStyle
) -> None:
    """The contributors the small-group rule hides: one hatched segment on top of each bar."""
    xs = list(range(len(summary.months)))
    rest = [
        (m.contributors or 0) - bottom for m, bottom in zip(summary.months, bottoms, strict=True)
    ]
    if any(rest):
        ax.bar(
            xs,
            rest,
            bottom=bottoms,
            color=style.background,
            edgecolor=style.muted,
            hatch=HATCH,
            width=0.6,
            label=style.words("Hidden: small groups"),
        )


def _activity_legend(ax: Axes, style: ChartStyle) -> None:
    legend_box = ax.legend(
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        frameon=False,
        fontsize=style.font_size - 1,
        labelcolor=style.text,
    )
    legend_box.set_gid("team-activity-legend")


def draw_team_questionnaires(
    figure: Figure,
    summary: TeamSummary,
    style: ChartStyle,
    names: Mapping[tuple[str, str], str] | None = None,
) -> None:
    """Band counts of each questionnaire subscale in the latest month showing any.

    ``names`` gives readable names for (instrument, subscale) where definitions know them.
    """
    w = style.words
    month = next(
        (m for m in reversed(summary.months) if any(q.any_shown for q in m.questionnaires)), None
    )
    if month is None:
        empty_state(
            figure,
            style,
            w("No questionnaire figures to show"),
            w("A questionnaire appears once at least {minimum} people took it in a month.").format(
                minimum=summary.min_group
            ),
        )
        return
    prepare(figure, style)
    title(
        figure,
        style,
        w("Questionnaire bands in {month}").format(month=w.month(month_date(month.month))),
        w("People per band (never a score). Hatched: {hidden}.").format(
            hidden=hidden_text(summary, w)
        ),
    )
    ax = figure.subplots(1, 1)
    style_axes(ax, style, grid_axis="x")
    rows = list(reversed(month.questionnaires))
    known = names or {}
    labels = [
        known.get((q.instrument, q.subscale)) or f"{q.instrument} · {q.subscale.replace('_', ' ')}"
        for q in rows
    ]
    total = month.contributors or 0
    for y, q in enumerate(rows):
        _band_row(figure, ax, y, q, total, style)
    ax.set_yticks(range(len(rows)))
    ax.set_yticklabels(labels, fontsize=style.font_size - 1)
    # Bars keep their thickness (and sit at the top) when there are only one or two rows.
    ax.set_ylim(len(rows) - 0.4 - max(len(rows), 3), len(rows) - 0.4)
    ax.set_xlim(0, max(total, 1))
    ax.set_xlabel(w("People"), fontsize=style.font_size - 1)
    width = max(len(n) for n in labels) * style.font_size * 0.55
    margins(figure, left=min(260, width + 20), right=16, top=64, bottom=40)


def _band_row(
    figure: Figure, ax: Axes, y: int, q: QuestionnaireCounts, total: int, style: ChartStyle
) -> None:
    """One subscale's row: a segment per shown band, then the hidden rest hatched."""
    w = style.words
    left = 0.0
    for index, (band, count) in enumerate(q.bands.items()):
        if count is None:
            continue
        bar = ax.barh([y], [count], left=left, color=style.colour(index), height=0.55, linewidth=0)
        hover.add_bars(
            figure, ax, bar, [w("{band}: {count} people").format(band=band, count=count)]
        )
        if count:
            ax.text(
                left + count / 2,
                y,
                w(band.replace("_", " ")),
                ha="center",
                va="center",
                fontsize=style.font_size - 2,
                color="#ffffff" if not style.dark else "#1e2124",
            )
        left += count
    if q.not_taken is not None:
        left += q.not_taken
    if total - left > 0:
        ax.barh(
            [y],
            [total - left],
            left=left,
            color=style.background,
            edgecolor=style.muted,
            hatch=HATCH,
            height=0.55,
        )
