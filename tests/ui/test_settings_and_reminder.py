from __future__ import annotations

from datetime import datetime, time, timedelta

from PySide6.QtCore import QTime
from PySide6.QtGui import QGuiApplication

from reflect.domain.reminders import ReminderSchedule
from reflect.ui.screens.delete_profile_dialog import DeleteProfileDialog
from reflect.ui.screens.settings_screen import SettingsScreen
from reflect.ui.tray_reminder import TrayReminder


def test_changes_are_saved_and_announced(qtbot, session, profile_service):
    screen = SettingsScreen(session, profile_service)
    qtbot.addWidget(screen)
    with qtbot.waitSignal(screen.setting_changed) as seen:
        screen.lock_spin.setValue(12)
    assert seen.args == ["auto_lock_minutes", 12]
    screen.theme_combo.setCurrentIndex(screen.theme_combo.findData("dark"))
    screen.country_combo.setCurrentIndex(screen.country_combo.findData("US"))
    screen.reminder_check.setChecked(True)
    screen.reminder_time.setTime(QTime(21, 15))
    screen.day_checks[0].setChecked(False)
    screen.day_checks[6].setChecked(True)
    screen.backup_check.setChecked(False)
    values = session.settings.all()
    assert values["auto_lock_minutes"] == 12
    assert values["theme"] == "dark" and values["country"] == "US"
    assert values["reminder_enabled"] is True and values["reminder_time"] == "21:15"
    assert values["reminder_days"] == [1, 2, 3, 4, 6]
    assert values["backup_enabled"] is False


def test_reminder_controls_follow_the_switch(qtbot, session):
    screen = SettingsScreen(session)
    qtbot.addWidget(screen)
    assert not screen.reminder_time.isEnabled()
    screen.reminder_check.setChecked(True)
    assert screen.reminder_time.isEnabled() and screen.day_checks[3].isEnabled()
    assert not screen.passphrase_button.isEnabled()  # no profile service: nothing to call


def test_copy_path_puts_the_profile_folder_on_the_clipboard(qtbot, session):
    screen = SettingsScreen(session)
    qtbot.addWidget(screen)
    screen.copy_button.click()
    assert QGuiApplication.clipboard().text() == str(
        session.paths.profile_dir(session.profile.profile_id)
    )


def test_delete_needs_the_typed_word(qtbot):
    dialog = DeleteProfileDialog("Tester")
    qtbot.addWidget(dialog)
    assert not dialog.delete_button.isEnabled()
    dialog.word.setText("delet")
    assert not dialog.delete_button.isEnabled()
    dialog.word.setText(" Delete ")
    assert dialog.delete_button.isEnabled()


def test_tray_reminder_schedules_snoozes_and_turns_off(qtbot):
    now = datetime(2026, 11, 23, 17, 0)  # Monday
    reminder = TrayReminder(clock=lambda: now)
    reminder.set_schedule(ReminderSchedule(True, time(17, 30), frozenset({0})))
    assert reminder.next_at == datetime(2026, 11, 23, 17, 30)
    assert reminder.timer.isActive()
    assert reminder.timer.remainingTime() <= 31 * 60_000  # coarse timers may round up
    reminder.snooze_now()
    assert reminder.next_at == datetime(2026, 11, 23, 17, 30)  # the scheduled time is sooner
    with qtbot.waitSignal(reminder.turned_off):
        reminder.turn_off()
    assert reminder.next_at is None and not reminder.timer.isActive()


def test_tray_reminder_fires_and_moves_to_the_next_day(qtbot):
    clock = {"now": datetime(2026, 11, 23, 17, 29)}
    reminder = TrayReminder(clock=lambda: clock["now"])
    reminder.set_schedule(ReminderSchedule(True, time(17, 30), frozenset({0, 1})))
    clock["now"] += timedelta(minutes=1)
    with qtbot.waitSignal(reminder.reminded):
        reminder._on_timer()
    assert reminder.next_at == datetime(2026, 11, 24, 17, 30)


def test_change_passphrase_from_settings(qtbot, session, profile_service, profile, monkeypatch):
    from reflect.ui.screens import passphrase_prompt

    new = "a brand new long passphrase"

    def fill_and_accept(dialog):
        dialog.first.setText(new)
        dialog.second.setText(new)
        return passphrase_prompt.PassphrasePrompt.DialogCode.Accepted

    monkeypatch.setattr(passphrase_prompt.PassphrasePrompt, "exec", fill_and_accept)
    screen = SettingsScreen(session, profile_service)
    qtbot.addWidget(screen)
    screen.passphrase_button.click()
    assert "Passphrase changed" in screen.status.text()
    session.close()
    reopened = profile_service.unlock(profile, new)
    assert reopened.is_open
    reopened.close()
