"""The supervisor's reply: the next session's date and a short message (the actions agreed
and the notes marked to share go with them)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from reflect.ui.i18n import interface_locale, tr
from reflect.ui.widgets.dialog_buttons import ok_cancel
from reflect.ui.widgets.wall_clock import keep_kept_years
from reflect.ui.widgets.wrapped_text_fit import keep_wrapped_text_whole


class ReplyDialog(QDialog):
    """The next date and a short message; the notes marked to share and the actions go too."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        keep_wrapped_text_whole(self)
        self.setWindowTitle(tr("Reply to this packet"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr(
                "The reply holds the actions you agreed, the notes you marked to share and "
                "the next date, sealed so that only your supervisee (and you) can open it."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.has_next = QCheckBox(tr("Next session on"))
        self.next_date = QDateEdit(QDate.currentDate().addDays(14))
        keep_kept_years(self.next_date)
        self.next_date.setCalendarPopup(True)
        self.next_date.setDisplayFormat("d MMM yyyy")
        self.next_date.setLocale(interface_locale())
        self.next_date.setAccessibleName(tr("Next session date"))
        self.has_next.setChecked(True)
        self.has_next.toggled.connect(self.next_date.setEnabled)
        form.addRow(self.has_next, self.next_date)
        self.message = QPlainTextEdit()
        self.message.setAccessibleName(tr("Message"))
        self.message.setMaximumHeight(90)
        form.addRow(tr("Message"), self.message)
        layout.addLayout(form)
        buttons, _ = ok_cancel(self, self.accept, tr("Seal and save…"))
        layout.addWidget(buttons)

    def chosen_next(self) -> date | None:
        return self.next_date.date().toPython() if self.has_next.isChecked() else None  # type: ignore[return-value]
