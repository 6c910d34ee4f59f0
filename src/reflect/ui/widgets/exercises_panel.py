"""The three guided exercises side by side: pick one on the left, do it on the right."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QListWidget,
    QScrollArea,
    QStackedWidget,
    QWidget,
)

from reflect.domain.coping import EXERCISE_LABELS, EXERCISES
from reflect.ui.i18n import tr
from reflect.ui.widgets.breathing_exercise import BreathingExercise
from reflect.ui.widgets.grounding_exercise import GroundingExercise
from reflect.ui.widgets.muscle_release_exercise import MuscleReleaseExercise


class ExercisesPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        self.list = QListWidget()
        self.list.setAccessibleName(tr("Exercises"))
        self.stack = QStackedWidget()
        self.breathing = BreathingExercise()
        self.grounding = GroundingExercise()
        self.muscle_release = MuscleReleaseExercise()
        self.widgets = {
            "breathing": self.breathing,
            "grounding": self.grounding,
            "muscle_release": self.muscle_release,
        }
        for key in EXERCISES:
            self.list.addItem(tr(EXERCISE_LABELS[key]))
            self.stack.addWidget(self.widgets[key])
        metrics = self.list.fontMetrics()
        widest = max(metrics.horizontalAdvance(tr(EXERCISE_LABELS[k])) for k in EXERCISES)
        # As wide as the longest name, no wider: the exercise beside it needs the room at the
        # smallest window (a 200-pixel floor made it wrap a line more, past the window's foot).
        self.list.setFixedWidth(widest + metrics.height() * 2)
        layout.addWidget(self.list)
        layout.addWidget(self._scrolling(self.stack), 1)
        self.list.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.breathing.alternative_requested.connect(self.show_exercise)
        self.list.setCurrentRow(0)

    @staticmethod
    def _scrolling(stack: QStackedWidget) -> QScrollArea:
        """The exercise scrolls when the window is too short for it: squeezed instead, the
        breathing circle was drawn over its Start button (French wraps to more lines)."""
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its controls are the Tab stops
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.setWidget(stack)
        # Only the height scrolls: the exercise's own width still sets the panel's.
        extra = area.verticalScrollBar().sizeHint().width()
        area.setMinimumWidth(stack.minimumSizeHint().width() + extra)
        return area

    def show_exercise(self, key: str) -> None:
        if key in EXERCISES:
            self.list.setCurrentRow(EXERCISES.index(key))

    @property
    def current_key(self) -> str:
        return EXERCISES[self.stack.currentIndex()]
