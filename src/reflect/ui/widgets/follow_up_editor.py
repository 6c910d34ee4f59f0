"""Follow-up actions attached to a reflection: text plus an optional due date, one per row."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reflect.domain.reflection import FollowUp
from reflect.ui.i18n import follow_language, tr
from reflect.ui.widgets.wall_clock import keep_kept_years


class _FollowUpRow(QWidget):
    changed = Signal()
    remove_requested = Signal(object)

    def __init__(self, item: FollowUp, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.text = QLineEdit(item.text)
        self.text.setPlaceholderText(tr("What will I do? (for example: ask my supervisor about…)"))
        self.text.setAccessibleName(tr("Follow-up action"))
        self.has_due = QCheckBox(tr("Due"))
        self.has_due.setAccessibleName(tr("Give this action a due date"))
        self.due = QDateEdit()
        keep_kept_years(self.due)
        self.due.setCalendarPopup(True)
        follow_language(self.due)
        self.due.setDisplayFormat("yyyy-MM-dd")
        self.due.setAccessibleName(tr("Due date"))
        due = item.due or date.today()
        self.due.setDate(QDate(due.year, due.month, due.day))
        self.has_due.setChecked(item.due is not None)
        self.due.setEnabled(item.due is not None)
        self.done = QLabel(tr("done") if item.done_at else "")
        self.remove = QPushButton(tr("Remove"))
        self.remove.setAccessibleName(tr("Remove this follow-up"))
        layout.addWidget(self.text, 1)
        layout.addWidget(self.has_due)
        layout.addWidget(self.due)
        layout.addWidget(self.done)
        layout.addWidget(self.remove)
        self.text.textChanged.connect(self.changed)
        self.has_due.toggled.connect(self._on_due_toggled)
        self.due.dateChanged.connect(self.changed)
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self))

    def _on_due_toggled(self, on: bool) -> None:
        self.due.setEnabled(on)
        self.changed.emit()

    def value(self) -> FollowUp:
        due = self.due.date().toPython() if self.has_due.isChecked() else None
        return FollowUp(
            text=self.text.text(),
            due=due,  # type: ignore[arg-type]
            owner=self.item.owner,
            done_at=self.item.done_at,
            reflection_id=self.item.reflection_id,
            debrief_id=self.item.debrief_id,
            created_at=self.item.created_at,
            id=self.item.id,
        )


class FollowUpEditor(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.rows_layout = QVBoxLayout()
        layout.addLayout(self.rows_layout)
        self.add_button = QPushButton(tr("Add a follow-up action"))
        self.add_button.setAccessibleName(tr("Add a follow-up action"))
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.rows: list[_FollowUpRow] = []
        self.add_button.clicked.connect(self._on_add_clicked)

    def _add_row(self, item: FollowUp) -> _FollowUpRow:
        row = _FollowUpRow(item)
        row.changed.connect(self.changed)
        row.remove_requested.connect(self._on_row_remove)
        self.rows.append(row)
        self.rows_layout.addWidget(row)
        return row

    def _on_add_clicked(self) -> None:
        self._add_row(FollowUp("")).text.setFocus()
        self.changed.emit()

    def _on_row_remove(self, row: _FollowUpRow) -> None:
        self.rows.remove(row)
        row.setParent(None)
        row.deleteLater()
        self.changed.emit()

    def set_follow_ups(self, items: list[FollowUp]) -> None:
        for row in self.rows:
            row.setParent(None)
            row.deleteLater()
        self.rows = []
        for item in items:
            self._add_row(item)

    def follow_ups(self) -> list[FollowUp]:
        return [row.value() for row in self.rows if row.text.text().strip()]
