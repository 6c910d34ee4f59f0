"""Every trends chart draws onto a plain Figure (no Qt, no pyplot): inspect its artists."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import matplotlib.colors as mcolors
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from reflect.charts.categories import draw_categories
from reflect.charts.heatmap import calendar_grid, draw_heatmap
from reflect.charts.helped import draw_helped
from reflect.charts.hover import hover_at, target_count
from reflect.charts.instruments import draw_instruments, short_band_label
from reflect.charts.practice import draw_practice
from reflect.charts.reflections import draw_weekly_reflections
from reflect.charts.stages import draw_stages
from reflect.charts.strengths import draw_strengths
from reflect.charts.style import OKABE_ITO, chart_style, chart_title, is_empty_state
from reflect.domain.checkin import CATEGORIES, CheckIn
from reflect.domain.checkin_scoring import OVERALL, score_history
from reflect.domain.instrument_scoring import score
from reflect.domain.reflection import PRACTICE_AREAS, STAGES_OF_CHANGE
from reflect.domain.trends import ReflectionPoint, build_trends, date_range
from reflect.services.checkins import load_shipped_checkin
from reflect.services.instruments import load_shipped_definitions

DEFINITION = load_shipped_checkin()
INSTRUMENTS = {d.id: d for d in load_shipped_definitions()}
TODAY = date(2026, 3, 18)
STYLES = [chart_style(False), chart_style(True)]


def figure() -> Figure:
    fig = Figure(figsize=(9, 4.5), dpi=80)
    FigureCanvasAgg(fig)
    return fig


def sample_data():
    start = datetime(2025, 12, 1, 18)
    checkins = [
        CheckIn(
            start + timedelta(days=7 * n),
            {item.id: (1 if n < 10 else 3) for item in DEFINITION.items}
            | {question.id: 1 + n % 4 for question in DEFINITION.strengths},
            helping={"awareness": 3, "balance": 1, "connection": 4},
        )
        for n in range(16)
    ]
    history = score_history(checkins, DEFINITION)
    who5 = INSTRUMENTS["who5"]
    results = [
        score(who5, [v] * who5.item_count).to_result(datetime(2026, m, 2))
        for m, v in ((1, 4), (3, 1))
    ]
    points = [
        ReflectionPoint(
            datetime(2026, 1, 1, 17) + timedelta(days=3 * n),
            n % 11,
            {area: 1 + (n + i) % 5 for i, area in enumerate(PRACTICE_AREAS)},
            STAGES_OF_CHANGE[n % len(STAGES_OF_CHANGE)],
        )
        for n in range(25)
    ]
    return build_trends(date_range("3m", TODAY), history, results, INSTRUMENTS, points)


DATA = sample_data()
EMPTY = build_trends(date_range("4w", TODAY), [], [], INSTRUMENTS, [])

DRAWERS = {
    "categories": lambda f, d, s: draw_categories(f, d.categories, s),
    "instruments": lambda f, d, s: draw_instruments(f, d.instruments, s),
    "weekly": lambda f, d, s: draw_weekly_reflections(f, d.weekly, s),
    "practice": lambda f, d, s: draw_practice(f, d.practice, d.practice_period, s),
    "stages": lambda f, d, s: draw_stages(f, d.stages, s),
    "heatmap": lambda f, d, s: draw_heatmap(f, d.heaviness, s),
    "helped": lambda f, d, s: draw_helped(f, d.helped, d.helped_checkins, s),
    "strengths": lambda f, d, s: draw_strengths(f, d.strengths, s),
}


def artist(fig: Figure, gid: str):
    found = [a for a in fig.findobj() if a.get_gid() == gid]
    assert found, f"no artist {gid!r}"
    return found[0]


@pytest.mark.parametrize("name", DRAWERS)
@pytest.mark.parametrize("style", STYLES, ids=["light", "dark"])
def test_every_chart_draws_a_title_and_hover_targets_in_both_themes(name, style):
    fig = figure()
    DRAWERS[name](fig, DATA, style)
    fig.canvas.draw()
    assert not is_empty_state(fig)
    assert chart_title(fig)
    assert target_count(fig) >= 1
    assert mcolors.to_hex(fig.get_facecolor()) == mcolors.to_hex(style.background)


@pytest.mark.parametrize("name", DRAWERS)
def test_every_chart_has_a_friendly_empty_state(name):
    fig = figure()
    DRAWERS[name](fig, DATA, STYLES[0])  # a drawn chart first: the empty state must replace it
    DRAWERS[name](fig, EMPTY, STYLES[0])
    fig.canvas.draw()
    assert is_empty_state(fig)
    assert not fig.axes and target_count(fig) == 0
    message = artist(fig, "empty-message").get_text()
    assert len(message) > 30 and "error" not in message.lower()


def test_category_chart_plots_the_scores_and_shades_the_usual_band():
    fig = figure()
    draw_categories(fig, DATA.categories, STYLES[0], OVERALL)
    line = artist(fig, f"category-{OVERALL}")
    assert list(line.get_ydata()) == list(DATA.categories[0].values)
    band = artist(fig, "baseline-band")
    (low, high) = band.get_paths()[0].get_extents().intervaly
    assert low >= 0 and high <= 4  # the band stays on the 0-4 scale
    fig2 = figure()
    draw_categories(fig2, DATA.categories, STYLES[0], CATEGORIES[0])
    assert artist(fig2, f"category-{CATEGORIES[0]}")


def test_questionnaire_chart_shades_its_published_bands():
    fig = figure()
    draw_instruments(fig, DATA.instruments, STYLES[0], "who5")
    subscale = DATA.instruments[0].subscales[0]
    line = artist(fig, f"subscale-who5-{subscale.key}")
    assert list(line.get_ydata()) == list(subscale.values)
    bands = [a for a in fig.findobj() if str(a.get_gid()).startswith("band-")]
    assert len(bands) == len(subscale.bands)


def test_weekly_chart_has_a_bar_per_week_and_the_mean_intensity():
    fig = figure()
    draw_weekly_reflections(fig, DATA.weekly, STYLES[0])
    bars = [c for ax in fig.axes for c in ax.containers]
    assert [p.get_height() for p in bars[0].patches] == list(DATA.weekly.counts)
    intensity = artist(fig, "weekly-intensity").get_ydata()
    assert len(intensity) == len(DATA.weekly.weeks)


def test_practice_chart_draws_one_line_per_rated_area_with_a_legend():
    fig = figure()
    draw_practice(fig, DATA.practice, DATA.practice_period, STYLES[0])
    for series in DATA.practice:
        assert list(artist(fig, f"practice-{series.key}").get_ydata()) == list(series.means)
    legend = fig.axes[0].get_legend()
    assert [t.get_text() for t in legend.get_texts()] == [s.label for s in DATA.practice]


def test_stage_and_helped_bars_match_the_counts():
    fig = figure()
    draw_stages(fig, DATA.stages, STYLES[0])
    widths = [p.get_width() for p in fig.axes[0].containers[0].patches]
    assert widths == [c.count for c in DATA.stages]
    fig = figure()
    draw_helped(fig, DATA.helped, DATA.helped_checkins, STYLES[0])
    widths = [p.get_width() for p in fig.axes[0].containers[0].patches]
    assert widths == [c.count for c in DATA.helped]


def test_heatmap_grid_puts_each_day_under_its_weekday_and_week():
    import math

    from reflect.charts.heatmap import NOTHING_RECORDED

    grid, first = calendar_grid(DATA.heaviness)
    assert first.weekday() == 0 and grid.shape[0] == 7
    start, end = DATA.heaviness.start, DATA.heaviness.end
    # Days of the first and last week outside the range are blank, not "nothing recorded".
    after_end = (end - first).days + 1
    if after_end % 7:
        assert math.isnan(grid[after_end % 7, after_end // 7])
    before = (start - first).days
    assert all(math.isnan(grid[row, 0]) for row in range(before))
    assert grid[before, 0] in (NOTHING_RECORDED, DATA.heaviness.values.get(start))
    for day, value in DATA.heaviness.values.items():
        offset = (day - first).days
        assert grid[offset % 7, offset // 7] == value


def test_hover_shows_the_exact_value_under_a_point():
    fig = figure()
    draw_categories(fig, DATA.categories, STYLES[0], OVERALL)
    fig.canvas.draw()
    line = artist(fig, f"category-{OVERALL}")
    ax = line.axes
    x, y = ax.transData.transform(line.get_xydata()[-1])
    found = hover_at(fig, x + 2, y - 2)
    assert found is not None
    assert "3.0 of 4" in found[1] and "usual" in found[1]
    assert hover_at(fig, 1, 1) is None  # far from every point


def test_series_colours_are_okabe_ito_and_dark_swaps_the_ones_that_sink():
    light, dark = STYLES
    okabe = {v.lower() for v in OKABE_ITO.values()}
    assert {c.lower() for c in light.series} <= okabe and {c.lower() for c in dark.series} <= okabe
    assert OKABE_ITO["blue"] not in dark.series and OKABE_ITO["black"] not in dark.series
    assert dark.dark and not light.dark


def test_band_names_in_the_margin_are_short_and_never_cut_mid_range():
    assert short_band_label("Above 50: above the low-wellbeing range") == "Above 50"
    assert short_band_label("Little or none (below 28)") == "Little or none\n(below 28)"
    assert short_band_label("x" * 40).endswith("…")


def test_strengths_and_strain_are_two_lines_on_one_chart_never_combined():
    fig = figure()
    draw_strengths(fig, DATA.strengths, STYLES[0])
    shown = [p for p in DATA.strengths if p.strengths is not None]
    assert list(artist(fig, "strengths-line").get_ydata()) == [p.strengths for p in shown]
    assert list(artist(fig, "strain-line").get_ydata()) == [p.strain for p in shown]
    assert len(fig.axes) == 1  # one chart, two separate lines, no net score


def test_returning_to_an_earlier_stage_is_counted_and_drawn_last():
    assert DATA.stages[-1].key == "returned"
    assert DATA.stages[-1].count > 0
    fig = figure()
    draw_stages(fig, DATA.stages, STYLES[0])
    assert len(fig.axes[0].containers[0].patches) == len(STAGES_OF_CHANGE)
