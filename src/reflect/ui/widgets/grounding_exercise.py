"""5-4-3-2-1 grounding, one sense at a time, at the person's own pace.

Each step shows how many things to notice; the person ticks them off (button or Space) and
moves on when ready. A quiet elapsed-time line shows how long they have been with the step,
without any pressure to hurry.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from reflect.domain.exercises import GROUNDING_CLOSING, GROUNDING_STEPS
from reflect.ui.i18n import tr


class GroundingExercise(QWidget):
    def __init__(self, parent: QWidget | None = None, second_ms: int = 1000) -> None:
        super().__init__(parent)
        self.setAccessibleName(tr("5-4-3-2-1 grounding exercise"))
        self.step_index = -1  # -1 before starting, len(steps) when done
        self.noticed = 0
        self.seconds_in_step = 0
        self._clock = QElapsedTimer()
        self._timer = QTimer(self)
        self._second_ms = second_ms  # tests shorten the second to see the time line advance
        self._timer.setInterval(max(10, second_ms // 4))
        self._timer.timeout.connect(self._on_timer_timeout)

        layout = QVBoxLayout(self)
        intro = QLabel(
            tr(
                "When your mind is pulled back into a hard moment, this brings it to the room "
                "you are in. Go one sense at a time; there are no wrong answers."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addStretch(1)
        self._add_step_display(layout)
        layout.addStretch(1)

        self._add_buttons(layout)

        self.back_button.clicked.connect(self.back)
        self.notice_button.clicked.connect(self.notice_one)
        self.next_button.clicked.connect(self.next_step)
        self._render()

    def _add_step_display(self, layout: QVBoxLayout) -> None:
        """The number, the prompt, a dot per thing noticed and the time in this step."""
        self.number_label = QLabel("5 · 4 · 3 · 2 · 1")
        font = self.number_label.font()
        font.setPointSizeF(font.pointSizeF() * 3)
        font.setBold(True)
        self.number_label.setFont(font)
        self.number_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.number_label)
        self.prompt_label = QLabel(tr("Press Start when you are ready."))
        self.prompt_label.setWordWrap(True)
        self.prompt_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.prompt_label.setAccessibleName(tr("Grounding step"))
        prompt_font = self.prompt_label.font()
        prompt_font.setPointSizeF(prompt_font.pointSizeF() * 1.3)
        self.prompt_label.setFont(prompt_font)
        layout.addWidget(self.prompt_label)
        self.dots_label = QLabel("")
        self.dots_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        dots_font = self.dots_label.font()
        dots_font.setPointSizeF(dots_font.pointSizeF() * 2)
        self.dots_label.setFont(dots_font)
        layout.addWidget(self.dots_label)
        self.time_label = QLabel("")
        self.time_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.time_label)

    def _add_buttons(self, layout: QVBoxLayout) -> None:
        row = QHBoxLayout()
        self.back_button = QPushButton(tr("Back"))
        self.notice_button = QPushButton(tr("Noticed one"))
        self.notice_button.setToolTip(tr("Count one thing you noticed"))
        self.next_button = QPushButton(tr("Start"))
        self.next_button.setDefault(True)
        row.addStretch(1)
        for button in (self.back_button, self.notice_button, self.next_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)

    # --- steps ----------------------------------------------------------------------------

    def start(self) -> None:
        self._go_to(0)

    def next_step(self) -> None:
        if self.step_index >= len(GROUNDING_STEPS):
            self._go_to(0)  # "Again"
        else:
            self._go_to(self.step_index + 1)

    def back(self) -> None:
        if self.step_index > 0:
            self._go_to(self.step_index - 1)

    def notice_one(self) -> None:
        if 0 <= self.step_index < len(GROUNDING_STEPS):
            step = GROUNDING_STEPS[self.step_index]
            self.noticed = min(step.count, self.noticed + 1)
            self._render()
            if self.noticed == step.count:
                self.next_button.setFocus()

    def _go_to(self, index: int) -> None:
        self.step_index = index
        self.noticed = 0
        self.seconds_in_step = 0
        if index < len(GROUNDING_STEPS):
            self._clock.start()
            self._timer.start()
        else:
            self._timer.stop()
        self._render()

    def _on_timer_timeout(self) -> None:
        self.seconds_in_step = self._clock.elapsed() // self._second_ms
        self._render_time()

    # --- drawing --------------------------------------------------------------------------

    def _render(self) -> None:
        total = len(GROUNDING_STEPS)
        if self.step_index < 0:
            self.number_label.setText("5 · 4 · 3 · 2 · 1")
            self.prompt_label.setText(tr("Press Start when you are ready."))
            self.dots_label.setText("")
            self.next_button.setText(tr("Start"))
        elif self.step_index >= total:
            self.number_label.setText("✓")
            self.prompt_label.setText(tr(GROUNDING_CLOSING))
            self.dots_label.setText("")
            self.next_button.setText(tr("Again"))
        else:
            step = GROUNDING_STEPS[self.step_index]
            self.number_label.setText(
                tr("{count}  things you can {sense}").format(count=step.count, sense=tr(step.sense))
            )
            self.prompt_label.setText(tr(step.prompt))
            self.dots_label.setText("● " * self.noticed + "○ " * (step.count - self.noticed))
            self.dots_label.setAccessibleName(
                tr("{noticed} of {count} noticed").format(noticed=self.noticed, count=step.count)
            )
            self.next_button.setText(
                tr("Finish") if self.step_index == total - 1 else tr("Next sense")
            )
        active = 0 <= self.step_index < total
        self.notice_button.setEnabled(active)
        self.back_button.setEnabled(active and self.step_index > 0)
        self._render_time()

    def _render_time(self) -> None:
        if 0 <= self.step_index < len(GROUNDING_STEPS):
            step_text = tr("Step {number} of {total}").format(
                number=self.step_index + 1, total=len(GROUNDING_STEPS)
            )
            self.time_label.setText(
                f"{step_text} · "
                + tr("{seconds} s, take as long as you need").format(seconds=self.seconds_in_step)
            )
        else:
            self.time_label.setText("")

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt override
        self._timer.stop()
        super().hideEvent(event)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        if 0 <= self.step_index < len(GROUNDING_STEPS):
            self._timer.start()
        super().showEvent(event)
