"""The Journal's list fits its width at the smallest window, in English and French: no
sideways scrolling, cut columns whole in their tooltips, the excerpt takes what is left, and
the keyboard moves through it as before."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCalendarWidget

from reflect.services.demo_data import fill_demo_profile
from reflect.ui import i18n
from reflect.ui.theme import apply_theme
from reflect.ui.widgets.journal_table import EXCERPT, SHRINKING
from reflect.ui.workspace import Workspace


@pytest.fixture(params=["en", "fr"])
def journal(request, qtbot, session):
    i18n.set_language(request.param)
    apply_theme("light", QApplication.instance())
    fill_demo_profile(session, reflections_per_year=40, checkins_per_year=10, end=date(2026, 6, 30))
    workspace = Workspace(session)
    qtbot.addWidget(workspace)
    workspace.show()
    workspace.show_screen("journal")
    screen = workspace.screens["journal"]
    qtbot.waitUntil(lambda: screen.model.rowCount() > 0)
    workspace.resize(1, 1)  # as small as it lets itself be made
    qtbot.wait(50)
    yield screen
    i18n.set_language("en")


def test_the_list_does_not_scroll_sideways_at_the_smallest_window(journal):
    table = journal.table
    header = table.horizontalHeader()
    assert not table.horizontalScrollBar().isVisible()
    assert header.length() <= table.viewport().width()
    # The excerpt keeps real room, more than any other column.
    excerpt = header.sectionSize(EXCERPT)
    assert excerpt >= table.viewport().width() // 4
    assert all(header.sectionSize(c) < excerpt for c in SHRINKING)


def test_a_cut_cell_or_heading_is_whole_in_its_tooltip(journal):
    model = journal.model
    metrics = journal.table.fontMetrics()
    header = journal.table.horizontalHeader()
    cut = 0
    for column in SHRINKING:
        heading = model.headerData(column, Qt.Orientation.Horizontal)
        tip = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        assert tip == heading
        for row in range(model.rowCount()):
            index = model.index(row, column)
            text = model.data(index)
            if text and metrics.horizontalAdvance(text) > header.sectionSize(column):
                cut += 1
                assert model.data(index, Qt.ItemDataRole.ToolTipRole) == text
    assert cut > 0, "the smallest window cuts some names"


def test_the_keyboard_moves_through_the_list_as_before(qtbot, journal):
    table = journal.table
    table.setFocus()
    table.selectRow(0)
    table.setCurrentIndex(journal.model.index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert table.currentIndex().row() == 1
    assert journal.selected_id() == journal.model.row_at(1).id
    for _ in range(6):  # to the excerpt, the last column: nothing to scroll to
        qtbot.keyClick(table, Qt.Key.Key_Right)
    assert table.horizontalScrollBar().value() == 0
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not table


def test_the_calendar_names_days_by_one_letter_only_when_narrow(qtbot, journal):
    calendar = journal.calendar
    assert calendar.width() >= calendar.minimumSizeHint().width()
    narrow = calendar.horizontalHeaderFormat()
    calendar.window().resize(1600, 1000)
    qtbot.waitUntil(lambda: calendar.width() > 300)
    assert narrow == QCalendarWidget.HorizontalHeaderFormat.SingleLetterDayNames
    assert calendar.horizontalHeaderFormat() == QCalendarWidget.HorizontalHeaderFormat.ShortDayNames
