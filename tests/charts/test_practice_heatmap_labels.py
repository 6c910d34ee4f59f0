"""The Practice chart is small multiples with "Dec 2026" month labels, and the Heavy-days
calendar names every month it shows (issue 16)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from reflect.charts.heatmap import draw_heatmap
from reflect.charts.practice import draw_practice
from reflect.charts.style import chart_style
from reflect.domain.trends import DailyHeaviness, PracticeSeries
from reflect.domain.words import ENGLISH

FRENCH = replace(
    ENGLISH,
    months=(
        "janv.", "févr.", "mars", "avr.", "mai", "juin",
        "juil.", "août", "sept.", "oct.", "nov.", "déc.",
    ),
)  # fmt: skip
AREAS = (
    ("listening", "Active listening"),
    ("safety", "Safe environment"),
    ("boundaries", "Boundaries"),
    ("care", "Self-care"),
)


def _figure() -> Figure:
    fig = Figure(figsize=(8, 4), dpi=96)
    FigureCanvasAgg(fig)
    return fig


def _series(count: int, months: int) -> list[PracticeSeries]:
    starts = [date(2026 + (5 + m) // 12, (5 + m) % 12 + 1, 1) for m in range(months)]
    return [
        PracticeSeries(key, label, tuple(starts), tuple(3.0 for _ in starts), (1,) * months)
        for key, label in AREAS[:count]
    ]


def _x_labels(fig: Figure) -> list[list[str]]:
    fig.canvas.draw()
    return [[t.get_text() for t in ax.get_xticklabels() if t.get_visible()] for ax in fig.axes]


def test_each_area_gets_its_own_panel_on_one_time_axis():
    fig = _figure()
    series = _series(4, 7)  # Jun 2026 to Dec 2026
    draw_practice(fig, series, "month", chart_style())
    assert [ax.get_title(loc="left") for ax in fig.axes] == [label for _, label in AREAS]
    assert len({ax.get_xlim() for ax in fig.axes}) == 1  # the same time axis
    assert len({ax.get_ylim() for ax in fig.axes}) == 1  # and the same 1-5 scale
    assert all(ax.get_legend() is None for ax in fig.axes)
    labels = _x_labels(fig)
    assert labels[0] == [] and labels[1] == []  # the top row leaves month names to the bottom
    assert labels[2] == ["Jul 2026", "Sep 2026", "Nov 2026"] and labels[2] == labels[3]
    assert all(len(label.split()) == 2 for label in labels[2])  # "Jul 2026", never "Jul"


def test_month_labels_follow_the_chart_words():
    fig = _figure()
    draw_practice(fig, _series(2, 7), "month", chart_style(words=FRENCH))
    labels = _x_labels(fig)
    assert labels[0] == ["juil. 2026", "sept. 2026", "nov. 2026"] and labels[0] == labels[1]


def test_three_areas_label_the_panel_with_nothing_below_it():
    fig = _figure()
    draw_practice(fig, _series(3, 30), "month", chart_style())
    labels = _x_labels(fig)
    assert labels[0] == [] and labels[1] and labels[2]
    assert 2 <= len(labels[2]) <= 5  # thirty months, a few readable ticks


def test_a_few_weeks_still_name_their_month():
    mondays = tuple(date(2026, 11, 9) + timedelta(days=7 * i) for i in range(4))
    one = [PracticeSeries("care", "Self-care", mondays, (2.0, 3.0, 4.0, 3.0), (1, 1, 1, 1))]
    fig = _figure()
    draw_practice(fig, one, "week", chart_style())
    assert _x_labels(fig)[0] == ["Nov 2026", "Dec 2026"]


def _heat_labels(start: date, end: date, words=ENGLISH) -> list[str]:
    values = {start + timedelta(days=i): 0.5 for i in range(0, (end - start).days + 1, 4)}
    fig = _figure()
    draw_heatmap(fig, DailyHeaviness(start, end, values), chart_style(words=words))
    return [t.get_text() for t in fig.axes[0].get_xticklabels()]


def test_heavy_days_name_every_month_shown():
    # 7 Sep to 6 Dec: the last column starts on Monday 30 Nov but holds 1-6 Dec.
    labels = _heat_labels(date(2026, 9, 7), date(2026, 12, 6))
    assert labels == ["Sep\n2026", "Oct", "Nov", "Dec"]
    year = _heat_labels(date(2025, 11, 1), date(2026, 12, 6), FRENCH)
    assert len(year) == 14 and year[0] == "nov.\n2025" and year[2] == "janv.\n2026"
    assert year[-1] == "déc."


def test_heavy_day_labels_sit_under_their_month_in_order():
    fig = _figure()
    start, end = date(2026, 1, 28), date(2026, 6, 30)
    draw_heatmap(fig, DailyHeaviness(start, end, {start: 1.0}), chart_style())
    ticks = list(fig.axes[0].get_xticks())
    assert ticks == sorted(ticks) and len(ticks) == 6  # Jan (4 days) to Jun
    assert all(b - a >= 1.5 for a, b in zip(ticks, ticks[1:], strict=False))
