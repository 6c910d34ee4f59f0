"""Locks after a period without keyboard or mouse input anywhere in the app.

Qt timers run on a monotonic clock that pauses while the computer sleeps, so a laptop closed
mid-shift would wake up unlocked for the rest of the countdown. A slow heartbeat compares
wall-clock time with the last input and locks at once on waking when the delay has passed.

The watcher listens to the whole application only while it runs (while a profile is
unlocked). An application-wide filter makes PySide wrap every event's target in Python, and
the first time it meets each of Qt's private classes it sets up every related Python type:
about 20 ms of the lock screen's first frame, for a screen with nothing to lock.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

_INPUT_EVENTS = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}
HEARTBEAT_MS = 5_000


class IdleWatcher(QObject):
    idle = Signal()

    def __init__(
        self,
        timeout_ms: int,
        parent: QObject | None = None,
        wall_clock: Callable[[], float] = time.time,
    ) -> None:
        super().__init__(parent)
        self.wall_clock = wall_clock  # public so tests can drive it with a fake clock
        self._listening = False
        self._last_input = wall_clock()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._fire)
        self._heartbeat = QTimer(self)
        self._heartbeat.setInterval(HEARTBEAT_MS)
        self._heartbeat.timeout.connect(self.check_wall_clock)
        self.set_timeout(timeout_ms)

    def set_timeout(self, timeout_ms: int) -> None:
        self._timer.setInterval(max(50, int(timeout_ms)))

    @property
    def timeout_ms(self) -> int:
        return self._timer.interval()

    def start(self) -> None:
        self._last_input = self.wall_clock()
        self._timer.start()
        self._heartbeat.start()
        app = QCoreApplication.instance()
        if app is not None and not self._listening:
            app.installEventFilter(self)
            self._listening = True

    def stop(self) -> None:
        self._timer.stop()
        self._heartbeat.stop()
        app = QCoreApplication.instance()
        if app is not None and self._listening:
            app.removeEventFilter(self)
        self._listening = False

    def is_active(self) -> bool:
        return self._timer.isActive()

    def check_wall_clock(self) -> None:
        if not self._timer.isActive():
            return
        if (self.wall_clock() - self._last_input) * 1000 >= self._timer.interval():
            self._fire()

    def _fire(self) -> None:
        self.stop()
        self.idle.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in _INPUT_EVENTS and self._timer.isActive():
            self._last_input = self.wall_clock()
            self._timer.start()
        return False
