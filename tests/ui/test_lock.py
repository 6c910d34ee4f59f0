from __future__ import annotations

import pytest

from tests.conftest import PASSPHRASE


def _unlock(qtbot, win, passphrase=PASSPHRASE):
    win.lock_screen.passphrase_edit.setText(passphrase)
    win.lock_screen.unlock_button.click()


def test_lock_screen_lists_profiles_and_unlocks(qtbot, window):
    assert window.is_locked
    assert window.lock_screen.profile_combo.count() == 1
    _unlock(qtbot, window)
    qtbot.waitUntil(lambda: not window.is_locked, timeout=5000)
    assert window.pages.currentWidget() is window.workspace
    assert window.lock_screen.passphrase_edit.text() == ""


def test_wrong_passphrase_shows_message_and_stays_locked(qtbot, window):
    _unlock(qtbot, window, "definitely wrong")
    qtbot.waitUntil(lambda: "does not open" in window.lock_screen.status_label.text(), timeout=5000)
    assert window.is_locked


def test_ctrl_l_locks_closes_database_and_destroys_views(qtbot, window):
    _unlock(qtbot, window)
    qtbot.waitUntil(lambda: not window.is_locked, timeout=5000)
    session = window.session
    workspace = window.workspace
    qtbot.keyClick(
        window,
        "L",
        modifier=pytest.importorskip("PySide6.QtCore").Qt.KeyboardModifier.ControlModifier,
    )
    assert window.is_locked
    assert not session.is_open
    assert window.workspace is None
    assert window.pages.currentWidget() is window.lock_screen
    qtbot.waitUntil(lambda: not _alive(workspace), timeout=2000)


def _alive(widget) -> bool:
    from shiboken6 import isValid

    return isValid(widget)


def test_auto_lock_after_idle(qtbot, window):
    _unlock(qtbot, window)
    qtbot.waitUntil(lambda: not window.is_locked, timeout=5000)
    window.set_idle_timeout_ms(100)
    qtbot.waitUntil(lambda: window.is_locked, timeout=3000)


def test_input_resets_idle_timer(qtbot, window):
    """Driven by a fake wall clock, so a busy machine cannot make it flake."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    _unlock(qtbot, window)
    qtbot.waitUntil(lambda: not window.is_locked, timeout=5000)
    now = [1000.0]
    window.idle.wall_clock = lambda: now[0]
    window.set_idle_timeout_ms(60_000)  # the Qt timer stays far away; the clock decides
    now[0] += 40
    QApplication.sendEvent(
        window, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Shift, Qt.KeyboardModifier.NoModifier)
    )
    now[0] += 40  # 80 s since unlocking, but only 40 s since the key press
    window.idle.check_wall_clock()
    assert not window.is_locked
    now[0] += 30  # 70 s without input
    window.idle.check_wall_clock()
    assert window.is_locked


def test_quick_hide_hides_window(qtbot, window):
    window.quick_hide()
    assert not window.isVisible()


def test_create_profile_dialog_validates(qtbot):
    from reflect.ui.screens.create_profile_dialog import CreateProfileDialog

    dialog = CreateProfileDialog()
    qtbot.addWidget(dialog)
    dialog.passphrase_edit.setText("one two three four")
    dialog.confirm_edit.setText("one two three five")
    dialog.make_recovery_key.setChecked(False)  # without a key, the loss must be accepted
    assert not dialog.create_button.isEnabled()
    dialog.understood.setChecked(True)
    assert dialog.create_button.isEnabled()
    dialog.create_button.click()
    assert "different" in dialog.error_label.text()
    assert dialog.result() != dialog.DialogCode.Accepted
    dialog.confirm_edit.setText("one two three four")
    dialog.create_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted


def test_recovery_key_dialog_needs_confirmation(qtbot):
    from reflect.ui.screens.recovery_key_dialog import RecoveryKeyDialog

    dialog = RecoveryKeyDialog("Tester", "ABCDE-12345-FGHJK-67890-MNPQR")
    qtbot.addWidget(dialog)
    assert dialog.code_label.text() == "ABCDE-12345-FGHJK-67890-MNPQR"
    assert not dialog.ok_button.isEnabled()
    dialog.stored.setChecked(True)
    assert dialog.ok_button.isEnabled()


def test_forgot_passphrase_with_recovery_key_unlocks(
    qtbot, window, profile_service, profile, monkeypatch
):
    from reflect.ui.screens.recover_dialog import RecoverDialog

    session = profile_service.unlock(profile, PASSPHRASE)
    code = profile_service.create_recovery_key(session)
    session.close()

    def fake_exec(dialog):
        dialog.code_edit.setText(code)
        dialog.passphrase_edit.setText("a fresh passphrase")
        dialog.confirm_edit.setText("a fresh passphrase")
        return RecoverDialog.DialogCode.Accepted

    monkeypatch.setattr(RecoverDialog, "exec", fake_exec)
    window.lock_screen.forgot_button.click()
    qtbot.waitUntil(lambda: not window.is_locked, timeout=5000)
    window.lock()
    _unlock(qtbot, window, "a fresh passphrase")
    qtbot.waitUntil(lambda: not window.is_locked, timeout=5000)


def test_forgot_passphrase_without_recovery_key_explains(qtbot, window):
    window.lock_screen.forgot_button.click()
    assert "cannot be recovered" in window.lock_screen.status_label.text()
