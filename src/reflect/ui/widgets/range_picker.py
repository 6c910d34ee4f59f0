"""Date range choice for the trends: 4 weeks, 3 months, a year, all, or custom dates.

Emits ``range_chosen(key, start, end)`` with Python dates (start/end only for "custom").
A custom range whose first day comes after its last is not emitted; the picker says what is
wrong beside the dates instead, and the charts keep showing the last good range.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from reflect.domain.trends import RANGE_LABELS
from reflect.ui.i18n import follow_language, tr
from reflect.ui.widgets.wall_clock import keep_kept_years

# Mnemonics avoid digits: Alt+1..8 already move between screens. Shown through tr().
BUTTON_TEXT = {
    "4w": "4 &weeks",
    "3m": "3 &months",
    "1y": "A &year",
    "all": "A&ll",
    "custom": "&Custom…",
}

# What a screen reader announces for each button. Shown through tr().
ACCESSIBLE_NAMES = {
    "4w": "Show 4 weeks",
    "3m": "Show 3 months",
    "1y": "Show a year",
    "all": "Show all",
    "custom": "Show custom",
}


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class RangePicker(QWidget):
    range_chosen = Signal(str, object, object)

    def __init__(self, today: date, initial: str = "3m", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(tr("Date range"))
        # The app stylesheet gives every button one background, which would hide the choice.
        self.setStyleSheet(
            "QPushButton:checked { background: palette(highlight); "
            "color: palette(highlighted-text); border-color: palette(highlight); }"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(tr("Show:")))
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str, QPushButton] = {}
        for key in RANGE_LABELS:
            button = QPushButton(tr(BUTTON_TEXT[key]))
            button.setCheckable(True)
            # Arrows move along the row whatever the focus policy (below): one Tab stop.
            button.setAutoExclusive(True)
            button.setAccessibleName(tr(ACCESSIBLE_NAMES[key]))
            self.group.addButton(button)
            self.buttons[key] = button
            layout.addWidget(button)
            button.clicked.connect(lambda _checked=False, k=key: self._on_button_clicked(k))
        self.start_edit = QDateEdit(_qdate(today - timedelta(days=30)))
        keep_kept_years(self.start_edit)
        self.end_edit = QDateEdit(_qdate(today))
        keep_kept_years(self.end_edit)
        for edit, name in ((self.start_edit, tr("First day")), (self.end_edit, tr("Last day"))):
            edit.setCalendarPopup(True)
            follow_language(edit)
            edit.setDisplayFormat("d MMM yyyy")
            edit.setMaximumDate(_qdate(today))
            edit.setAccessibleName(name)
            edit.dateChanged.connect(self._on_custom_dates_changed)
        self.to_label = QLabel(tr("to"))
        self.problem = QLabel()
        self.problem.setObjectName("mutedLabel")
        for widget in (self.start_edit, self.to_label, self.end_edit, self.problem):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.key = initial
        self.group.buttonToggled.connect(self._tab_to_chosen)
        self.buttons[initial].setChecked(True)
        self._tab_to_chosen()
        self._show_custom(initial == "custom")

    def _tab_to_chosen(self, *_args: object) -> None:
        """Tab enters the row at the range shown and leaves it in one press, as for radio
        buttons; Left and Right move along it."""
        for button in self.buttons.values():
            chosen = button.isChecked()
            button.setFocusPolicy(
                Qt.FocusPolicy.StrongFocus if chosen else Qt.FocusPolicy.ClickFocus
            )

    def _show_custom(self, visible: bool) -> None:
        for widget in (self.start_edit, self.to_label, self.end_edit):
            widget.setVisible(visible)
        self.problem.setVisible(visible and bool(self.problem.text()))

    def set_today(self, today: date) -> None:
        """A new day has begun (the app stayed open past midnight): it may now be chosen."""
        for edit in (self.start_edit, self.end_edit):
            edit.setMaximumDate(_qdate(today))

    def set_first_day(self, first: date | None) -> None:
        """Start a custom range no earlier than the first thing recorded."""
        if first is not None:
            self.start_edit.setMinimumDate(_qdate(first))
            self.end_edit.setMinimumDate(_qdate(first))

    def choose(self, key: str, start: date | None = None, end: date | None = None) -> None:
        """Select a range as if clicked (custom dates optional)."""
        if start is not None:
            self.start_edit.setDate(_qdate(start))
        if end is not None:
            self.end_edit.setDate(_qdate(end))
        self.buttons[key].setChecked(True)
        self._on_button_clicked(key)

    def custom_dates(self) -> tuple[date, date]:
        return _pydate(self.start_edit.date()), _pydate(self.end_edit.date())

    def _on_button_clicked(self, key: str) -> None:
        self.key = key
        self._show_custom(key == "custom")
        if key == "custom":
            self._on_custom_dates_changed()
            self.start_edit.setFocus()
        else:
            self.range_chosen.emit(key, None, None)

    def _on_custom_dates_changed(self, *_args: object) -> None:
        if self.key != "custom":
            return
        start, end = self.custom_dates()
        if start > end:
            self.problem.setText(tr("The first day is after the last day."))
            self.problem.setVisible(True)
            return
        self.problem.setText("")
        self.problem.setVisible(False)
        self.range_chosen.emit("custom", start, end)
