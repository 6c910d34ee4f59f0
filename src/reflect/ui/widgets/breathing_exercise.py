"""Paced breathing: a circle that grows as you breathe in and shrinks as you breathe out."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from reflect.domain.exercises import (
    BREATH_ALTERNATIVE_NOTE,
    BREATHING_PATTERNS,
    DEFAULT_COUNT_MS,
    DEFAULT_ROUNDS,
    MAX_COUNT_MS,
    MIN_COUNT_MS,
    Phase,
    breathing_phases,
)
from reflect.ui.i18n import interface_locale, tr
from reflect.ui.widgets.timed_exercise import TimedExercise


class BreathingCircle(QWidget):
    """Draws the breath: radius follows the phase, a thin arc shows time left in it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # In lines of text, like the smallest window (window_size.py): 220 pixels made the
        # Exercises tab taller than that window at the usual font size.
        side = self.fontMetrics().height() * 10
        self.setMinimumSize(side, side)
        self.size_fraction = 0.0  # 0 = empty lungs, 1 = full
        self.phase_fraction = 0.0
        self.caption = ""
        self.setAccessibleName(tr("Breathing guide"))

    def set_state(self, size_fraction: float, phase_fraction: float, caption: str) -> None:
        self.size_fraction = max(0.0, min(1.0, size_fraction))
        self.phase_fraction = max(0.0, min(1.0, phase_fraction))
        self.caption = caption
        self.setAccessibleDescription(caption)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        side = min(self.width(), self.height()) - 16
        centre = self.rect().center()
        outer = QRectF(centre.x() - side / 2, centre.y() - side / 2, side, side)
        accent = self.palette().highlight().color()
        soft = QColor(accent)
        soft.setAlpha(60)
        painter.setPen(QPen(soft, 2))
        painter.drawEllipse(outer)
        radius = side / 2 * (0.35 + 0.6 * self.size_fraction)
        fill = QColor(accent)
        fill.setAlpha(110)
        painter.setBrush(fill)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(
            QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius)
        )
        painter.setBrush(Qt.BrushStyle.NoBrush)
        arc_pen = QPen(accent, 5)
        arc_pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(arc_pen)
        painter.drawArc(outer.adjusted(4, 4, -4, -4), 90 * 16, int(-360 * 16 * self.phase_fraction))
        painter.setPen(self.palette().text().color())
        font = painter.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        painter.setFont(font)
        painter.drawText(
            self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.caption
        )


