"""Home's two quiet cards: a self-check that is ready, and days since a real break.

Neither says anything about an incident or a shift, and neither counts up like a streak:
the self-check card names no reason, and the break card is shown only when the person
turned it on in Settings.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reflect.domain.recovery import MAX_MOVE_DAYS, SELF_CHECK_MESSAGE, SelfCheck
from reflect.ui.asked_across_lock import accepted
from reflect.ui.i18n import interface_locale, tr
from reflect.ui.widgets.dialog_buttons import ok_cancel
from reflect.ui.widgets.wall_clock import keep_kept_years

MOVE_BY_DAYS = 3


class SelfCheckCard(QFrame):
    start_requested = Signal(object)  # the SelfCheck
    move_requested = Signal(object, object)  # the SelfCheck, the new date
    dismiss_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("homeCard")
        self.setAccessibleName(tr("Self-check"))
        self.check: SelfCheck | None = None
        layout = QVBoxLayout(self)
        self.message = QLabel(tr(SELF_CHECK_MESSAGE))
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        row = QHBoxLayout()
        self.start_button = QPushButton(tr("Start the self-check"))
        self.move_button = QPushButton(tr("Another day…"))
        self.dismiss_button = QPushButton(tr("Not needed"))
        self.dismiss_button.setToolTip(tr("Closes this self-check; nothing else changes."))
        for button in (self.start_button, self.move_button, self.dismiss_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.start_button.clicked.connect(lambda: self.start_requested.emit(self.check))
        self.move_button.clicked.connect(self._on_move_clicked)
        self.dismiss_button.clicked.connect(lambda: self.dismiss_requested.emit(self.check))
        self.hide()

    def show_check(self, check: SelfCheck | None) -> None:
        self.check = check
        self.setVisible(check is not None)

    def _on_move_clicked(self) -> None:
        if self.check is None:
            return
        new_day = choose_day(self, date.today() + timedelta(days=MOVE_BY_DAYS))
        if new_day is not None:
            self.move_requested.emit(self.check, new_day)


def choose_day(parent: QWidget, suggested: date) -> date | None:
    """A small date picker (today up to six months ahead); None when cancelled."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(tr("Another day"))
    layout = QVBoxLayout(dialog)
    label = QLabel(tr("Offer the self-check again on:"))
    edit = QDateEdit(QDate(suggested.year, suggested.month, suggested.day))
    keep_kept_years(edit)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("d MMM yyyy")
    edit.setLocale(interface_locale())
    today = QDate.currentDate()
    edit.setMinimumDate(today)
    edit.setMaximumDate(today.addDays(MAX_MOVE_DAYS))
    edit.setAccessibleName(tr("Day of the self-check"))
    label.setBuddy(edit)
    buttons, _ = ok_cancel(dialog, dialog.accept)
    layout.addWidget(label)
    layout.addWidget(edit)
    layout.addWidget(buttons)
    if not accepted(dialog):
        return None
    value = edit.date()
    return date(value.year(), value.month(), value.day())


def break_sentence(days: int | None) -> str:
    """Days since a real break, said gently; no praise, no alarm, no streak."""
    if days is None:
        return tr("No break is marked yet. Days off and leave you mark are counted here.")
    if days == 0:
        return tr("You are on a break today.")
    if days == 1:
        return tr("Your last real break was yesterday.")
    return tr("Your last real break was {days} days ago.").format(days=days)


class RecoveryCard(QFrame):
    mark_break_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("homeCard")
        self.setAccessibleName(tr("Recovery"))
        layout = QHBoxLayout(self)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.mark_button = QPushButton(tr("Mark a break…"))
        layout.addWidget(self.message, 1)
        layout.addWidget(self.mark_button)
        self.mark_button.clicked.connect(self.mark_break_requested)
        self.hide()

    def show_days(self, days: int | None) -> None:
        self.message.setText(break_sentence(days))
