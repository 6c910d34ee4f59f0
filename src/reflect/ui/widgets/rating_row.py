"""One question with a row of numbered answer buttons, built for the keyboard.

The row itself takes focus (one Tab stop per question, not five); typing a number picks it
and moves on to the next question, arrows nudge the answer, Delete clears it. The chosen
answer's words are shown beside the buttons so the numbers never have to be remembered.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from reflect.ui.i18n import tr

# The theme's application style sheet (ui/theme.py) carries these same rules; a row sets
# them on itself only where no theme was applied (tests, a bare QApplication).
RATING_STYLE = """
QFrame#ratingRow { border: 1px solid transparent; border-radius: 4px; }
QFrame#ratingRow:focus { border: 2px solid palette(highlight); }
QFrame#ratingRow QPushButton {
    border: 1px solid palette(mid); border-radius: 4px; padding: 3px; background: palette(button);
}
QFrame#ratingRow QPushButton:hover { border-color: palette(highlight); }
QFrame#ratingRow QPushButton:checked {
    background: palette(highlight); color: palette(highlighted-text);
    border-color: palette(highlight);
    font-weight: bold;
}
"""


def themed() -> bool:
    """Whether ui/theme.py's style sheet (which styles answer rows) is on the application."""
    app = QApplication.instance()
    return app is not None and app.property("reflectScheme") is not None


class RatingRow(QFrame):
    value_changed = Signal(object)  # int, or None when cleared

    def __init__(
        self,
        text: str,
        labels: Sequence[str],
        minimum: int = 0,
        parent: QWidget | None = None,
        number: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ratingRow")
        if not themed():
            self.setStyleSheet(RATING_STYLE)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.minimum = minimum
        self.maximum = minimum + len(labels) - 1
        self.labels = list(labels)
        self._value: int | None = None
        self.setAccessibleName(text)
        self.setAccessibleDescription(
            tr("Type {low} to {high}: ").format(low=self.minimum, high=self.maximum)
            + "; ".join(f"{minimum + i} {label}" for i, label in enumerate(labels))
        )

        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        prefix = f"{number}. " if number is not None else ""
        self.question = QLabel(prefix + text)
        self.question.setWordWrap(True)
        self.question.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout.addWidget(self.question, 1)

        self.group = QButtonGroup(self)
        self.group.setExclusive(
            False
        )  # exclusive groups cannot be cleared; we keep one checked ourselves
        for offset, label in enumerate(labels):
            value = minimum + offset
            button = QPushButton(str(value))
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setToolTip(label)
            button.setAccessibleName(f"{value}: {label}")
            button.setFixedWidth(40)
            self.group.addButton(button, value)
            layout.addWidget(button)
        self.group.idClicked.connect(self._on_button_clicked)
        self.chosen = QLabel("")
        self.chosen.setMinimumWidth(130)
        self.chosen.setObjectName("ratingChosen")
        layout.addWidget(self.chosen)

    def value(self) -> int | None:
        return self._value

    def set_value(self, value: int | None) -> None:
        if value is not None and not self.minimum <= value <= self.maximum:
            return
        if value == self._value:
            return
        self._value = value
        for button in self.group.buttons():
            button.setChecked(self.group.id(button) == value)
        self.chosen.setText("" if value is None else self.labels[value - self.minimum])
        self.value_changed.emit(value)

    def _on_button_clicked(self, value: int) -> None:
        self.set_value(None if value == self._value else value)
        self.setFocus(Qt.FocusReason.MouseFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        text = event.text()
        key = event.key()
        if text.isdigit() and self.minimum <= int(text) <= self.maximum:
            self.set_value(int(text))
            self.focusNextChild()
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Plus):
            current = self.minimum - 1 if self._value is None else self._value
            self.set_value(min(self.maximum, current + 1))
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Minus):
            current = self.minimum if self._value is None else self._value
            self.set_value(max(self.minimum, current - 1))
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.set_value(None)
        else:
            super().keyPressEvent(event)
