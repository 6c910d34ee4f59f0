"""Settings and My plan at the smallest window in French, light and dark: Settings scrolled
sideways (a long check box and three profile buttons in a row were wider than the window,
and the text beside them was cut at the right edge), and My plan's people table cut its
headings ("Quand ou pourquoi") into three equal columns."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QScrollArea

from reflect.ui.theme import apply_theme
from reflect.ui.widgets.plan_editor import PlanEditor
from reflect.ui.workspace import Workspace
from tests.ui.text_fit import cut_texts


@pytest.fixture(params=["light", "dark"])
def workspace(request, qtbot, session, french):
    apply_theme(request.param)
    workspace = Workspace(session)
    qtbot.addWidget(workspace)
    workspace.show()
    return workspace


def _smallest(qtbot, workspace: Workspace) -> None:
    line = workspace.fontMetrics().height()  # window_size.workspace_minimum_size
    workspace.resize(line * 58, line * 37)
    qtbot.wait(5)


def test_settings_never_scroll_sideways(qtbot, workspace):
    workspace.show_screen("settings")
    _smallest(qtbot, workspace)
    area = workspace.screens["settings"].findChild(QScrollArea)
    page = area.widget()
    assert page.minimumSizeHint().width() <= area.viewport().width()
    assert not area.horizontalScrollBar().isVisible()
    assert cut_texts(page, skip_scrolled=False) == []


def test_my_plan_shows_its_people_headings_whole(qtbot, workspace):
    workspace.show_screen("resources")
    workspace.resources.show_plan()
    _smallest(qtbot, workspace)
    table = workspace.resources.findChild(PlanEditor).people_table
    header = table.horizontalHeader()
    metrics = header.fontMetrics()
    for column in range(table.columnCount()):
        heading = table.horizontalHeaderItem(column).text()
        assert header.sectionSize(column) >= metrics.horizontalAdvance(heading), heading
