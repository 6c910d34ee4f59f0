"""The small things that add up (issue 16): lock screen, new profile, recovery key, Get help
while locked, a recovered draft on Home, the empty History tab."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication

from reflect.domain.profile import ProfileInfo
from reflect.domain.reflection import Reflection


def test_the_demo_is_named_once_on_the_lock_screen(qtbot, profile_service):
    from reflect.services.demo import DEMO_NAME
    from reflect.ui.screens.lock_screen import LockScreen

    demo = profile_service.create("a demo passphrase", DEMO_NAME, is_demo=True)
    mine = profile_service.create("another passphrase", "Sam")
    screen = LockScreen()
    qtbot.addWidget(screen)
    screen.set_profiles([demo, mine])
    labels = [screen.profile_combo.itemText(i) for i in range(screen.profile_combo.count())]
    assert labels == ["Demo (fictional data)", "Sam"]
    assert all(isinstance(screen.profile_combo.itemData(i), ProfileInfo) for i in range(2))


def test_no_loss_to_accept_while_a_recovery_key_is_made(qtbot):
    from reflect.ui.screens.create_profile_dialog import CreateProfileDialog

    dialog = CreateProfileDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.make_recovery_key.isChecked()
    assert not dialog.understood.isVisible()
    dialog.passphrase_edit.setText("one two three four")
    dialog.confirm_edit.setText("one two three four")
    assert dialog.create_button.isEnabled()
    dialog.make_recovery_key.setChecked(False)
    assert dialog.understood.isVisible() and not dialog.create_button.isEnabled()
    dialog.understood.setChecked(True)
    assert dialog.create_button.isEnabled()


def test_recovery_key_copy_clears_the_clipboard_after_a_minute(qtbot, monkeypatch):
    from reflect.ui.screens import recovery_key_dialog
    from reflect.ui.screens.recovery_key_dialog import RecoveryKeyDialog

    monkeypatch.setattr(recovery_key_dialog, "CLIPBOARD_CLEAR_MS", 50)
    dialog = RecoveryKeyDialog("Sam", "ABCD-EFGH-IJKL")
    qtbot.addWidget(dialog)
    dialog.copy_button.click()
    clipboard = QGuiApplication.clipboard()
    assert clipboard.text() == "ABCD-EFGH-IJKL"
    assert "one minute" in dialog.copy_note.text()
    qtbot.waitUntil(lambda: clipboard.text() == "", timeout=2000)
    # something else copied meanwhile is left alone
    dialog.copy_button.click()
    clipboard.setText("my own text")
    done = []
    QTimer.singleShot(150, lambda: done.append(True))
    qtbot.waitUntil(lambda: bool(done), timeout=2000)
    assert clipboard.text() == "my own text"


def test_get_help_while_locked_points_nowhere_unreachable(qtbot):
    from reflect.ui.screens.get_help_dialog import GetHelpDialog

    dialog = GetHelpDialog(country="CA", session=None)
    qtbot.addWidget(dialog)
    from PySide6.QtWidgets import QLabel

    text = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "Resources ›" not in text
    assert "Sources:" in text


def test_home_mentions_a_recovered_draft(qtbot, session):
    from reflect.ui.screens.home_screen import HomeScreen

    home = HomeScreen(session)
    qtbot.addWidget(home)
    home.show()
    assert not home.draft_note.isVisible()
    session.journal.save_draft(
        Reflection("quick", datetime(2026, 5, 1, 18, 0), answers={"what_happened": "half"})
    )
    home.refresh()
    assert home.draft_note.isVisible()
    assert "unsaved reflection" in home.draft_note.label.text()
    with qtbot.waitSignal(home.draft_requested):
        home.draft_note.button.click()


def test_empty_history_is_laid_out_like_the_full_one(qtbot, session):
    from reflect.ui.widgets.checkin_history_view import CheckinHistoryView

    view = CheckinHistoryView(session)
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.show()
    empty_buttons_y = view.delete_button.y()
    items = [i.id for i in session.checkins.definition.items]
    session.checkins.record(dict.fromkeys(items, 1), taken_at=datetime(2026, 11, 3, 18))
    view.refresh()
    qtbot.waitUntil(lambda: view.list.isVisible())
    assert abs(view.delete_button.y() - empty_buttons_y) <= 2  # nothing jumps
    assert view.empty.height() > 100 or not view.empty.isVisible()
