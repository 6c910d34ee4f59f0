"""Debrief: a clear screen, real plurals, and a debrief mode that is safe without full
screen and can be enlarged for a shared screen (issue 16)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from reflect.ui.screens.debrief_mode import DebriefMode
from reflect.ui.screens.debrief_screen import DebriefScreen
from reflect.ui.widgets.share_picker import share_counts
from tests.services.debrief_fixtures import seed


def test_counts_read_naturally():
    assert share_counts(1, 2, 0) == "Sharing 1 reflection, 2 check-ins."
    assert share_counts(0, 1, 3) == "Sharing 1 check-in, 3 charts."
    assert share_counts(0, 0, 0) == "Nothing shared yet."


def test_the_screen_says_what_it_is_for(qtbot, session):
    screen = DebriefScreen(session)
    qtbot.addWidget(screen)
    assert "Debrief with your supervisor" in screen.heading.text()


def test_debrief_mode_hides_the_workspace_and_brings_it_back(qtbot, session, monkeypatch):
    seeded = seed(session)
    workspace = QWidget()  # stands for the app window (the window manager ignored full screen)
    qtbot.addWidget(workspace)
    screen = DebriefScreen(session)
    QVBoxLayout(workspace).addWidget(screen)
    workspace.show()
    screen.title.setText("Tuesday")
    screen.picker.set_checked("reflection", str(seeded.shared_reflection))
    monkeypatch.setattr(DebriefMode, "showFullScreen", DebriefMode.show)
    mode = screen.start_mode()
    assert mode is not None
    qtbot.addWidget(mode)
    mode._confirm_leave = False  # closing at teardown must not wait for a question
    assert mode.isVisible()
    assert not workspace.isVisible()  # nothing private around the shared window
    mode.activateWindow()
    qtbot.waitUntil(mode.isActiveWindow, timeout=3000)
    base = mode.font().pointSizeF()
    qtbot.keyClick(mode, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(mode, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert mode.font().pointSizeF() > base * 1.25
    qtbot.keyClick(mode, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert base < mode.font().pointSizeF() < base * 1.25
    qtbot.keyClick(mode, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert mode.font().pointSizeF() == base
    mode.leave_without_asking()
    assert workspace.isVisible()
