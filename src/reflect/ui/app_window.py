"""The single top-level window: lock screen when locked, workspace when unlocked."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QMessageBox, QStackedWidget

from reflect.diagnostics import record_error
from reflect.domain.errors import ReflectError
from reflect.paths import APP_NAME, AppPaths
from reflect.services.profiles import ProfileService
from reflect.services.session import Session
from reflect.ui.asked_across_lock import run_modal
from reflect.ui.error_text import message_in_language
from reflect.ui.i18n import tr
from reflect.ui.idle_watcher import IdleWatcher
from reflect.ui.lock_dialogs import (
    NOT_KEPT_ON_LOCK,
    NOT_KEPT_ON_REBUILD,
    RECOVERY_KEY_HIDDEN,
    close_dialogs_opened_from,
    retire,
)
from reflect.ui.lock_screen_flows import LockScreenFlows
from reflect.ui.qt_language import apply_qt_language
from reflect.ui.screens.lock_screen import LockScreen
from reflect.ui.widgets.wheel_guard import install_wheel_guard
from reflect.ui.workers import run_in_background

if TYPE_CHECKING:
    from reflect.ui.self_check_notifier import SelfCheckNotifier
    from reflect.ui.tray_reminder import TrayReminder
    from reflect.ui.workspace import Workspace

LOCK_SHORTCUT = "Ctrl+L"
HIDE_SHORTCUT = "Ctrl+Shift+X"
HELP_SHORTCUT = "Ctrl+Shift+H"
DEFAULT_IDLE_MINUTES = 5


class AppWindow(LockScreenFlows):
    def __init__(self, paths: AppPaths, *, demo: bool = False, fast_kdf: bool = False) -> None:
        super().__init__()
        # The style before any widget exists: applied afterwards, it re-polishes every widget
        # already built (about 60 ms of the lock screen's first frame).
        app = QApplication.instance()
        from reflect.ui.theme import apply_theme, follow_system

        if isinstance(app, QApplication):
            apply_theme(str(app.property("reflectTheme") or "system"), app)
            follow_system(app)
        self.paths = paths
        # writer: an unlocked profile holds its writer lock, so no command writes meanwhile.
        self.profiles = ProfileService(paths, fast_kdf=fast_kdf, writer=True)
        self.session: Session | None = None
        self.workspace: Workspace | None = None
        self.setWindowTitle(APP_NAME)
        self.resize(1100, 740)

        self.pages = QStackedWidget()
        self.setCentralWidget(self.pages)
        from reflect.ui.i18n import set_language
        from reflect.ui.interface_language import remembered_language

        apply_qt_language(set_language(remembered_language(paths)))
        self.lock_screen = LockScreen()
        self.pages.addWidget(self.lock_screen)

        self.idle = IdleWatcher(DEFAULT_IDLE_MINUTES * 60_000, self)  # listens once unlocked
        # Built on first use (the first unlock): a reminder needs a profile's schedule, and
        # the tray's widgets would otherwise slow the lock screen's first frame.
        self._reminder: TrayReminder | None = None
        self._self_checks: SelfCheckNotifier | None = None  # while unlocked
        self._quitting = False

        self._connect_signals()
        self._refresh_profiles()
        # Load the storage code while the person types their passphrase, so unlocking only
        # pays for key derivation and the first queries.
        QTimer.singleShot(200, self, lambda: run_in_background(_warm_up_storage, _ignore, _ignore))
        if demo:
            QTimer.singleShot(0, self._on_lock_screen_demo)

    def _connect_signals(self) -> None:
        self._connect_lock_screen()
        self.idle.idle.connect(self.lock)
        QShortcut(QKeySequence(LOCK_SHORTCUT), self).activated.connect(self.lock)
        QShortcut(QKeySequence(HIDE_SHORTCUT), self).activated.connect(self.quick_hide)
        QShortcut(QKeySequence(HELP_SHORTCUT), self).activated.connect(self.show_help)

    @property
    def reminder(self) -> TrayReminder:
        """The tray reminder; it lives across locks, keeping its time and days."""
        if self._reminder is None:
            from reflect.ui.tray_reminder import TrayReminder

            self._reminder = TrayReminder(self)
            self._reminder.open_requested.connect(self.bring_to_front)
            self._reminder.turned_off.connect(self._on_reminder_turned_off)
            self._reminder.quit_requested.connect(self.quit_for_real)
        return self._reminder

    def _guard_the_wheel(self) -> None:
        """The wheel scrolls forms; it never changes an answer that is not being edited.
        Application-wide from the person's first action on the lock screen (wheel_guard)."""
        install_wheel_guard(built_under=self)

    def _connect_lock_screen(self) -> None:
        lock_screen = self.lock_screen
        for intent in (
            lock_screen.unlock_requested,
            lock_screen.create_profile_requested,
            lock_screen.demo_requested,
            lock_screen.help_requested,
            lock_screen.recovery_requested,
        ):
            intent.connect(self._guard_the_wheel)  # connected first, so it runs first
        self.lock_screen.unlock_requested.connect(self._on_lock_screen_unlock)
        self.lock_screen.create_profile_requested.connect(self._on_lock_screen_create)
        self.lock_screen.demo_requested.connect(self._on_lock_screen_demo)
        self.lock_screen.help_requested.connect(self.show_help)
        self.lock_screen.recovery_requested.connect(self._on_lock_screen_recovery)

    def _retranslate_lock_screen(self) -> None:
        """The lock screen speaks the language of the profile that was last open."""
        from reflect.ui.i18n import current_language

        if self.lock_screen.language == current_language():
            return
        old = self.lock_screen
        self.lock_screen = LockScreen()
        self.pages.insertWidget(0, self.lock_screen)
        self.pages.removeWidget(old)
        old.deleteLater()
        self._connect_lock_screen()

    # --- locking --------------------------------------------------------------------------

    @property
    def is_locked(self) -> bool:
        return self.session is None

    def lock(self) -> None:
        """Save drafts, destroy every view, close the database and wipe the key."""
        self.idle.stop()
        if self._self_checks is not None:
            self._self_checks.stop()
            self._self_checks.deleteLater()
            self._self_checks = None
        key_hidden, not_kept = False, None
        if self.workspace is not None:
            key_hidden = close_dialogs_opened_from(self)
            try:
                self.workspace.before_lock()
            except Exception as exc:  # noqa: BLE001 - a failed save must not keep it unlocked
                record_error(self.paths.data_dir, exc, "lock")
                not_kept = exc
            self.pages.removeWidget(self.workspace)
            retire(self.workspace)
            self.workspace = None
        if self.session is not None:
            self.session.close()
            self.session = None
        self._retranslate_lock_screen()
        self.lock_screen.reset()
        if key_hidden:
            self.lock_screen.set_busy(False, tr(RECOVERY_KEY_HIDDEN))
        if not_kept is not None:
            self.lock_screen.set_busy(
                False, tr(NOT_KEPT_ON_LOCK).format(error=message_in_language(not_kept))
            )
        self._refresh_profiles()
        self.pages.setCurrentWidget(self.lock_screen)
        self.setWindowTitle(APP_NAME)

    def restore_from_backup(self, backup: Path, passphrase: str) -> None:
        """Lock, restore the profile from ``backup`` off the GUI thread, report on the lock screen.

        The data dialog (Settings) asks for the file, the confirmation and the passphrase.
        """
        from reflect.services.backups import restore_backup

        if self.session is None:
            return
        profile = self.session.profile
        self.lock()
        self.lock_screen.set_busy(True, tr("Checking the backup and restoring it…"))

        def done(report: Any) -> None:
            message = tr("Restored. Your previous data was kept as a backup. Unlock to continue.")
            if report.passphrase_from_backup:
                message += " " + tr("Use the passphrase you had when the backup was made.")
            self.lock_screen.set_busy(False, message)
            self._refresh_profiles(profile.profile_id)

        def failed(exc: BaseException) -> None:
            self.lock_screen.show_error(
                tr("The backup was not restored; nothing changed. {error}").format(
                    error=message_in_language(exc)
                )
            )

        run_in_background(lambda: restore_backup(profile, backup, passphrase), done, failed)

    def quick_hide(self) -> None:
        """Hide the window at once (someone walked in); it stays locked-or-not as it was."""
        self.showMinimized()
        self.hide()

    def show_help(self) -> None:
        from reflect.ui.screens.get_help_dialog import GetHelpDialog

        self._guard_the_wheel()  # Ctrl+Shift+H works on the lock screen too
        country = "CA" if self.session is None else str(self.session.settings.get("country"))
        run_modal(GetHelpDialog(country=country, session=self.session, parent=self))

    # --- unlocking ------------------------------------------------------------------------

    def _refresh_profiles(self, select: str | None = None) -> None:
        self.lock_screen.set_profiles(self.profiles.list_profiles(), select)

    def _on_unlocked(self, session: Session) -> None:
        self.session = session
        self.lock_screen.reset()
        self._apply_profile_settings(session)
        self._build_workspace(session)
        if self.workspace is not None:
            self.pages.setCurrentWidget(self.workspace)
        self.setWindowTitle(tr("Reflect: {name}").format(name=session.profile.display_name))
        minutes = session.settings.get("auto_lock_minutes") or DEFAULT_IDLE_MINUTES
        self.set_idle_timeout_ms(int(float(minutes) * 60_000))
        self._start_automatic_backup(session)
        self._start_self_check_notifier(session)

    def _start_self_check_notifier(self, session: Session) -> None:
        from reflect.ui.self_check_notifier import SelfCheckNotifier

        notifier = SelfCheckNotifier(self.reminder.tray, session.exposure.next_self_check, self)
        notifier.start()
        self._self_checks = notifier

    def _build_workspace(self, session: Session) -> None:
        from reflect.ui.workspace import Workspace

        self._guard_the_wheel()
        workspace = Workspace(session, profiles=self.profiles)
        workspace.lock_requested.connect(self.lock)
        workspace.help_requested.connect(self.show_help)
        workspace.setting_changed.connect(self._on_setting_changed)
        workspace.restore_requested.connect(self.restore_from_backup)
        workspace.delete_profile_requested.connect(self.delete_current_profile)
        self.pages.addWidget(workspace)
        self.workspace = workspace

    def _apply_profile_settings(self, session: Session) -> None:
        """Theme, language and reminder of the profile just unlocked."""
        from reflect.domain.reminders import ReminderSchedule
        from reflect.ui.theme import apply_theme

        values = session.settings.all()
        self._use_language(str(values["language"]))
        apply_theme(str(values["theme"]))
        self.reminder.set_schedule(
            ReminderSchedule.from_settings(
                values["reminder_enabled"], values["reminder_time"], values["reminder_days"]
            )
        )

    def _use_language(self, language: str) -> None:
        """The profile's language for every screen, and for the next start's lock screen."""
        from reflect.ui.i18n import set_language
        from reflect.ui.interface_language import remember_language

        language = set_language(language)
        apply_qt_language(language)
        remember_language(self.paths, language)
        self.reminder.retranslate()  # the tray's menu outlives every workspace

    def _on_setting_changed(self, key: str, value: object) -> None:
        """Settings are saved by the screen; here they take effect at once."""
        from reflect.ui.theme import apply_theme

        session = self.session
        if session is None:
            return
        if key == "auto_lock_minutes":
            self.set_idle_timeout_ms(int(float(str(value)) * 60_000))
        elif key == "theme":
            apply_theme(str(value))
        elif key.startswith("reminder_"):
            self._apply_profile_settings(session)
        elif key in ("language", "role"):  # a supervisor gets the Supervision screen
            QTimer.singleShot(0, self._rebuild_workspace)  # not inside the combo's own signal

    def _rebuild_workspace(self) -> None:
        """Rebuild every screen in the new language, keeping drafts; back on Settings."""
        if self.session is None or self.workspace is None:
            return
        old = self.workspace
        try:
            old.before_lock()
        except Exception as exc:  # noqa: BLE001 - keep the screens, and what is typed in them
            record_error(self.paths.data_dir, exc, "language")
            QMessageBox.warning(
                self, APP_NAME, tr(NOT_KEPT_ON_REBUILD).format(error=message_in_language(exc))
            )
            return
        self._use_language(str(self.session.settings.get("language")))
        self.pages.removeWidget(old)
        retire(old)
        self._build_workspace(self.session)
        self.pages.setCurrentWidget(self.workspace)
        self.workspace.show_screen("settings")

    def _on_reminder_turned_off(self) -> None:
        if self.session is not None:
            self.session.settings.set("reminder_enabled", False)
            settings = self.workspace.screens.built_screen("settings") if self.workspace else None
            setter = getattr(settings, "set_reminder_enabled", None)
            if callable(setter):
                setter(False)

    def bring_to_front(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    def quit_for_real(self) -> None:
        self._quitting = True
        self.close()
        QApplication.quit()

    def delete_current_profile(self) -> None:
        """Settings confirmed with a typed word: lock, then remove the profile's folder."""
        if self.session is None:
            return
        from PySide6.QtCore import QThreadPool

        profile = self.session.profile
        self.lock()
        # Today's automatic backup may still write in the folder: a half-written one stays.
        QThreadPool.globalInstance().waitForDone(60_000)
        try:
            self.profiles.delete(profile)
        except (OSError, ReflectError) as exc:
            self.lock_screen.show_error(
                tr("The profile could not be deleted completely: {error}").format(
                    error=message_in_language(exc)
                )
            )
            return
        if self._reminder is not None:
            self._reminder.turn_off()  # its schedule belonged to the deleted profile
        self._refresh_profiles()
        self.lock_screen.set_busy(False, tr("The profile was deleted."))

    def _start_automatic_backup(self, session: Session) -> None:
        """Today's encrypted backup, off the GUI thread (a no-op when it already exists)."""
        from reflect.services.backups import automatic_backup_job

        self.last_backup_error: str | None = None
        if not session.settings.get("backup_enabled"):
            return  # turned off in Settings

        def failed(exc: BaseException) -> None:
            # Kept for Settings to show; a failed backup never blocks the person's work.
            self.last_backup_error = str(exc)

        run_in_background(automatic_backup_job(session), lambda _report: None, failed)

    def set_idle_timeout_ms(self, timeout_ms: int) -> None:
        self.idle.set_timeout(timeout_ms)
        self.idle.start()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.lock()
        if self._reminder is not None and self._reminder.active and not self._quitting:
            # Closed to the tray: locked, hidden, and the reminder still comes.
            app = QApplication.instance()
            if isinstance(app, QApplication):
                app.setQuitOnLastWindowClosed(False)
            self.hide()
            event.ignore()
            return
        event.accept()


def _warm_up_storage() -> None:
    from reflect.services.profiles import warm_up

    warm_up()


def _ignore(_result: object) -> None:
    pass
