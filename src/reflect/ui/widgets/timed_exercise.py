"""Start, pause, continue and stop for the exercises paced by a PhaseTimer."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from reflect.domain.exercises import Phase
from reflect.ui.i18n import tr
from reflect.ui.widgets.phase_timer import PhaseTimer


class TimedExercise(QWidget):
    """One Start button that pauses and continues, and a Stop button; the settings a
    subclass names are locked while the exercise runs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.timer = PhaseTimer(self)
        self.start_button = QPushButton(tr("Start"))
        self.stop_button = QPushButton(tr("Stop"))
        self.stop_button.setEnabled(False)
        self.start_button.clicked.connect(self._on_start_clicked)
        self.stop_button.clicked.connect(self.stop)
        self.timer.phase_started.connect(self._on_timer_phase_started)
        self.timer.ticked.connect(self._on_timer_ticked)
        self.timer.finished.connect(self._on_timer_finished)

    def control_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.start_button)
        row.addWidget(self.stop_button)
        row.addStretch(1)
        return row

    # --- for subclasses -------------------------------------------------------------------

    def _phases(self) -> Sequence[Phase]:
        raise NotImplementedError

    def _settings(self) -> Sequence[QWidget]:
        raise NotImplementedError

    def _show_paused(self) -> None:
        pass

    def _on_timer_phase_started(self, index: int) -> None:
        raise NotImplementedError

    def _on_timer_ticked(self, fraction: float, left: int) -> None:
        raise NotImplementedError

    def _on_timer_finished(self) -> None:
        raise NotImplementedError

    # --- control --------------------------------------------------------------------------

    def set_count_ms(self, count_ms: int) -> None:
        """Length of one count of the script; tests shorten it so the exercise runs quickly."""
        self.timer.count_ms = count_ms

    def start(self) -> None:
        self.timer.set_phases(self._phases())
        self.timer.start()
        self._set_running(True)

    def stop(self) -> None:
        self.timer.stop()
        self._set_running(False)

    def _on_start_clicked(self) -> None:
        if self.timer.is_running:
            self.timer.pause()
            self.start_button.setText(tr("Continue"))
            self._show_paused()
        elif self.timer.current is not None:
            self.timer.resume()
            self.start_button.setText(tr("Pause"))
        else:
            self.start()

    def _set_running(self, running: bool) -> None:
        self.start_button.setText(tr("Pause") if running else tr("Start"))
        self.stop_button.setEnabled(running)
        for setting in self._settings():
            setting.setEnabled(not running)

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt override
        # Leaving the page stops the exercise so no timer keeps running in the background.
        if self.timer.current is not None:
            self.stop()
        super().hideEvent(event)
