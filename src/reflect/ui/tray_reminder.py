"""The post-shift reminder: a tray icon with a gentle message at the chosen time and days.

The schedule (time and days only, nothing private) is held in memory once a profile is
unlocked, so the reminder keeps working while Reflect is locked or closed to the tray. It is
never written outside the encrypted database. When the platform has no system tray the
reminder cannot show, and Settings says so; closing the window then quits as usual.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon

from reflect.domain.reminders import (
    REMINDER_MESSAGE,
    REMINDER_TITLE,
    ReminderSchedule,
    milliseconds_until,
    next_event,
    snoozed_until,
)
from reflect.paths import APP_NAME
from reflect.ui.app_icon import app_icon
from reflect.ui.i18n import tr

# QTimer takes an int of milliseconds; re-check at least daily so clock changes (sleep,
# daylight saving) never leave a reminder waiting on a stale timer.
MAX_WAIT_MS = 6 * 60 * 60 * 1000


def tray_available() -> bool:
    return QSystemTrayIcon.isSystemTrayAvailable()


class TrayReminder(QObject):
    open_requested = Signal()
    turned_off = Signal()
    quit_requested = Signal()
    reminded = Signal()

    def __init__(
        self, parent: QObject | None = None, clock: Callable[[], datetime] = datetime.now
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self.schedule = ReminderSchedule(False, parse_default_time(), frozenset())
        self.snooze: datetime | None = None
        self.next_at: datetime | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._on_timer)
        self.tray: QSystemTrayIcon | None = None
        if tray_available():
            self._build_tray()

    def _build_tray(self) -> None:
        app = QApplication.instance()
        icon = app.windowIcon() if isinstance(app, QApplication) else QIcon()
        if icon.isNull():  # run_gui sets it; a window built some other way still gets ours
            icon = app_icon()
        self.tray = QSystemTrayIcon(icon, self)
        self.tray.setToolTip(APP_NAME)  # never anything about the person's state
        menu = QMenu()
        self.open_action = QAction(menu)
        self.snooze_action = QAction(menu)
        self.off_action = QAction(menu)
        self.quit_action = QAction(menu)
        self.retranslate()
        for action in (self.open_action, self.snooze_action, self.off_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.quit_action)
        self.open_action.triggered.connect(self.open_requested)
        self.snooze_action.triggered.connect(self.snooze_now)
        self.off_action.triggered.connect(self.turn_off)
        self.quit_action.triggered.connect(self.quit_requested)
        self.tray.setContextMenu(menu)
        self._menu = menu
        self.tray.activated.connect(self._on_activated)
        self.tray.messageClicked.connect(self.open_requested)
        self.tray.show()

    def retranslate(self) -> None:
        """The menu in the interface language; the tray outlives the workspace, so a
        language chosen in Settings reaches it here."""
        if not hasattr(self, "open_action"):  # no system tray: no menu to name
            return
        self.open_action.setText(tr("Open Reflect"))
        self.snooze_action.setText(tr("Remind me in 30 minutes"))
        self.off_action.setText(tr("Turn reminders off"))
        self.quit_action.setText(tr("Quit Reflect"))

    @property
    def active(self) -> bool:
        return self.tray is not None and self.schedule.enabled

    def set_schedule(self, schedule: ReminderSchedule) -> None:
        self.schedule = schedule
        if not schedule.enabled:
            self.snooze = None
        self._reschedule()

    def snooze_now(self) -> None:
        self.snooze = snoozed_until(self._clock())
        self._reschedule()

    def turn_off(self) -> None:
        self.set_schedule(ReminderSchedule(False, self.schedule.at, self.schedule.days))
        self.turned_off.emit()

    def _reschedule(self) -> None:
        self.timer.stop()
        now = self._clock()
        self.next_at = next_event(now, self.schedule, self.snooze)
        if self.next_at is not None:
            self.timer.start(min(MAX_WAIT_MS, milliseconds_until(now, self.next_at)))

    def _on_timer(self) -> None:
        now = self._clock()
        if self.next_at is not None and now >= self.next_at:
            if self.snooze is not None and self.snooze <= now:
                self.snooze = None
            self.show_reminder()
        self._reschedule()

    def show_reminder(self) -> None:
        self.reminded.emit()
        if self.tray is not None:
            self.tray.showMessage(
                REMINDER_TITLE,  # the app's name; tr() would turn it into the verb
                tr(REMINDER_MESSAGE),
                QSystemTrayIcon.MessageIcon.Information,
                15_000,
            )

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.open_requested.emit()


def parse_default_time():  # small indirection so the default lives in one place
    from reflect.domain.reminders import parse_time

    return parse_time(None)
