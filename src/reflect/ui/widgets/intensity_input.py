"""Emotional intensity 0-10 as a slider, plus feeling words; intensity may stay unanswered."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSlider,
    QStyle,
    QStyleOptionSlider,
    QVBoxLayout,
    QWidget,
)

from reflect.ui.i18n import tr, tr_list

# Offered as completions only; people type whatever words fit.
FEELING_WORDS = (
    "afraid", "angry", "anxious", "calm", "confused", "content", "disappointed", "drained",
    "frustrated", "grateful", "helpless", "hopeful", "irritable", "lonely", "moved", "numb",
    "overwhelmed", "proud", "relieved", "restless", "sad", "shaken", "steady", "tense", "tired",
    "uneasy", "worried",
)  # fmt: skip


def split_words(text: str) -> list[str]:
    return [w.strip() for w in text.replace(";", ",").split(",") if w.strip()]


class IntensitySlider(QSlider):
    """A 0-10 slider that can say "not answered": no handle is drawn until there is a value
    (a handle resting at 0 looked like an answer of 0), and a click anywhere on the track sets
    the value under the pointer instead of creeping towards it one page at a time."""

    answered_by_click = Signal(int)

    def __init__(self) -> None:
        super().__init__(Qt.Orientation.Horizontal)
        self.answered = False

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        if self.answered:
            super().paintEvent(event)
            return
        painter = QPainter(self)
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        option.subControls = (
            QStyle.SubControl.SC_SliderGroove | QStyle.SubControl.SC_SliderTickmarks
        )
        self.style().drawComplexControl(QStyle.ComplexControl.CC_Slider, option, painter, self)
        painter.end()

    def value_at(self, x: float) -> int:
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        groove = self.style().subControlRect(
            QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderGroove, self
        )
        handle = self.style().subControlRect(
            QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderHandle, self
        )
        span = max(1, groove.width() - handle.width())
        position = int(x - groove.x() - handle.width() / 2)
        return QStyle.sliderValueFromPosition(
            self.minimum(), self.maximum(), max(0, min(span, position)), span
        )

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            value = self.value_at(event.position().x())
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self.setValue(value)
            self.answered_by_click.emit(value)
            event.accept()
            # The handle is now under the pointer: a drag from here moves it as usual.
            super().mousePressEvent(event)
            return
        super().mousePressEvent(event)


class IntensityInput(QWidget):
    changed = Signal()

    def __init__(self, label: str, help_text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._answered = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel("<b>" + label + "</b>")
        title.setWordWrap(True)
        layout.addWidget(title)
        if help_text:
            hint = QLabel(help_text)
            hint.setWordWrap(True)
            hint.setObjectName("fieldHelp")
            layout.addWidget(hint)

        row = QHBoxLayout()
        row.addWidget(QLabel("0"))
        self.slider = IntensitySlider()
        self.slider.setRange(0, 10)
        self.slider.setPageStep(1)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setTickInterval(1)
        self.slider.setAccessibleName(tr("Emotional intensity from 0 to 10"))
        row.addWidget(self.slider, 1)
        row.addWidget(QLabel("10"))
        self.value_label = QLabel()
        self.value_label.setMinimumWidth(110)
        row.addWidget(self.value_label)
        self.clear_button = QPushButton(tr("Clear"))
        self.clear_button.setToolTip(tr("Leave intensity unanswered"))
        self.clear_button.setAccessibleName(tr("Clear emotional intensity"))
        row.addWidget(self.clear_button)
        layout.addLayout(row)

        words_row = QHBoxLayout()
        words_label = QLabel(tr("Feeling words:"))
        self.words = QLineEdit()
        self.words.setPlaceholderText(
            tr("a few words, separated by commas (for example: tired, proud, uneasy)")
        )
        self.words.setAccessibleName(tr("Feeling words, separated by commas"))
        completer = QCompleter(sorted(tr_list(FEELING_WORDS)), self.words)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.words.setCompleter(completer)
        words_label.setBuddy(self.words)
        words_row.addWidget(words_label)
        words_row.addWidget(self.words, 1)
        layout.addLayout(words_row)

        self.slider.valueChanged.connect(self._on_slider_changed)
        # Choosing 0 leaves the value unchanged, so valueChanged never fires: any key or mouse
        # action on the slider counts as answering.
        self.slider.actionTriggered.connect(self._on_slider_touched)
        self.slider.sliderPressed.connect(self._on_slider_touched)
        self.slider.answered_by_click.connect(self._on_slider_touched)
        self.clear_button.clicked.connect(lambda: self.set_value(None))
        self.words.textChanged.connect(self.changed)
        self._show()

    def _on_slider_changed(self, _value: int) -> None:
        self._answered = True
        self._show()
        self.changed.emit()

    def _on_slider_touched(self, *_args: object) -> None:
        if not self._answered:
            self._answered = True
            self._show()
            self.changed.emit()

    def _show(self) -> None:
        self.slider.answered = self._answered
        self.slider.update()
        if self._answered:
            self.value_label.setText(tr("<b>{value}</b> of 10").format(value=self.slider.value()))
        else:
            self.value_label.setText(tr("not answered"))
        self.clear_button.setEnabled(self._answered)

    def value(self) -> int | None:
        return self.slider.value() if self._answered else None

    def set_value(self, value: int | None) -> None:
        self.slider.blockSignals(True)
        self.slider.setValue(0 if value is None else value)
        self.slider.blockSignals(False)
        self._answered = value is not None
        self._show()
        self.changed.emit()

    def feelings(self) -> list[str]:
        return split_words(self.words.text())

    def set_feelings(self, words: list[str]) -> None:
        self.words.setText(", ".join(words))
