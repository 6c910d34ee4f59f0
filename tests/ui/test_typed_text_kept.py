"""Adversarial checks that nothing a person typed is lost or silently changed: a lock while
a dialog is open, a follow-up marked done elsewhere while its reflection is being edited."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from shiboken6 import isValid

from reflect.domain.reflection import FollowUp, Reflection
from reflect.ui.screens.reflect_screen import ReflectScreen
from tests.ui.app_windows import unlock


def test_a_follow_up_marked_done_elsewhere_stays_done_when_its_reflection_is_saved(qtbot, session):
    saved = session.journal.save(
        Reflection(
            "trauma_informed",
            datetime(2026, 12, 1, 9, 0),
            answers={"what_happened": "first words"},
            follow_ups=[FollowUp("call the drop-in")],
        )
    )
    screen = ReflectScreen(session)
    qtbot.addWidget(screen)
    assert screen.edit_reflection(saved.id)
    # Meanwhile, on Home, the person ticks the follow-up off.
    session.journal.mark_follow_up_done(saved.follow_ups[0].id)
    screen.form.texts["what_happened"].setPlainText("first words, and a second thought")
    assert screen.save() is not None
    again = session.journal.get(saved.id)
    assert again.answers["what_happened"] == "first words, and a second thought"
    assert again.follow_ups[0].done_at is not None, "saving the text reopened the follow-up"


def _while_dialog_open(action):
    """Run ``action(dialog)`` once the modal dialog about to open is shown."""
    seen = {}

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        seen["dialog"] = dialog
        action(dialog)
        QApplication.processEvents()
        if (
            isValid(dialog) and dialog.isVisible()
        ):  # the lock left it open: use it, as a person would
            seen["left_open"] = True
            dialog.save_button.click()
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(100, run)
    return seen


def test_the_idle_lock_closes_a_dialog_left_open_over_the_workspace(qtbot, window):
    unlock(qtbot, window)
    home = window.workspace.home

    def type_then_lock(dialog) -> None:
        dialog.form.hours.setText("7")
        dialog.form.outline.setText("a hard visit")
        window.idle.idle.emit()  # the idle timer fires while the dialog is open

    seen = _while_dialog_open(type_then_lock)
    home.log_shift()
    assert window.is_locked
    assert "left_open" not in seen, "the dialog stayed open over the lock screen"


def test_the_idle_lock_closes_nested_dialogs_innermost_first(qtbot, window):
    """The critical-incident offer opens over the shift dialog; both close, nothing raises."""
    unlock(qtbot, window)
    home = window.workspace.home
    seen = {}

    def at_the_offer() -> None:
        seen["offer"] = QApplication.activeModalWidget()
        window.idle.idle.emit()

    def type_then_save(dialog) -> None:
        dialog.form.hours.setText("9")
        dialog.form.critical.setChecked(True)
        QTimer.singleShot(100, at_the_offer)
        dialog.save_button.click()  # the shift is saved, then the offer is asked

    _while_dialog_open(type_then_save)
    home.log_shift()
    assert window.is_locked
    assert seen["offer"] is not None
    assert not any(w.isVisible() for w in QApplication.topLevelWidgets() if w is not window), (
        "a dialog stayed open over the lock screen"
    )
    unlock(qtbot, window)
    assert [log.hours for log in window.session.exposure.shifts()] == [9]


def test_the_idle_lock_hides_a_new_recovery_key_and_says_so(qtbot, window, monkeypatch):
    """The key dialog refuses to close until the key is noted; a lock still takes it off
    the screen (it opens the profile), and the lock screen says how to get another."""
    from reflect.ui.screens import profile_key_actions

    monkeypatch.setattr(profile_key_actions, "confirm_destructive", lambda *_a: True)
    unlock(qtbot, window)
    window.workspace.show_screen("settings")
    settings = window.workspace.settings
    seen = {}

    def lock_while_the_key_shows() -> None:
        seen["dialog"] = QApplication.activeModalWidget()
        window.idle.idle.emit()
        QApplication.processEvents()
        dialog = seen["dialog"]
        seen["still_shown"] = isValid(dialog) and dialog.isVisible()
        if seen["still_shown"]:
            dialog.stored.setChecked(True)
            dialog.accept()

    QTimer.singleShot(100, lock_while_the_key_shows)
    settings.recovery_button.click()
    assert type(seen["dialog"]).__name__ == "RecoveryKeyDialog"
    assert window.is_locked
    assert not seen["still_shown"], "the recovery key stayed on screen over the lock screen"
    assert "make a new one in Settings" in window.lock_screen.status_label.text()


def _disk_full(*_args, **_kwargs):
    import sqlcipher3

    raise sqlcipher3.OperationalError("database or disk is full")


def test_a_save_that_fails_while_locking_still_locks(qtbot, window, monkeypatch):
    """Debrief edits are saved on the way to the lock screen; a full disk must not leave
    the profile open with the idle timer stopped."""
    unlock(qtbot, window)
    window.workspace.show_screen("debrief")
    debrief = window.workspace.debrief
    debrief.title.setText("Tuesday's hard call")
    monkeypatch.setattr(debrief.service, "save", _disk_full)
    window.workspace.reflect.form.texts["what_happened"].setPlainText("kept all the same")
    session = window.session
    window.lock()
    assert window.is_locked
    assert not session.is_open
    assert window.workspace is None
    assert "could not be kept" in window.lock_screen.status_label.text()
    unlock(qtbot, window)  # the other screens still kept theirs
    assert window.session.journal.load_draft().reflection.answers["what_happened"] == (
        "kept all the same"
    )


def test_a_language_switch_keeps_the_screens_when_a_save_fails(qtbot, window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warned.append(args[2]))
    unlock(qtbot, window)
    window.workspace.show_screen("debrief")
    debrief = window.workspace.debrief
    debrief.title.setText("Tuesday's hard call")
    monkeypatch.setattr(debrief.service, "save", _disk_full)
    workspace = window.workspace
    window.workspace.show_screen("settings")
    settings = window.workspace.settings
    settings.language_combo.setCurrentIndex(settings.language_combo.findData("fr"))
    qtbot.waitUntil(lambda: bool(warned), timeout=3000)
    assert window.workspace is workspace
    assert isValid(debrief) and debrief.title.text() == "Tuesday's hard call"


def test_get_help_now_stays_open_through_the_lock_but_its_contact_editor_closes(qtbot, window):
    """The crisis lines stay on screen (their own contacts go); a contact being edited in
    it closes rather than saving into a closed database."""
    unlock(qtbot, window)
    seen = {}

    def edit_then_lock() -> None:
        help_dialog = QApplication.activeModalWidget()
        seen["help"] = help_dialog

        def in_editor() -> None:
            seen["editor"] = QApplication.activeModalWidget()
            seen["editor"].name_edit.setText("My EAP")
            window.idle.idle.emit()
            QApplication.processEvents()
            seen["editor_open"] = isValid(seen["editor"]) and seen["editor"].isVisible()
            seen["help_open"] = help_dialog.isVisible()
            if seen["editor_open"]:
                seen["editor"].reject()
            QTimer.singleShot(500, help_dialog.reject)

        QTimer.singleShot(100, in_editor)
        help_dialog._edit_contact(None)

    QTimer.singleShot(100, edit_then_lock)
    window.show_help()
    assert window.is_locked
    assert seen["help_open"], "Get help now closed with the lock"
    assert not seen["editor_open"], "the contact editor stayed open over the lock screen"


def test_a_reflection_draft_that_cannot_be_kept_at_the_lock_is_named_on_the_lock_screen(
    qtbot, window, monkeypatch
):
    """The editor's status line goes with the workspace: the lock screen must say it."""
    unlock(qtbot, window)
    reflect = window.workspace.reflect
    reflect.form.texts["what_happened"].setPlainText("half a thought")
    monkeypatch.setattr(reflect.journal, "save_draft", _disk_full)
    window.lock()
    assert window.is_locked
    assert "could not be kept" in window.lock_screen.status_label.text()


def test_a_failed_autosave_still_never_raises(qtbot, session, monkeypatch):
    screen = ReflectScreen(session, autosave_ms=10)
    qtbot.addWidget(screen)
    monkeypatch.setattr(screen.journal, "save_draft", _disk_full)
    screen.form.texts["what_happened"].setPlainText("half a thought")
    qtbot.waitUntil(lambda: "could not be kept" in screen.status.text(), timeout=2000)
