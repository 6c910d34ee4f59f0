"""Every Trends chart at the smallest window, in French: no word of a title, subtitle, legend,
axis or band name runs past the chart's edge, and title, subtitle, legend and plot do not
overlap. The review found a long imported questionnaire name cut in its chart's title and
the CBI's legend cut on the left ("…puisement personnel")."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from PySide6.QtWidgets import QApplication

from reflect.resources import asset_path
from reflect.services.demo_data import fill_demo_profile
from reflect.ui.theme import apply_theme
from reflect.ui.workspace import Workspace
from tests.charts.chart_fit import cut_chart_texts, overlaps_on_top

LONG_NAME = "Bien-être de l'équipe d'accompagnement de nuit et des permanences téléphoniques"


@pytest.fixture
def trends(qtbot, session, tmp_path, french):
    data = json.loads(asset_path("instruments", "who5.json").read_text(encoding="utf-8"))
    data.update(id="nightteam", name=LONG_NAME)
    data.pop("short_name", None)  # so Trends names it by its whole name
    definition = tmp_path / "night-team.json"
    definition.write_text(json.dumps(data), encoding="utf-8")
    session.instruments.import_definition(definition)
    fill_demo_profile(session, reflections_per_year=40, checkins_per_year=26)
    for taken in session.instruments.definitions():
        answers = [taken.scale.minimum + 1] * taken.item_count
        session.instruments.record(taken.id, answers, taken_at=datetime.now())
    apply_theme("light", QApplication.instance())
    workspace = Workspace(session)
    qtbot.addWidget(workspace)
    workspace.show()
    workspace.show_screen("trends")
    workspace.resize(1, 1)  # the smallest window
    screen = workspace.screens["trends"]
    qtbot.waitUntil(lambda: screen.is_ready, timeout=60_000)
    yield screen
    workspace.close()


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
