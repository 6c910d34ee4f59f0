"""Data dialog: backup with progress, a warning before plain export, restore via the window."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QMessageBox

from reflect.domain.reflection import Reflection
from reflect.services.backups import backup_now
from reflect.ui.app_window import AppWindow
from reflect.ui.screens.data_dialog import DataDialog
from tests.conftest import PASSPHRASE


def test_back_up_now_and_refresh(qtbot, session):
    dialog = DataDialog(session)
    qtbot.addWidget(dialog)
    assert "No backups yet" in dialog.backup_summary.text()
    dialog.backup_button.click()
    qtbot.waitUntil(lambda: "verified" in dialog.status.text(), timeout=5000)
    assert dialog.backup_button.isEnabled()
    assert "1 encrypted backup." in dialog.backup_summary.text()


def test_plain_export_is_not_written_when_the_warning_is_declined(
    qtbot, session, monkeypatch, tmp_path
):
    dialog = DataDialog(session)
    qtbot.addWidget(dialog)
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("json"))
    warned = []

    def decline(*args, **kwargs):
        warned.append(args[2])
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "warning", decline)
    dialog.export_button.click()
    assert warned and "NOT encrypted" in warned[0]
    assert list(tmp_path.iterdir()) == [tmp_path / "data"]


def test_window_restores_a_backup_then_asks_to_unlock(qtbot, paths, profile):
    win = AppWindow(paths, fast_kdf=True)
    qtbot.addWidget(win)
    win.show()
    win.lock_screen.passphrase_edit.setText(PASSPHRASE)
    win.lock_screen.unlock_button.click()
    qtbot.waitUntil(lambda: not win.is_locked, timeout=5000)
    session = win.session
    session.journal.save(
        Reflection("free_write", datetime(2026, 1, 1, 9), answers={"text": "kept"})
    )
    # (An empty backup would be refused: restoring it would empty the profile.)
    backup = backup_now(session).written[0]
    session.journal.save(
        Reflection("free_write", datetime(2026, 1, 2, 9), answers={"text": "later"})
    )
    win.restore_from_backup(backup, PASSPHRASE)
    assert win.is_locked
    qtbot.waitUntil(lambda: "Restored" in win.lock_screen.status_label.text(), timeout=8000)
    win.lock_screen.passphrase_edit.setText(PASSPHRASE)
    win.lock_screen.unlock_button.click()
    qtbot.waitUntil(lambda: not win.is_locked, timeout=5000)
    assert win.session.journal.count() == 1
    win.lock()
