"""Unlocking writes today's encrypted backup in the background."""

from __future__ import annotations

from datetime import date

from reflect.domain.backup_rotation import daily_name
from reflect.ui.app_window import AppWindow
from tests.conftest import PASSPHRASE


def test_unlock_writes_todays_backup_off_the_gui_thread(qtbot, paths, profile, monkeypatch):
    import threading

    import reflect.storage.backup as storage_backup

    threads: list[threading.Thread] = []
    real_backup_to = storage_backup.backup_to

    def recording_backup_to(*args, **kwargs):
        threads.append(threading.current_thread())
        return real_backup_to(*args, **kwargs)

    monkeypatch.setattr(storage_backup, "backup_to", recording_backup_to)
    win = AppWindow(paths, fast_kdf=True)
    qtbot.addWidget(win)
    win.show()
    win.lock_screen.passphrase_edit.setText(PASSPHRASE)
    win.lock_screen.unlock_button.click()
    qtbot.waitUntil(lambda: not win.is_locked, timeout=5000)
    daily = profile.directory / "backups" / daily_name(date.today()).filename
    qtbot.waitUntil(daily.exists, timeout=5000)
    assert win.last_backup_error is None
    assert threads and all(t is not threading.main_thread() for t in threads)
    win.lock()
