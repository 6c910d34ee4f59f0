"""Fixtures shared by the window tests."""

from __future__ import annotations

import pytest

from reflect.ui.app_window import AppWindow


@pytest.fixture
def window(qtbot, paths, profile):
    """Reflect's window on the test profile, shown locked (a test file may define its own)."""
    win = AppWindow(paths, fast_kdf=True)
    qtbot.addWidget(win)
    win.show()
    return win
