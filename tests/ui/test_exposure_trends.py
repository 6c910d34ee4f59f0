"""The Exposure tab: drawn beside the warning signs, breaks shaded, words underneath, French."""

from __future__ import annotations

import string
from datetime import timedelta

import pytest
from matplotlib.figure import Figure

from reflect.charts.style import chart_style
from reflect.domain.exposure import Break
from reflect.domain.words import Words
from reflect.ui import i18n
from tests.ui.trend_history import NOW, fill_trend_history


@pytest.fixture
def exposed(session):
    fill_trend_history(session)
    today = NOW.date()
    for days_ago in range(1, 120):
        day = today - timedelta(days=days_ago)
        if day.weekday() < 5:
            session.exposure.log_shift(
                day=day, hours=8, disclosures=days_ago % 5, crises=days_ago % 2, material=1
            )
    session.exposure.log_shift(day=today - timedelta(days=9), critical=True, outline="x y")
    session.exposure.add_breaks([Break(today - timedelta(days=30), today - timedelta(days=26))])
    return session


def _screen(qtbot, session):
    from reflect.ui.screens.trends_screen import TrendsScreen

    screen = TrendsScreen(session)
    qtbot.addWidget(screen)
    screen.resize(1000, 700)
    with qtbot.waitSignal(screen.charts_ready, timeout=90_000):
        screen.show()
    return screen


def test_exposure_tab_draws_weeks_signs_breaks_and_a_summary(qtbot, exposed):
    screen = _screen(qtbot, exposed)
    panel = next(p for p in screen.panels if p.key == "exposure")
    screen.tabs.setCurrentWidget(panel)
    figure = panel.chart.figure
    gids = {artist.get_gid() for ax in figure.axes for artist in ax.get_children()}
    assert {"exposure-disclosures", "exposure-signs", "exposure-critical"} <= gids
    top = figure.axes[0]
    assert [t.get_text() for t in top.get_legend().get_texts()][-1] == "Break"
    assert panel.chart.title == "Exposure and warning signs"
    text = panel.summary.text()
    assert "shifts logged in this range" in text and "1 critical incident was logged." in text
    assert "1 break marked, 5 days in all." in text
    # A new shift shows after refresh (the cached range is forgotten).
    before = text
    exposed.exposure.log_shift(day=NOW.date(), disclosures=40)
    screen.refresh()
    qtbot.waitUntil(lambda: panel.summary.text() != before, timeout=30_000)


def test_heavy_days_can_show_exposure_instead_of_feelings(qtbot, exposed):
    screen = _screen(qtbot, exposed)
    heavy = next(p for p in screen.panels if p.key == "heavy")
    screen.tabs.setCurrentWidget(heavy)
    assert heavy.selection() == "feelings"
    feelings = heavy.summary.text()
    heavy.selector.setCurrentIndex(1)
    assert heavy.selection() == "exposure"
    assert "with a logged shift; the heaviest exposure was on" in heavy.summary.text()
    assert heavy.summary.text() != feelings


def test_every_exposure_text_has_french(exposed):
    from reflect.ui.screens.trends_screen import describe_tab, draw_tab

    french = i18n.load_catalogue("fr")
    asked: set[str] = set()

    def noting(text: str) -> str:
        asked.add(text)
        return text

    words = Words(translate=noting)
    data = exposed.trends.build_for("1y")
    view = exposed.exposure.view(data.range.start, data.range.end)
    empty = exposed.exposure.view(data.range.end, data.range.end)
    for exposure in (view, empty, None):
        for key, choice in (("exposure", None), ("heavy", "exposure")):
            figure = Figure(figsize=(8, 4), dpi=96)
            draw_tab(key, figure, data, chart_style(words=words), choice, exposure)
            describe_tab(key, data, choice, words, exposure)
    missing = sorted(text for text in asked if text not in french)
    assert missing == []
    for text in asked:
        keys = {f for _, f, _, _ in string.Formatter().parse(text) if f}
        assert keys == {f for _, f, _, _ in string.Formatter().parse(french[text]) if f}
