"""Tense and release: an alternative for people whom attention on the breath unsettles."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QProgressBar,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from reflect.domain.exercises import (
    DEFAULT_RELEASE_SECONDS,
    DEFAULT_TENSE_SECONDS,
    MUSCLE_GROUPS,
    MUSCLE_NOTE,
    Phase,
    muscle_phases,
)
from reflect.ui.i18n import tr
from reflect.ui.widgets.timed_exercise import TimedExercise


class MuscleReleaseExercise(TimedExercise):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(tr("Tense and release exercise"))
        self.timer.count_ms = 1000
        self._part_text = ""

        layout = QVBoxLayout(self)
        intro = QLabel(
            tr(
                "Work through the body one part at a time: tighten it for a few seconds, then "
                "let go and notice the difference."
            )
            + " "
            + tr(MUSCLE_NOTE)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self._add_timing(layout)
        layout.addStretch(1)

        self._add_step_display(layout)
        layout.addStretch(1)

        layout.addLayout(self.control_row())

    def _add_timing(self, layout: QVBoxLayout) -> None:
        """How long to tense and to release, set before starting."""
        form = QFormLayout()
        self.tense_spin = QSpinBox()
        self.tense_spin.setRange(3, 10)
        self.tense_spin.setValue(DEFAULT_TENSE_SECONDS)
        self.tense_spin.setSuffix(" s")
        self.tense_spin.setAccessibleName(tr("Seconds to tense"))
        self.release_spin = QSpinBox()
        self.release_spin.setRange(5, 30)
        self.release_spin.setValue(DEFAULT_RELEASE_SECONDS)
        self.release_spin.setSuffix(" s")
        self.release_spin.setAccessibleName(tr("Seconds to release"))
        form.addRow(tr("Tense for"), self.tense_spin)
        form.addRow(tr("Release for"), self.release_spin)
        layout.addLayout(form)

    def _add_step_display(self, layout: QVBoxLayout) -> None:
        """The body part, the instruction, the time left in the step and overall."""
        self.group_label = QLabel(
            tr("{count} parts of the body, about two minutes").format(count=len(MUSCLE_GROUPS))
        )
        font = self.group_label.font()
        font.setPointSizeF(font.pointSizeF() * 2)
        font.setBold(True)
        self.group_label.setFont(font)
        self.group_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Twice the size, the French "7 parties du corps, environ deux minutes" on one line
        # made the Exercises tab wider than the smallest window: it breaks between words.
        self.group_label.setWordWrap(True)
        layout.addWidget(self.group_label)
        self.prompt_label = QLabel(tr("Press Start when you are ready."))
        self.prompt_label.setWordWrap(True)
        self.prompt_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.prompt_label.setAccessibleName(tr("Current instruction"))
        prompt_font = self.prompt_label.font()
        prompt_font.setPointSizeF(prompt_font.pointSizeF() * 1.3)
        self.prompt_label.setFont(prompt_font)
        layout.addWidget(self.prompt_label)
        self.phase_bar = QProgressBar()
        self.phase_bar.setRange(0, 1000)
        self.phase_bar.setTextVisible(False)
        self.phase_bar.setAccessibleName(tr("Time left in this step"))
        layout.addWidget(self.phase_bar)
        self.overall_label = QLabel("")
        self.overall_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.overall_label)

    def _phases(self) -> list[Phase]:
        return muscle_phases(self.tense_spin.value(), self.release_spin.value())

    def _settings(self) -> list[QWidget]:
        return [self.tense_spin, self.release_spin]

    def stop(self) -> None:
        super().stop()
        self.phase_bar.setValue(0)
        self.prompt_label.setText(tr("Stopped. Start again whenever you like."))

    def _on_timer_phase_started(self, index: int) -> None:
        phase = self.timer.phases[index]
        group = MUSCLE_GROUPS[index // 2]
        verb = tr("Tense") if phase.kind == "tense" else tr("Let go")
        self.group_label.setText(tr("{part}: {action}").format(part=tr(group.name), action=verb))
        self.prompt_label.setText(tr(phase.prompt.split(": ", 1)[1]))
        self._part_text = tr("Part {number} of {total}").format(
            number=index // 2 + 1, total=len(MUSCLE_GROUPS)
        )
        self.overall_label.setText(self._part_text)

    def _on_timer_ticked(self, fraction: float, left: int) -> None:
        self.phase_bar.setValue(int(fraction * 1000))
        if self.timer.current is not None:
            self.overall_label.setText(f"{self._part_text} · {left} s")

    def _on_timer_finished(self) -> None:
        self._set_running(False)
        self.group_label.setText(tr("Done"))
        self.prompt_label.setText(
            tr("Notice how your body feels now. Stay with it for a moment before you move on.")
        )
        self.overall_label.setText("")
