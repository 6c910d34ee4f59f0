"""The tray's menu outlives every workspace: a language chosen in Settings reaches it."""

from __future__ import annotations

import pytest

from reflect.ui import tray_reminder
from reflect.ui.app_window import AppWindow
from reflect.ui.i18n import set_language
from tests.ui.app_windows import unlock


@pytest.fixture
def window_with_tray(qtbot, paths, profile, monkeypatch):
    # The offscreen platform has no tray; the menu is the same widget either way.
    monkeypatch.setattr(tray_reminder, "tray_available", lambda: True)
    win = AppWindow(paths, fast_kdf=True)
    qtbot.addWidget(win)
    win.show()
    unlock(qtbot, win)
    yield win
    set_language("en")


def test_the_tray_menu_follows_the_language_chosen_in_settings(qtbot, window_with_tray):
    win = window_with_tray
    reminder = win.reminder
    assert reminder.tray is not None
    assert reminder.open_action.text() == "Open Reflect"
    old = win.workspace
    settings = win.workspace.screens["settings"]
    settings.language_combo.setCurrentIndex(settings.language_combo.findData("fr"))
    qtbot.waitUntil(lambda: win.workspace is not old, timeout=3000)
    assert reminder.open_action.text() == "Ouvrir Reflect"
    assert reminder.quit_action.text() == "Quitter Reflect"
    assert reminder.snooze_action.text() != "Remind me in 30 minutes"
