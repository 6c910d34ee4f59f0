"""Mark a day off or a stretch of leave: the breaks that "days since a real break" counts."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from reflect.domain.errors import ReflectError
from reflect.domain.exposure import BREAK_KINDS, BREAK_LABELS, Break
from reflect.services.exposure import ExposureService
from reflect.ui.error_text import message_in_language
from reflect.ui.i18n import interface_locale, tr
from reflect.ui.widgets.wall_clock import keep_kept_years
from reflect.ui.widgets.wrapped_text_fit import keep_wrapped_text_whole


def _date_edit(day: date, name: str) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    keep_kept_years(edit)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("d MMM yyyy")
    edit.setLocale(interface_locale())
    edit.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the wheel never changes a date
    edit.setAccessibleName(name)
    return edit


def _day(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


class BreakDialog(QDialog):
    def __init__(
        self, exposure: ExposureService, parent: QWidget | None = None, day: date | None = None
    ) -> None:
        super().__init__(parent)
        keep_wrapped_text_whole(self)
        self.exposure = exposure
        self.saved: Break | None = None
        self.setWindowTitle(tr("Mark a break"))
        # Wide enough for the sentence on two lines rather than four.
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 48)
        layout = QVBoxLayout(self)
        intro = QLabel(tr("A day off or leave: time away from the work, however it was spent."))
        intro.setWordWrap(True)
        intro.setObjectName("mutedLabel")
        layout.addWidget(intro)
        form = QFormLayout()
        self.kind = QComboBox()
        self.kind.setAccessibleName(tr("Kind of break"))
        for kind in BREAK_KINDS:
            self.kind.addItem(tr(BREAK_LABELS[kind]), kind)
        today = day or date.today()
        self.start = _date_edit(today, tr("First day"))
        self.end = _date_edit(today, tr("Last day"))
        form.addRow(tr("&Kind:"), self.kind)
        form.addRow(tr("&From:"), self.start)
        form.addRow(tr("&To:"), self.end)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setObjectName("statusLine")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(self)  # parented first, so setDefault finds the dialog
        save = buttons.addButton(tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        save.setDefault(True)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        layout.addWidget(buttons)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.start.dateChanged.connect(self._on_start_changed)

    def _on_start_changed(self, value: QDate) -> None:
        if self.end.date() < value:
            self.end.setDate(value)

    def save(self) -> Break | None:
        try:
            self.saved = self.exposure.mark_break(
                _day(self.start), _day(self.end), str(self.kind.currentData())
            )
        except ReflectError as exc:
            self.error.setText(tr("Not saved yet: {error}").format(error=message_in_language(exc)))
            return None
        self.accept()
        return self.saved
