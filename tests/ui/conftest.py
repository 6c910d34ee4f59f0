"""Fixtures shared by the window tests."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from reflect.ui import i18n
from reflect.ui.app_window import AppWindow


@pytest.fixture
def window(qtbot, paths, profile):
    """Reflect's window on the test profile, shown locked (a test file may define its own)."""
    win = AppWindow(paths, fast_kdf=True)
    qtbot.addWidget(win)
    win.show()
    return win


@pytest.fixture
def french():
    """The interface in French for one test (a file may define its own); yields the French
    catalogue."""
    i18n.set_language("fr")
    yield i18n.load_catalogue("fr")
    i18n.set_language("en")


@pytest.fixture(autouse=True)
def _widgets_of_a_test_go_with_it(qapp):
    """The windows a test leaves behind (closed by qtbot, or dropped) are deleted when it
    ends, not whenever a later collection happens to reach them: a collection running inside
    a later test could delete a chart canvas while matplotlib was drawing it (a redraw the
    earlier test had queued), which printed "FigureCanvasQTAgg already deleted" and once
    crashed the run."""
    yield
    for widget in qapp.topLevelWidgets():
        if not widget.isVisible():
            widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
