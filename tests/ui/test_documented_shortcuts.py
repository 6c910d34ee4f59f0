"""The keys the user guide promises on Journal, Trends and in the tag manager do what it says
(docs/user-guide.md, "Keyboard shortcuts"): pressed as a person presses them, on the
focused control, not by calling the method behind them."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from reflect.domain.reflection import Reflection
from reflect.ui.screens.journal_screen import JournalScreen
from reflect.ui.screens.tag_manager_dialog import TagManagerDialog
from reflect.ui.workspace import Workspace


@pytest.fixture
def workspace(qtbot, session, profile_service):
    now = datetime.now().replace(microsecond=0)
    for days in (3, 2, 1):
        session.journal.save(
            Reflection(
                "quick",
                now - timedelta(days=days),
                answers={"what_happened": f"day {days}"},
                tags=["night-shift"],
            )
        )
    items = [i.id for i in session.checkins.definition.items]
    for days in (9, 6, 3):
        session.checkins.record(dict.fromkeys(items, 1), taken_at=now - timedelta(days=days))
    window = Workspace(session, profiles=profile_service)
    qtbot.addWidget(window)
    window.resize(1100, 740)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    yield window
    window.before_lock()
    qtbot.wait(50)  # matplotlib's queued redraws run while their canvases still exist


def _press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)
    QApplication.processEvents()


def _journal(qtbot, workspace) -> JournalScreen:
    workspace.show_screen("journal")
    screen = workspace.screens["journal"]
    qtbot.waitUntil(lambda: screen.model.rowCount() == 3, timeout=5000)
    screen.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is screen.table, timeout=2000)
    return screen


def test_ctrl_f_goes_to_the_journal_search(qtbot, workspace):
    screen = _journal(qtbot, workspace)
    _press(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is screen.filters.search


def test_enter_opens_a_reflection_and_escape_comes_back(qtbot, workspace):
    screen = _journal(qtbot, workspace)
    _press(qtbot, Qt.Key.Key_Return)
    assert screen.pages.currentWidget() is screen.reader
    _press(qtbot, Qt.Key.Key_Escape)
    assert screen.pages.currentIndex() == 0


def test_ctrl_p_prints_without_opening_the_menu(qtbot, workspace, monkeypatch):
    printed = []
    monkeypatch.setattr(JournalScreen, "print_selected", lambda self: printed.append(True))
    _journal(qtbot, workspace)
    _press(qtbot, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert printed == [True]


def test_ctrl_e_exports_the_chart_on_trends(qtbot, workspace, monkeypatch):
    asked = []

    def save_as(*_args, **_kwargs):
        asked.append(True)
        return "", ""  # the person cancels the file dialog

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    workspace.show_screen("trends")
    screen = workspace.screens["trends"]
    qtbot.waitUntil(lambda: screen.is_ready, timeout=10000)
    screen.tabs.tabBar().setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is screen.tabs.tabBar(), timeout=2000)
    _press(qtbot, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert asked == [True]


def test_f2_renames_and_escape_closes_the_tag_manager(qtbot, session):
    session.journal.save(
        Reflection("quick", datetime.now(), answers={"what_happened": "x"}, tags=["night-shift"])
    )
    dialog = TagManagerDialog(session.journal)
    qtbot.addWidget(dialog)
    asked = []
    dialog.ask_text = lambda *args: asked.append(args) or None  # the person cancels
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    dialog.tags.setFocus()
    qtbot.keyClick(dialog.tags, Qt.Key.Key_F2)
    assert len(asked) == 1
    qtbot.keyClick(dialog.tags, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_arrow_keys_move_along_the_trends_range(qtbot, workspace):
    workspace.show_screen("trends")
    screen = workspace.screens["trends"]
    qtbot.waitUntil(lambda: screen.is_ready, timeout=10000)
    weeks = screen.picker.buttons["4w"]
    weeks.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is weeks, timeout=2000)
    _press(qtbot, Qt.Key.Key_Right)
    assert QApplication.focusWidget() is screen.picker.buttons["3m"]


def test_tab_enters_the_trends_range_at_the_range_shown_and_leaves_in_one_press(qtbot, workspace):
    workspace.show_screen("trends")
    screen = workspace.screens["trends"]
    qtbot.waitUntil(lambda: screen.is_ready, timeout=10000)
    picker = screen.picker
    picker.choose("1y")
    chosen = picker.buttons["1y"]
    stops = [b for b in picker.buttons.values() if b.focusPolicy() & Qt.FocusPolicy.TabFocus]
    assert stops == [chosen]
    chosen.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is chosen, timeout=2000)
    _press(qtbot, Qt.Key.Key_Right)  # the arrows still move along every range
    assert QApplication.focusWidget() is picker.buttons["all"]
    assert picker.buttons["all"].isChecked()
    assert [b for b in picker.buttons.values() if b.focusPolicy() & Qt.FocusPolicy.TabFocus] == [
        picker.buttons["all"]
    ]
