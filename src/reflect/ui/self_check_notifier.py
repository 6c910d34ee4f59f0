"""A tray message when a self-check falls due, while the profile is unlocked.

The due moments live in the encrypted profile, so the notifier only runs while it is open
(locking stops it; Home shows the card at the next unlock). It re-reads the next due moment
each time its timer fires, and the timer never waits longer than the tray reminder's cap, so
sleep or a clock change cannot leave it waiting on a stale moment. The message says nothing
about why (domain/recovery.py), and each due moment is announced once.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QSystemTrayIcon

from reflect.domain.recovery import SELF_CHECK_MESSAGE, SELF_CHECK_TITLE
from reflect.domain.reminders import milliseconds_until
from reflect.ui.i18n import tr
from reflect.ui.tray_reminder import MAX_WAIT_MS


class SelfCheckNotifier(QObject):
    def __init__(
        self,
        tray: QSystemTrayIcon | None,
        next_due: Callable[[], datetime | None],
        parent: QObject | None = None,
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        super().__init__(parent)
        self.tray = tray
        self._next_due = next_due
        self._clock = clock
        self.announced: set[datetime] = set()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.check_now)

    def start(self) -> None:
        self.check_now()

    def stop(self) -> None:
        self.timer.stop()

    def check_now(self) -> None:
        self.timer.stop()
        try:
            due = self._next_due()
        except Exception:  # noqa: BLE001 - a locked or closing profile: simply stop
            return
        now = self._clock()
        if due is None:
            return
        if due <= now:
            if due not in self.announced:
                self.announced.add(due)
                self.show()
            self.timer.start(MAX_WAIT_MS)  # look again later for the next one
            return
        self.timer.start(min(MAX_WAIT_MS, milliseconds_until(now, due)))

    def show(self) -> None:
        if self.tray is not None:
            self.tray.showMessage(
                SELF_CHECK_TITLE,
                tr(SELF_CHECK_MESSAGE),
                QSystemTrayIcon.MessageIcon.Information,
                15_000,
            )
