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


def test_the_resources_tabs_fit_without_scroll_arrows(qtbot, workspace):
    # In French the six tab names needed 705 px where the smallest window gives 629: Qt
    # then hid the last tabs behind scroll arrows. Shorter French names fit them all.
    workspace.show_screen("resources")
    _smallest(qtbot, workspace)
    bar = workspace.resources.tabs.tabBar()
    needed = sum(bar.tabSizeHint(i).width() for i in range(bar.count()))
    assert needed <= workspace.resources.tabs.width()
