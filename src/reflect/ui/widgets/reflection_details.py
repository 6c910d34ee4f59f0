"""What every reflection records besides its template: when, the setting, and tags."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from reflect.ui.widgets.intensity_input import split_words


class ReflectionDetails(QWidget):
    changed = Signal()

    def __init__(self, settings: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        when_row = QHBoxLayout()
        self.when = QDateTimeEdit()
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd  HH:mm")
        self.when.setAccessibleName("Date and time of the encounter")
        self.now_button = QPushButton("Now")
        self.now_button.setAccessibleName("Set the date and time to now")
        when_row.addWidget(self.when)
        when_row.addWidget(self.now_button)
        when_row.addStretch(1)
        when_label = QLabel("&When:")
        when_label.setBuddy(self.when)
        form.addRow(when_label, when_row)
        self.setting = QComboBox()
        self.setting.setEditable(True)  # the usual settings, or the person's own word
        self.setting.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setting.setAccessibleName("Setting")
        self.setting.setToolTip("Pick one or type your own")
        self.setting.addItems(settings)
        self.setting.setMinimumWidth(200)
        self.setting.setMaximumWidth(360)
        form.addRow("&Setting:", self.setting)
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(
            "optional, separated by commas (for example: night shift, court)"
        )
        self.tags.setAccessibleName("Tags, separated by commas")
        form.addRow("T&ags:", self.tags)

        self.when.dateTimeChanged.connect(self.changed)
        self.now_button.clicked.connect(lambda: self.when.setDateTime(QDateTime.currentDateTime()))
        self.setting.currentTextChanged.connect(self.changed)
        self.tags.textChanged.connect(self.changed)

    def set_values(self, occurred_at: datetime, setting: str, tags: list[str]) -> None:
        when = occurred_at
        self.when.setDateTime(QDateTime(when.year, when.month, when.day, when.hour, when.minute, 0))
        if self.setting.findText(setting) < 0:
            self.setting.addItem(setting)
        self.setting.setCurrentText(setting)
        self.tags.setText(", ".join(tags))

    def occurred_at(self) -> datetime:
        value: datetime = self.when.dateTime().toPython()  # type: ignore[assignment]
        return value.replace(second=0, microsecond=0)

    def setting_text(self) -> str:
        return self.setting.currentText()

    def tag_list(self) -> list[str]:
        return split_words(self.tags.text())
