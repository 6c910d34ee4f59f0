"""Recent check-ins and questionnaire results, newest first, with delete and undo.

Deleting a mistaken entry matters here: it would otherwise pull the person's usual off.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from reflect.domain.errors import ReflectError
from reflect.domain.usual import compare_with_usual
from reflect.services.session import Session
from reflect.ui.i18n import local_date, number, tr

SHOWN = 60


@dataclass
class _Entry:
    kind: str  # "checkin" or "result"
    when: Any
    text: str
    record: Any


class CheckinHistoryView(QWidget):
    history_changed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._deleted: _Entry | None = None
        self.setAccessibleName(tr("Earlier check-ins and questionnaire results"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        intro = QLabel(
            tr(
                "Your most recent check-ins and saved questionnaire results. Delete one that was "
                "entered by mistake, so it does not shift your usual."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        # The same line as the result screens: a history of numbers is still not a diagnosis.
        self.disclaimer = QLabel(
            tr("A check-in is a moment of reflection, not a test or a diagnosis.")
        )
        self.disclaimer.setWordWrap(True)
        self.disclaimer.setObjectName("checkinDisclaimer")
        # Both lines keep their height, so an empty history does not spread them apart.
        for label in (intro, self.disclaimer):
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout.addWidget(self.disclaimer)
        self.list = QListWidget()
        self.list.setAccessibleName(tr("History"))
        self.list.setAlternatingRowColors(True)
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(self.list, 1)
        self.empty = QLabel(
            tr("Nothing here yet. Your check-ins and saved results will appear here.")
        )
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # The empty message takes the list's place (same stretch), so the intro and the
        # buttons stay where they are when the first entry arrives.
        self.empty.setObjectName("emptyState")
        layout.addWidget(self.empty, 1)
        buttons = QHBoxLayout()
        self.delete_button = QPushButton(tr("Delete"))
        self.delete_button.setToolTip(tr("Delete the selected entry (Delete key); you can undo"))
        self.status = QLabel()
        self.undo_button = QPushButton(tr("Undo"))
        self.undo_button.setAccessibleName(tr("Undo the deletion"))
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.undo_button)
        layout.addLayout(buttons)
        self.delete_button.clicked.connect(self.delete_selected)
        self.undo_button.clicked.connect(self.undo_delete)
        self.list.currentRowChanged.connect(self._update_buttons)
        self.refresh()

    def refresh(self) -> None:
        entries = self._entries()
        self.list.clear()
        for entry in entries:
            when = local_date(entry.when, "ddd dd MMM yyyy, HH:mm")
            item = QListWidgetItem(f"{when}    {entry.text}")
            item.setData(Qt.ItemDataRole.UserRole, entry)
            self.list.addItem(item)
        self.list.setVisible(bool(entries))
        self.empty.setVisible(not entries)
        self.undo_button.setVisible(self._deleted is not None)
        self._update_buttons()

    def _entries(self) -> list[_Entry]:
        entries = []
        for scored in self.session.checkins.recent_scored(SHOWN):
            overall = scored.scores.overall
            if overall is None:
                score = tr("no items answered")
            else:
                score = tr("overall {value} of {top}").format(value=number(overall, ".1f"), top=4)
            compared = compare_with_usual(scored)
            wording = compared.wording() if compared.available else ""
            text = tr("Check-in: {score}").format(score=score) + (
                f", {tr(wording)}" if wording else ""
            )
            entries.append(_Entry("checkin", scored.checkin.taken_at, text, scored.checkin))
        instruments = self.session.instruments
        for result in instruments.results()[-SHOWN:]:
            try:
                definition = instruments.get(result.instrument_id)
                labels = {s.id: tr(s.label) for s in definition.subscales}
                name = definition.short_name
            except ReflectError:
                labels, name = {}, result.instrument_id
            # In the instrument's own subscale order, not the stored (alphabetical) one.
            order = [k for k in labels if k in result.scores] + [
                k for k in result.scores if k not in labels
            ]
            scores = ", ".join(f"{labels.get(k, k)} {number(result.scores[k])}" for k in order)
            entries.append(_Entry("result", result.taken_at, f"{name}: {scores}", result))
        entries.sort(key=lambda e: e.when, reverse=True)
        return entries[:SHOWN]

    def _update_buttons(self, _row: int = 0) -> None:
        self.delete_button.setEnabled(self.list.currentItem() is not None)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Delete and self.list.currentItem() is not None:
            self.delete_selected()
        else:
            super().keyPressEvent(event)

    def delete_selected(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        entry: _Entry = item.data(Qt.ItemDataRole.UserRole)
        if entry.kind == "checkin":
            self.session.checkins.delete(entry.record.id)
        else:
            self.session.instruments.delete_result(entry.record.id)
        self._deleted = entry
        self.status.setText(
            tr("Deleted the entry from {when}.").format(when=local_date(entry.when, "dd MMM yyyy"))
        )
        self.refresh()
        self.undo_button.setFocus()
        self.history_changed.emit()

    def undo_delete(self) -> None:
        entry, self._deleted = self._deleted, None
        if entry is None:
            return
        if entry.kind == "checkin":
            self.session.checkins.restore(entry.record)
        else:
            self.session.instruments.restore_result(entry.record)
        self.status.setText(tr("Restored."))
        self.refresh()
        self.history_changed.emit()
