"""Steps through timed phases (breathe in, hold, tense, release...) for the guided exercises.

Time is measured with a monotonic clock rather than by counting ticks, so a busy event loop
slows the animation's smoothness but never its pace.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QElapsedTimer, QObject, QTimer, Signal

from reflect.domain.exercises import Phase


class PhaseTimer(QObject):
    phase_started = Signal(int)  # index into the phases
    ticked = Signal(float, int)  # fraction of the current phase done, whole counts left
    finished = Signal()

    def __init__(self, parent: QObject | None = None, tick_ms: int = 40) -> None:
        super().__init__(parent)
        self._phases: list[Phase] = []
        self._index = -1
        self._elapsed_ms = 0.0
        self.count_ms = 1000
        self._clock = QElapsedTimer()
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self._on_timer_timeout)

    @property
    def phases(self) -> list[Phase]:
        return list(self._phases)

    @property
    def index(self) -> int:
        return self._index

    @property
    def current(self) -> Phase | None:
        return self._phases[self._index] if 0 <= self._index < len(self._phases) else None

    @property
    def is_running(self) -> bool:
        return self._timer.isActive()

    def set_phases(self, phases: Sequence[Phase]) -> None:
        self.stop()
        self._phases = list(phases)

    def start(self) -> None:
        if not self._phases:
            return
        self._index = 0
        self._elapsed_ms = 0.0
        self._resume()
        self.phase_started.emit(0)
        self.ticked.emit(0.0, self._phases[0].counts)

    def pause(self) -> None:
        self._timer.stop()

    def resume(self) -> None:
        if self.current is not None and not self.is_running:
            self._resume()

    def stop(self) -> None:
        self._timer.stop()
        self._index = -1
        self._elapsed_ms = 0.0

    def _resume(self) -> None:
        self._clock.start()
        self._timer.start()

    def _on_timer_timeout(self) -> None:
        self._elapsed_ms += self._clock.restart()
        phase = self.current
        if phase is None:
            self._timer.stop()
            return
        length = max(1, phase.counts * self.count_ms)
        while self._elapsed_ms >= length:
            self._elapsed_ms -= length
            self._index += 1
            if self._index >= len(self._phases):
                self._timer.stop()
                self._index = -1
                self.ticked.emit(1.0, 0)
                self.finished.emit()
                return
            self.phase_started.emit(self._index)
            phase = self._phases[self._index]
            length = max(1, phase.counts * self.count_ms)
        fraction = self._elapsed_ms / length
        left = math.ceil(phase.counts * (1 - fraction))
        self.ticked.emit(fraction, max(1, left))
