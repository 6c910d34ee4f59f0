"""What every reflection records besides its template: when, the setting, and tags."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal
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

from reflect.ui.i18n import follow_language, tr
from reflect.ui.widgets.intensity_input import split_words
from reflect.ui.widgets.wall_clock import (
    from_qdatetime,
    hold_wall_clock,
    now_qdatetime,
    to_qdatetime,
)


class ReflectionDetails(QWidget):
    changed = Signal()

    def __init__(self, settings: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        when_row = QHBoxLayout()
        self._loaded: datetime | None = None
        self.when = QDateTimeEdit()
        hold_wall_clock(self.when)
        self.when.setCalendarPopup(True)
        follow_language(self.when)
        self.when.setDisplayFormat("yyyy-MM-dd  HH:mm")
        self.when.setAccessibleName(tr("Date and time of the encounter"))
        self.now_button = QPushButton(tr("Now"))
        self.now_button.setAccessibleName(tr("Set the date and time to now"))
        when_row.addWidget(self.when)
        when_row.addWidget(self.now_button)
        when_row.addStretch(1)
        when_label = QLabel(tr("&When:"))
        when_label.setBuddy(self.when)
        form.addRow(when_label, when_row)
        self.setting = QComboBox()
        self.setting.setEditable(True)  # the usual settings, or the person's own word
        self.setting.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setting.setAccessibleName(tr("Setting"))
        self.setting.setToolTip(tr("Pick one or type your own"))
        for setting in settings:  # shown in the interface language, stored as the usual word
            self.setting.addItem(tr(setting), setting)
        self.setting.setMinimumWidth(200)
        self.setting.setMaximumWidth(360)
        form.addRow(tr("&Setting:"), self.setting)
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(
            tr("optional, separated by commas (for example: night shift, court)")
        )
        self.tags.setAccessibleName(tr("Tags, separated by commas"))
        form.addRow(tr("T&ags:"), self.tags)

        self.when.dateTimeChanged.connect(self.changed)
        self.now_button.clicked.connect(lambda: self.when.setDateTime(now_qdatetime()))
        self.setting.currentTextChanged.connect(self.changed)
        self.tags.textChanged.connect(self.changed)

    def set_values(self, occurred_at: datetime, setting: str, tags: list[str]) -> None:
        self._loaded = occurred_at
        self.when.setDateTime(to_qdatetime(occurred_at.replace(second=0)))
        index = self.setting.findData(setting)
        if index < 0:
            self.setting.addItem(setting, setting)
            index = self.setting.count() - 1
        self.setting.setCurrentIndex(index)
        self.setting.setCurrentText(self.setting.itemText(index))
        self.tags.setText(", ".join(tags))

    def occurred_at(self) -> datetime:
        shown = from_qdatetime(self.when.dateTime()).replace(second=0)
        # The editor shows minutes: an imported 21:05:37 left alone stays 21:05:37.
        loaded = self._loaded
        if loaded is not None and loaded.replace(second=0, microsecond=0) == shown:
            return loaded
        return shown

    def setting_text(self) -> str:
        """The setting as stored: an offered one keeps its usual (English) word in any language."""
        text = self.setting.currentText()
        index = self.setting.findText(text)
        data = self.setting.itemData(index) if index >= 0 else None
        return data if isinstance(data, str) and data else text

    def tag_list(self) -> list[str]:
        return split_words(self.tags.text())