class BreathingExercise(TimedExercise):
    alternative_requested = Signal(str)  # "muscle_release" or "grounding"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(tr("Paced breathing exercise"))
        self.timer.count_ms = DEFAULT_COUNT_MS
        self._size = 0.0

        layout = QVBoxLayout(self)
        intro = QLabel(
            tr(
                "Follow the circle: breathe in as it grows, out as it shrinks. Breathe through "
                "your nose if that is comfortable, and let the pace be easy rather than deep."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        layout.addLayout(self._settings_form())

        self.circle = BreathingCircle()
        layout.addWidget(self.circle, 1)
        self.status_label = QLabel(tr("Press Start when you are ready."))
        self.status_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status_label.setWordWrap(True)  # whole in French at the smallest window
        self.status_label.setAccessibleName(tr("Exercise status"))
        layout.addWidget(self.status_label)

        self.start_button.setToolTip(tr("Start, pause or continue"))
        layout.addLayout(self.control_row())

        self._add_alternatives(layout)

        self.pace_slider.valueChanged.connect(self._on_pace_changed)
        self.muscle_button.clicked.connect(lambda: self._switch("muscle_release"))
        self.grounding_button.clicked.connect(lambda: self._switch("grounding"))
        self._on_pace_changed(self.pace_slider.value())

    def _settings_form(self) -> QFormLayout:
        """Pattern, pace and rounds: set before starting (disabled while it runs)."""
        form = QFormLayout()
        self.pattern_combo = QComboBox()
        for candidate in BREATHING_PATTERNS:
            self.pattern_combo.addItem(tr(candidate.label), candidate.id)
        self.pattern_combo.setAccessibleName(tr("Breathing pattern"))
        # As wide as the form allows, but not wider than the smallest window leaves it.
        self.pattern_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.pattern_combo.setMinimumContentsLength(16)
        form.addRow(tr("Pattern"), self.pattern_combo)
        pace_row = QHBoxLayout()
        pace_row.addWidget(QLabel(tr("Faster")))
        self.pace_slider = QSlider(Qt.Orientation.Horizontal)
        self.pace_slider.setRange(MIN_COUNT_MS, MAX_COUNT_MS)
        self.pace_slider.setSingleStep(100)
        self.pace_slider.setPageStep(200)
        self.pace_slider.setValue(DEFAULT_COUNT_MS)
        self.pace_slider.setAccessibleName(tr("Pace: length of one count"))
        pace_row.addWidget(self.pace_slider, 1)
        pace_row.addWidget(QLabel(tr("Slower")))
        self.pace_label = QLabel()
        pace_row.addWidget(self.pace_label)
        form.addRow(tr("Pace"), pace_row)
        self.rounds_spin = QSpinBox()
        self.rounds_spin.setRange(1, 20)
        self.rounds_spin.setValue(DEFAULT_ROUNDS)
        self.rounds_spin.setAccessibleName(tr("Number of rounds"))
        form.addRow(tr("Rounds"), self.rounds_spin)
        return form

    def _add_alternatives(self, layout: QVBoxLayout) -> None:
        """Breathing does not suit everyone: two other exercises, one click away."""
        note = QLabel(tr(BREATH_ALTERNATIVE_NOTE))
        note.setWordWrap(True)
        layout.addWidget(note)
        # One above the other: side by side, in French, they made the Exercises tab wider
        # than the smallest window.
        self.muscle_button = QPushButton(tr("Try tense and release"))
        self.grounding_button = QPushButton(tr("Try 5-4-3-2-1 grounding"))
        for button in (self.muscle_button, self.grounding_button):
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)

    # --- control --------------------------------------------------------------------------

    def _phases(self) -> list[Phase]:
        return breathing_phases(self.pattern_combo.currentData(), self.rounds_spin.value())

    def _settings(self) -> list[QWidget]:
        return [self.pattern_combo, self.rounds_spin]

    def start(self) -> None:
        self._size = 0.0
        super().start()

    def stop(self) -> None:
        super().stop()
        self.status_label.setText(tr("Stopped. Start again whenever you like."))
        self.circle.set_state(0.0, 0.0, "")

    def _show_paused(self) -> None:
        self.status_label.setText(tr("Paused."))

    def _switch(self, exercise: str) -> None:
        self.stop()
        self.alternative_requested.emit(exercise)

    # --- timer slots ----------------------------------------------------------------------

    def _on_pace_changed(self, value: int) -> None:
        self.timer.count_ms = value
        locale = interface_locale()  # 1,5 s in French
        seconds = locale.toString(value / 1000, "f", 1)
        self.pace_label.setText(tr("{seconds} s per count").format(seconds=seconds))

    def _on_timer_phase_started(self, index: int) -> None:
        phases_per_round = len(self.timer.phases) // max(1, self.rounds_spin.value())
        round_number = index // max(1, phases_per_round) + 1
        self.status_label.setText(
            tr("Round {number} of {total}").format(
                number=round_number, total=self.rounds_spin.value()
            )
        )

    def _on_timer_ticked(self, fraction: float, left: int) -> None:
        phase = self.timer.current
        if phase is None:
            return
        if phase.kind == "in":
            self._size = fraction
        elif phase.kind == "out":
            self._size = 1.0 - fraction
        self.circle.set_state(self._size, fraction, f"{tr(phase.prompt)}\n{left}")

    def _on_timer_finished(self) -> None:
        self._set_running(False)
        self.circle.set_state(0.0, 1.0, tr("Done"))
        self.status_label.setText(
            tr("Done. Notice how you feel now, without needing it to be different.")
        )
