"""Agreed actions in debrief mode: tick when done, add one with an owner and a date."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reflect.services.debrief_view import ActionView
from reflect.ui.i18n import interface_locale, interface_words, tr
from reflect.ui.widgets.wall_clock import keep_kept_years


def action_label(action: ActionView) -> str:
    extra = [action.owner] if action.owner else []
    if action.due:
        extra.append(tr("by {date}").format(date=interface_words().day(action.due)))
    if action.from_title:
        extra.append(tr("from {title}").format(title=action.from_title))
    return action.text + (f"  ({' · '.join(extra)})" if extra else "")


class ActionsPanel(QWidget):
    add_requested = Signal(str, str, object)  # text, owner, date | None
    done_toggled = Signal(int, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel("<b>{}</b>".format(tr("Agreed actions")))
        layout.addWidget(heading)
        self._rows = QVBoxLayout()
        layout.addLayout(self._rows)
        self.empty = QLabel(tr("No actions yet. Add what you agree, who owns it and by when."))
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        self.carried_heading = QLabel("<b>{}</b>".format(tr("Still open from earlier debriefs")))
        self.carried_heading.setWordWrap(True)
        layout.addWidget(self.carried_heading)
        self._carried = QVBoxLayout()
        layout.addLayout(self._carried)

        form = QGridLayout()
        self.text = QLineEdit()
        self.text.setPlaceholderText(tr("Action, e.g. book a day off after the court week"))
        self.text.setAccessibleName(tr("New action"))
        self.owner = QLineEdit()
        self.owner.setPlaceholderText(tr("Owner"))
        self.owner.setAccessibleName(tr("Who owns the action"))
        self.has_due = QCheckBox(tr("Due"))
        self.due = QDateEdit(QDate.currentDate().addDays(14))
        keep_kept_years(self.due)
        self.due.setLocale(interface_locale())
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("d MMM yyyy")
        self.due.setEnabled(False)
        self.due.setAccessibleName(tr("Due date"))
        self.has_due.toggled.connect(self.due.setEnabled)
        self.add_button = QPushButton(tr("Add action"))
        # The action and its owner each get a full row, so neither is squeezed to a few
        # letters at larger type or in French; the date and the button share the last one.
        form.addWidget(self.text, 0, 0, 1, 4)
        form.addWidget(self.owner, 1, 0, 1, 4)
        row = QHBoxLayout()
        row.addWidget(self.has_due)
        row.addWidget(self.due)
        row.addStretch(1)
        form.addLayout(row, 2, 0, 1, 3)
        form.addWidget(self.add_button, 2, 3)
        layout.addLayout(form)
        self.add_button.clicked.connect(self._add)
        self.text.returnPressed.connect(self._add)

    def _add(self) -> None:
        if not self.text.text().strip():
            self.text.setFocus()
            return
        due: date | None = self.due.date().toPython() if self.has_due.isChecked() else None  # type: ignore[assignment]
        self.add_requested.emit(self.text.text(), self.owner.text(), due)

    def clear_form(self) -> None:
        self.text.clear()
        self.owner.clear()
        self.has_due.setChecked(False)

    def set_actions(self, actions: Sequence[ActionView], carried: Sequence[ActionView]) -> None:
        for box in (self._rows, self._carried):
            while box.count():
                item = box.takeAt(0)
                old = item.widget() if item is not None else None
                if old is not None:
                    old.hide()  # deleteLater is deferred; a stale row must not overlap the new ones
                    old.deleteLater()
        for action in actions:
            self._rows.addWidget(self._row(action))
        for action in carried:
            self._carried.addWidget(self._row(action))
        self.empty.setVisible(not actions)
        self.carried_heading.setVisible(bool(carried))

    def _row(self, action: ActionView) -> QWidget:
        # A checkbox plus a wrapping label: long actions must not widen the agenda column.
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        box = QCheckBox()
        box.setChecked(action.done)
        box.setAccessibleName(tr("Done: {action}").format(action=action_label(action)))
        box.setToolTip(tr("Tick when it is done"))
        box.toggled.connect(lambda checked, i=action.id: self.done_toggled.emit(i, checked))
        label = QLabel(action_label(action))
        label.setWordWrap(True)
        if action.done:
            label.setStyleSheet("text-decoration: line-through;")
        layout.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(label, 1)
        return row
