"""Every Trends chart at the smallest window, in French: no word of a title, subtitle, legend,
axis or band name runs past the chart's edge, and title, subtitle, legend and plot do not
overlap. The review found a long imported questionnaire name cut in its chart's title and
the CBI's legend cut on the left ("…puisement personnel")."""

from __future__ import annotations

import pytest

from reflect.services.demo_data import fill_demo_profile
from tests.charts.chart_fit import cut_chart_texts, overlaps_on_top
from tests.ui.trends_smallest import LONG_NAME, trends_at_the_smallest


@pytest.fixture
def trends(qtbot, session, tmp_path, french):
    yield from trends_at_the_smallest(
        qtbot,
        session,
        tmp_path,
        lambda s: fill_demo_profile(s, reflections_per_year=40, checkins_per_year=26),
    )


def _charts(qtbot, screen):
    """Each tab's chart, once for every choice of its chooser."""
    for panel in screen.panels:
        screen.tabs.setCurrentWidget(panel)
        qtbot.wait(20)
        chooser = getattr(panel, "selector", None)
        for index in range(chooser.count()) if chooser is not None else (None,):
            if index is not None:
                chooser.setCurrentIndex(index)
                qtbot.wait(20)
            yield f"{panel.key} {chooser.currentText() if chooser else ''}", panel.chart.figure


def test_every_trends_chart_fits_the_smallest_window_in_french(qtbot, trends):
    seen, problems = [], {}
    for name, figure in _charts(qtbot, trends):
        seen.append(name)
        # The chart's room at this size (a larger window would hide the problem).
        assert figure.get_figwidth() * 72 < 470, name
        found = cut_chart_texts(figure) + (overlaps_on_top(figure) if figure.axes else [])
        if found:
            problems[name] = found
    assert any(LONG_NAME in name for name in seen)
    assert any(name.startswith("questionnaires CBI") for name in seen)
    assert problems == {}
