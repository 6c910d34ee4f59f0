"""Open follow-up actions: tick one to mark it done (Undo puts it back)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reflect.services.journal import JournalService
from reflect.ui.i18n import interface_locale, tr


def _short_date(day: date, with_year: bool = False) -> str:
    """'25 Nov' / '25 nov.' in the language of the interface."""
    locale = interface_locale()
    pattern = "d MMM yyyy" if with_year else "d MMM"
    return locale.toString(QDate(day.year, day.month, day.day), pattern)


class FollowUpsPanel(QWidget):
    open_entry_requested = Signal(int)

    def __init__(self, journal: JournalService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self._last_done: int | None = None
        self._max_lines: int | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel("<b>" + tr("Open follow-ups") + "</b>")
        layout.addWidget(title)
        self.list = QListWidget()
        self.list.setAccessibleName(tr("Open follow-up actions; press Space to mark one done"))
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        layout.addWidget(self.list, 1)
        self.empty = QLabel(
            tr(
                "No open follow-ups. Actions you add to a reflection or agree in a debrief "
                "appear here."
            )
        )
        self.empty.setWordWrap(True)
        self.empty.setObjectName("emptyState")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.empty, 1)  # takes the list's place, so the title stays on top
        row = QHBoxLayout()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.hide()  # an empty line under the list until something is marked done
        self.undo_button = QPushButton(tr("Undo"))
        self.undo_button.setAccessibleName(tr("Undo marking the follow-up done"))
        self.undo_button.hide()
        row.addWidget(self.status, 1)
        row.addWidget(self.undo_button)
        layout.addLayout(row)
        self.list.itemChanged.connect(self._on_item_changed)
        self.list.itemActivated.connect(self._on_item_activated)
        self.undo_button.clicked.connect(self._on_undo_clicked)

    def refresh(self) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        today = date.today()
        items = self.journal.open_follow_ups()
        sources = self.journal.reflection_dates(items)
        for item in items:
            due = ""
            if item.due:
                due = "  " + tr("(due {date})").format(date=_short_date(item.due))
            entry = QListWidgetItem(item.text + due)
            source = sources.get(item.reflection_id or 0)
            origin = ""
            if source:
                when = _short_date(source.date(), with_year=True)
                origin = tr("From the reflection of {date}.").format(date=when) + " "
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Unchecked)
            entry.setData(Qt.ItemDataRole.UserRole, item.id)
            entry.setData(Qt.ItemDataRole.UserRole + 1, item.reflection_id)
            if item.debrief_id is not None:
                # Agreed in a supervision debrief: there is no reflection to open.
                owner = " " + tr("Owner: {owner}.").format(owner=item.owner) if item.owner else ""
                entry.setToolTip(tr("Agreed in a debrief.") + owner + " " + tr("Tick when done."))
            else:
                entry.setToolTip(
                    origin + tr("Tick when done; double-click to open its reflection.")
                )
            if item.due and item.due < today:
                entry.setForeground(QBrush(QColor("#b35c00")))
                entry.setText(
                    item.text + "  " + tr("(was due {date})").format(date=_short_date(item.due))
                )
            self.list.addItem(entry)
        self.list.blockSignals(False)
        self.empty.setVisible(self.list.count() == 0)
        self.list.setVisible(self.list.count() > 0)
        self._fit()

    def fit_to_rows(self, max_lines: int) -> None:
        """Make the list as tall as its rows, at most ``max_lines`` lines of text.

        On Home three actions would otherwise sit at the top of an empty box; measured in
        lines, so the cap grows with the font size.
        """
        self._max_lines = max_lines
        self._fit()

    def _fit(self) -> None:
        if self._max_lines is None:
            return
        cap = self.fontMetrics().lineSpacing() * self._max_lines
        count = self.list.count()
        rows = sum(self.list.sizeHintForRow(row) for row in range(count))
        gaps = self.list.spacing() * 2 * count  # above and below every row (QListView)
        self.list.setFixedHeight(min(cap, rows + gaps + 2 * self.list.frameWidth()))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit()  # wrapped rows change height with the width

    def mark_done(self, follow_up_id: int) -> None:
        item = self.journal.follow_up(follow_up_id)
        self.journal.mark_follow_up_done(follow_up_id)
        self._last_done = follow_up_id
        self.status.setText(tr("Done: {text}").format(text=item.text if item else ""))
        self.status.show()
        self.undo_button.show()
        self.refresh()

    def _on_item_changed(self, entry: QListWidgetItem) -> None:
        if entry.checkState() != Qt.CheckState.Checked:
            return
        follow_up_id = int(entry.data(Qt.ItemDataRole.UserRole))
        # The list is rebuilt once Qt has finished with the ticked item: clearing it from
        # inside this signal would delete the item while Qt is still using it.
        self.list.blockSignals(True)
        QTimer.singleShot(0, self, lambda: self.mark_done(follow_up_id))

    def _on_item_activated(self, entry: QListWidgetItem) -> None:
        reflection_id = entry.data(Qt.ItemDataRole.UserRole + 1)
        if reflection_id:
            self.open_entry_requested.emit(int(reflection_id))

    def _on_undo_clicked(self) -> None:
        if self._last_done is not None:
            self.journal.reopen_follow_up(self._last_done)
            self._last_done = None
        self.status.clear()
        self.status.hide()
        self.undo_button.hide()
        self.refresh()
