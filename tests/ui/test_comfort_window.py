"""Settings take effect in the running window: idle lock, theme, language, reminder, delete."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from reflect.ui.app_window import AppWindow
from reflect.ui.i18n import set_language, tr
from reflect.ui.screens.settings_screen import SettingsScreen
from tests.conftest import PASSPHRASE


@pytest.fixture
def window(qtbot, paths, profile):
    win = AppWindow(paths, fast_kdf=True)
    qtbot.addWidget(win)
    win.show()
    win.lock_screen.passphrase_edit.setText(PASSPHRASE)
    win.lock_screen.unlock_button.click()
    qtbot.waitUntil(lambda: not win.is_locked, timeout=5000)
    yield win
    set_language("en")  # the catalogue is process-wide; leave English for other tests
    from reflect.ui.theme import apply_theme

    apply_theme("light")


def _settings(win: AppWindow) -> SettingsScreen:
    screen = win.workspace.screens["settings"]
    assert isinstance(screen, SettingsScreen)
    return screen


def test_auto_lock_and_theme_apply_live(window):
    settings = _settings(window)
    settings.lock_spin.setValue(2)
    assert window.idle._timer.interval() == 120_000
    settings.theme_combo.setCurrentIndex(settings.theme_combo.findData("dark"))
    assert QApplication.instance().property("reflectScheme") == "dark"
    settings.theme_combo.setCurrentIndex(settings.theme_combo.findData("light"))
    assert QApplication.instance().property("reflectScheme") == "light"


def test_language_rebuilds_the_workspace_in_french_and_the_lock_screen_follows(qtbot, window):
    old = window.workspace
    settings = _settings(window)
    settings.language_combo.setCurrentIndex(settings.language_combo.findData("fr"))
    qtbot.waitUntil(lambda: window.workspace is not old, timeout=3000)
    assert window.workspace.nav.item(0).text() == "Accueil"
    assert window.workspace.stack.currentWidget() is window.workspace.screens["settings"]
    window.lock()
    assert window.lock_screen.unlock_button.text() == "Déverrouiller"
    assert tr("Start a reflection") == "Commencer une réflexion"


def test_reminder_settings_reach_the_tray_reminder(window):
    settings = _settings(window)
    settings.reminder_check.setChecked(True)
    assert window.reminder.schedule.enabled
    assert window.reminder.next_at is not None
    window.reminder.turn_off()
    assert window.session.settings.get("reminder_enabled") is False
    assert not settings.reminder_check.isChecked()


def test_delete_profile_removes_it_and_locks(window, paths):
    profile_dir = paths.profile_dir(window.session.profile.profile_id)
    assert profile_dir.exists()
    window.delete_current_profile()
    assert window.is_locked
    assert not profile_dir.exists()
    assert window.lock_screen.profile_combo.count() == 0
