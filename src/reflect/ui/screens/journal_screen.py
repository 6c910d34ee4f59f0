"""The journal: every reflection, searchable (FTS5) and filterable; open, edit, delete with undo.

Open follow-up actions sit beside the list so they are seen whenever the journal is.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reflect.domain.journal import JournalFilter
from reflect.domain.reflection import Reflection
from reflect.services.session import Session
from reflect.ui.models.reflection_table_model import ReflectionTableModel
from reflect.ui.widgets.follow_ups_panel import FollowUpsPanel

SEARCH_DELAY_MS = 150


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class JournalScreen(QWidget):
    open_entry_requested = Signal(int)
    new_entry_requested = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Journal")
        self.journal = session.journal
        self._deleted: Reflection | None = None
        self.confirm_delete = self._ask_delete
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh)
        self._build()
        self._connect()
        self.refresh()

    # --- layout -------------------------------------------------------------------------------

    def _build(self) -> None:
        root = QVBoxLayout(self)
        heading = QLabel("<h2>Journal</h2>")
        root.addWidget(heading)

        search_row = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            'Search your reflections (words, or a "quoted phrase")  Ctrl+F'
        )
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search reflections")
        search_row.addWidget(self.search, 1)
        self.clear_filters_button = QPushButton("Clear filters")
        search_row.addWidget(self.clear_filters_button)
        root.addLayout(search_row)

        filters = QHBoxLayout()
        self.use_from = QCheckBox("From")
        self.date_from = QDateEdit()
        self.use_to = QCheckBox("to")
        self.date_to = QDateEdit()
        today = date.today()
        for check, edit, start in (
            (self.use_from, self.date_from, date(today.year, today.month, 1)),
            (self.use_to, self.date_to, today),
        ):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(_qdate(start))
            edit.setEnabled(False)
            check.setAccessibleName(f"Filter by date: {check.text()}")
            filters.addWidget(check)
            filters.addWidget(edit)
        self.template_filter = QComboBox()
        self.template_filter.setAccessibleName("Filter by template")
        self.template_filter.addItem("All templates", None)
        for template in self.journal.templates:
            self.template_filter.addItem(template.name, template.id)
        self.setting_filter = QComboBox()
        self.setting_filter.setAccessibleName("Filter by setting")
        self.tag_filter = QComboBox()
        self.tag_filter.setAccessibleName("Filter by tag")
        filters.addWidget(self.template_filter)
        filters.addWidget(self.setting_filter)
        filters.addWidget(self.tag_filter)
        filters.addWidget(QLabel("Intensity"))
        self.intensity_min = QSpinBox()
        self.intensity_max = QSpinBox()
        for spin, value, name in (
            (self.intensity_min, 0, "lowest"),
            (self.intensity_max, 10, "highest"),
        ):
            spin.setRange(0, 10)
            spin.setValue(value)
            spin.setAccessibleName(f"Intensity {name}")
        filters.addWidget(self.intensity_min)
        filters.addWidget(QLabel("–"))
        filters.addWidget(self.intensity_max)
        filters.addStretch(1)
        root.addLayout(filters)

        self.undo_bar = QFrame()
        self.undo_bar.setObjectName("undoBar")
        self.undo_bar.setFrameShape(QFrame.Shape.StyledPanel)
        undo_row = QHBoxLayout(self.undo_bar)
        self.undo_message = QLabel()
        self.undo_button = QPushButton("Undo")
        self.undo_button.setToolTip("Put the reflection back (Ctrl+Z)")
        undo_row.addWidget(self.undo_message, 1)
        undo_row.addWidget(self.undo_button)
        self.undo_bar.hide()
        root.addWidget(self.undo_bar)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        names = {t.id: t.name for t in self.journal.templates}
        self.model = ReflectionTableModel(names, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Reflections; Enter opens, Delete removes")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in range(5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        left_layout.addWidget(self.table, 1)
        self.empty = QLabel()
        self.empty.setObjectName("emptyState")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        left_layout.addWidget(self.empty, 1)
        actions = QHBoxLayout()
        self.count_label = QLabel()
        self.open_button = QPushButton("Open")
        self.open_button.setToolTip("Open the selected reflection to read or edit (Enter)")
        self.delete_button = QPushButton("Delete…")
        self.delete_button.setToolTip("Delete the selected reflection (Delete)")
        actions.addWidget(self.count_label, 1)
        actions.addWidget(self.open_button)
        actions.addWidget(self.delete_button)
        left_layout.addLayout(actions)
        splitter.addWidget(left)
        self.follow_ups = FollowUpsPanel(self.journal)
        splitter.addWidget(self.follow_ups)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([700, 260])
        root.addWidget(splitter, 1)

    def _connect(self) -> None:
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        for check, edit in ((self.use_from, self.date_from), (self.use_to, self.date_to)):
            check.toggled.connect(edit.setEnabled)
            check.toggled.connect(self.refresh)
            edit.dateChanged.connect(self.refresh)
        for combo in (self.template_filter, self.setting_filter, self.tag_filter):
            combo.currentIndexChanged.connect(self.refresh)
        self.intensity_min.valueChanged.connect(self.refresh)
        self.intensity_max.valueChanged.connect(self.refresh)
        self.clear_filters_button.clicked.connect(self.clear_filters)
        self.table.activated.connect(self._on_table_activated)
        self.open_button.clicked.connect(self.open_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.undo_button.clicked.connect(self.undo_delete)
        self.follow_ups.open_entry_requested.connect(self.open_entry_requested)
        for keys, slot in (
            (QKeySequence.StandardKey.Find, self.search.setFocus),
            (QKeySequence.StandardKey.Undo, self.undo_delete),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.table.installEventFilter(self)  # Delete key on the list (see eventFilter)

    # --- filtering ------------------------------------------------------------------------------

    def _refill(self, combo: QComboBox, all_label: str, values: list[str]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(all_label, None)
        for value in values:
            combo.addItem(value.capitalize() if combo is self.setting_filter else value, value)
        index = combo.findData(current)
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    def current_filter(self) -> JournalFilter:
        low, high = self.intensity_min.value(), self.intensity_max.value()
        return JournalFilter(
            query=self.search.text(),
            date_from=self.date_from.date().toPython() if self.use_from.isChecked() else None,  # type: ignore[arg-type]
            date_to=self.date_to.date().toPython() if self.use_to.isChecked() else None,  # type: ignore[arg-type]
            template_id=self.template_filter.currentData(),
            setting=self.setting_filter.currentData(),
            tag=self.tag_filter.currentData(),
            intensity_min=low if low > 0 else None,
            intensity_max=high if high < 10 else None,
        )

    def refresh(self) -> None:
        self._search_timer.stop()
        self._refill(self.setting_filter, "All settings", self.journal.setting_choices())
        self._refill(self.tag_filter, "All tags", self.journal.tags())
        criteria = self.current_filter()
        selected = self.selected_id()
        rows = self.journal.search(criteria)
        self.model.set_rows(rows)
        has_rows = bool(rows)
        self.table.setVisible(has_rows)
        self.empty.setVisible(not has_rows)
        if not has_rows:
            if criteria.is_empty:
                self.empty.setText(
                    "Your journal is empty.\n"
                    "Reflections you save on the Reflect screen appear here."
                )
            else:
                self.empty.setText("No reflection matches.\nTry fewer words or clear the filters.")
        total = self.journal.count()
        self.count_label.setText(
            f"{len(rows)} of {total} reflections"
            if not criteria.is_empty
            else f"{total} reflections"
        )
        if selected is not None and self.model.row_of(selected) >= 0:
            self.table.selectRow(self.model.row_of(selected))
        elif has_rows:
            self.table.selectRow(0)
        self.open_button.setEnabled(has_rows)
        self.delete_button.setEnabled(has_rows)
        self.follow_ups.refresh()

    def clear_filters(self) -> None:
        for widget in (
            self.search,
            self.use_from,
            self.use_to,
            self.template_filter,
            self.setting_filter,
            self.tag_filter,
            self.intensity_min,
            self.intensity_max,
        ):
            widget.blockSignals(True)
        self.search.clear()
        self.use_from.setChecked(False)
        self.use_to.setChecked(False)
        self.date_from.setEnabled(False)
        self.date_to.setEnabled(False)
        for combo in (self.template_filter, self.setting_filter, self.tag_filter):
            combo.setCurrentIndex(0)
        self.intensity_min.setValue(0)
        self.intensity_max.setValue(10)
        for widget in (
            self.search,
            self.use_from,
            self.use_to,
            self.template_filter,
            self.setting_filter,
            self.tag_filter,
            self.intensity_min,
            self.intensity_max,
        ):
            widget.blockSignals(False)
        self.refresh()

    # --- actions --------------------------------------------------------------------------------

    def selected_id(self) -> int | None:
        indexes = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not indexes:
            return None
        return self.model.row_at(indexes[0].row()).id

    def _on_table_activated(self, index: QModelIndex) -> None:
        self.open_entry_requested.emit(self.model.row_at(index.row()).id)

    def open_selected(self) -> None:
        reflection_id = self.selected_id()
        if reflection_id is not None:
            self.open_entry_requested.emit(reflection_id)

    def _ask_delete(self, summary_text: str) -> bool:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Delete this reflection?")
        box.setText(f"Delete the reflection of {summary_text}?")
        box.setInformativeText(
            "It is removed from the encrypted database. "
            "You can undo until you leave Reflect or lock it."
        )
        delete = box.addButton("Delete", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is delete

    def delete_selected(self) -> None:
        reflection_id = self.selected_id()
        if reflection_id is None:
            return
        row = self.model.row_at(self.model.row_of(reflection_id))
        when = row.occurred_at.strftime("%d %b %Y, %H:%M")
        if not self.confirm_delete(when):
            return
        deleted = self.journal.delete(reflection_id)
        if deleted is None:
            self.refresh()
            return
        self._deleted = deleted  # kept in memory only; gone on lock
        self.undo_message.setText(f"Deleted the reflection of {when}.")
        self.undo_bar.show()
        self.refresh()

    def undo_delete(self) -> None:
        if self._deleted is None:
            return
        restored = self.journal.undo_delete(self._deleted)
        self._deleted = None
        self.undo_bar.hide()
        self.refresh()
        row = self.model.row_of(int(restored.id or 0))
        if row >= 0:
            self.table.selectRow(row)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
        ):
            self.delete_selected()
            return True
        return super().eventFilter(watched, event)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.refresh()
