"""A combo box that shows its whole current text, on two lines or more when it is narrow.

A closed QComboBox cuts its text to one line: a long questionnaire name ("CBI: Inventaire
d'épuisement professionnel de Copenhague") read "…professionnel de" at the smallest window,
while the open list showed it whole. This one breaks the text between words inside the
usual frame and asks its layout for the height that takes (height for width); the list,
the keyboard, the accessible name and value are QComboBox's own.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QSizePolicy,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QWidget,
)

_FLAGS = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_MARGIN = 4  # between the field's edge and the text, as the style leaves for one line


class WrappingComboBox(QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        policy = self.sizePolicy()
        # Taller than one line when the text needs it (a fixed height kept it to one line).
        policy.setVerticalPolicy(QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.currentIndexChanged.connect(self.updateGeometry)

    def _field(self, width: int, height: int) -> QRect:
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        option.rect = QRect(0, 0, width, height)
        style = self.style()
        control = QStyle.ComplexControl.CC_ComboBox
        field = style.subControlRect(control, option, QStyle.SubControl.SC_ComboBoxEditField, self)
        return field.adjusted(_MARGIN, 0, -_MARGIN, 0)

    def _text_height(self, width: int) -> int:
        room = self._field(width, super().sizeHint().height()).width()
        bound = QRect(0, 0, max(1, room), 100_000)
        return self.fontMetrics().boundingRect(bound, _FLAGS, self.currentText()).height()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        one_line = super().sizeHint().height()
        return one_line + max(0, self._text_height(width) - self.fontMetrics().height())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().sizeHint()
        return QSize(hint.width(), self.heightForWidth(hint.width()))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        text = option.currentText
        option.currentText = ""  # the frame, arrow and focus from the style; the text below
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)
        field = self._field(self.width(), self.height())
        role = QPalette.ColorRole.ButtonText  # the colour the style gives one line
        painter.drawItemText(field, int(_FLAGS), option.palette, self.isEnabled(), text, role)
