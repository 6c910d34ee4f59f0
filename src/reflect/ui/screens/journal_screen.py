"""The journal: every reflection, searchable (FTS5) and filterable; open, edit, delete with undo.

Open follow-up actions sit beside the list so they are seen whenever the journal is.
Results come a page at a time, so the list stays instant with years of entries.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from reflect.domain.reflection import Reflection
from reflect.services.session import Session
from reflect.ui.asked_across_lock import run_modal
from reflect.ui.data_events import follow
from reflect.ui.i18n import local_date, tr
from reflect.ui.models.reflection_table_model import ReflectionTableModel
from reflect.ui.widgets.confirm import confirm_destructive
from reflect.ui.widgets.follow_ups_panel import FollowUpsPanel
from reflect.ui.widgets.journal_calendar import JournalCalendar
from reflect.ui.widgets.journal_filter_bar import JournalFilterBar
from reflect.ui.widgets.journal_table import JournalTable
from reflect.ui.widgets.reflection_reader import ReflectionReader

PAGE_SIZE = 300


class JournalScreen(QWidget):
    open_entry_requested = Signal(int)  # to the editor (a follow-up's reflection)
    edit_entry_requested = Signal(int)  # "Edit" in the read view
    new_entry_requested = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        follow(session, ("reflections_changed",), self.refresh, self)
        self.setAccessibleName(tr("Journal"))
        self.session = session
        self.journal = session.journal
        self._deleted: Reflection | None = None
        self._limit = PAGE_SIZE
        self.confirm_delete = self._ask_delete
        self._build()
        self._connect()
        self.refresh()

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.pages = QStackedWidget()
        outer.addWidget(self.pages)
        list_page = QWidget()
        self.pages.addWidget(list_page)
        self.reader = ReflectionReader()
        self.pages.addWidget(self.reader)
        root = QVBoxLayout(list_page)
        root.addWidget(QLabel("<h2>" + tr("Journal") + "</h2>"))
        self.filters = JournalFilterBar(list(self.journal.templates))
        root.addWidget(self.filters)

        self.undo_bar = QFrame()
        self.undo_bar.setObjectName("undoBar")
        self.undo_bar.setFrameShape(QFrame.Shape.StyledPanel)
        undo_row = QHBoxLayout(self.undo_bar)
        self.undo_message = QLabel()
        self.undo_button = QPushButton(tr("Undo"))
        self.undo_button.setToolTip(tr("Put the reflection back (Ctrl+Z)"))
        undo_row.addWidget(self.undo_message, 1)
        undo_row.addWidget(self.undo_button)
        self.undo_bar.hide()
        root.addWidget(self.undo_bar)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self._build_table()
        left_layout.addWidget(self.table, 1)
        self._build_empty_panel()
        left_layout.addWidget(self.empty_panel, 1)
        left_layout.addLayout(self._build_list_actions())
        splitter.addWidget(left)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.calendar = JournalCalendar()
        right_layout.addWidget(self.calendar)
        self.follow_ups = FollowUpsPanel(self.journal)
        right_layout.addWidget(self.follow_ups, 1)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([720, 260])
        root.addWidget(splitter, 1)

    def _build_table(self) -> None:
        """The list of reflections; the excerpt column gets the width (journal_table.py)."""
        self.model = ReflectionTableModel({t.id: t.name for t in self.journal.templates}, self)
        self.table = JournalTable(self.model)

    def _build_empty_panel(self) -> None:
        """Shown instead of the table when nothing is listed."""
        self.empty = QLabel()
        self.empty.setObjectName("emptyState")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.write_button = QPushButton(tr("Write a reflection"))
        self.write_button.setToolTip(tr("Open the Reflect screen (Alt+2)"))
        self.empty_panel = QWidget()  # shown instead of the table when nothing is listed
        empty_layout = QVBoxLayout(self.empty_panel)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty)
        write_row = QHBoxLayout()
        write_row.addStretch(1)
        write_row.addWidget(self.write_button)
        write_row.addStretch(1)
        empty_layout.addLayout(write_row)
        empty_layout.addStretch(1)

    def _build_list_actions(self) -> QHBoxLayout:
        """The count, Show more, Open, Delete and the More menu."""
        actions = QHBoxLayout()
        self.count_label = QLabel()
        self.more_button = QPushButton(tr("Show more"))
        self.open_button = QPushButton(tr("Open"))
        self.open_button.setToolTip(tr("Open the selected reflection to read it (Enter)"))
        self.delete_button = QPushButton(tr("Delete…"))
        self.delete_button.setToolTip(tr("Delete the selected reflection (Delete)"))
        actions.addWidget(self.count_label, 1)
        for button in (self.more_button, self.open_button, self.delete_button):
            actions.addWidget(button)
        self._build_more_menu()
        actions.addWidget(self.more_button_menu)
        return actions

    def _build_more_menu(self) -> None:
        """Print, Save as PDF, a reflective account, Manage tags."""
        # A push button like its neighbours (same height and padding); a tool button drew its
        # menu arrow over the last letter and sat lower than Open and Delete.
        self.more_button_menu = QPushButton(tr("More"))
        menu = QMenu(self.more_button_menu)
        self.print_action = menu.addAction(tr("Print…"))
        self.print_action.setShortcut(QKeySequence.StandardKey.Print)
        self.pdf_action = menu.addAction(tr("Save as PDF…"))
        self.account_action = menu.addAction(tr("Write a reflective account…"))
        self.tags_action = menu.addAction(tr("Manage tags…"))
        self.more_button_menu.setMenu(menu)
        self.more_button_menu.setAccessibleName(
            tr("More: print, save as PDF, reflective account, manage tags")
        )

    def _connect(self) -> None:
        self.filters.changed.connect(self._on_filters_changed)
        self.filters.search.returnPressed.connect(self.filters.flush)
        self.table.activated.connect(self._on_table_activated)
        self.table.installEventFilter(self)  # the Delete key on the list, see eventFilter
        self.more_button.clicked.connect(self._on_more_clicked)
        self.write_button.clicked.connect(self.new_entry_requested)
        self.open_button.clicked.connect(self.open_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.undo_button.clicked.connect(self.undo_delete)
        self.follow_ups.open_entry_requested.connect(self.open_entry_requested)
        self.reader.back_requested.connect(self.show_list)
        self.reader.edit_requested.connect(self._on_reader_edit)
        self.calendar.currentPageChanged.connect(self._mark_month)
        self.calendar.day_chosen.connect(self.filters.show_day)
        self.print_action.triggered.connect(self.print_selected)
        self.pdf_action.triggered.connect(self.save_selected_pdf)
        self.account_action.triggered.connect(self.write_account)
        self.tags_action.triggered.connect(self.manage_tags)
        self.addAction(self.print_action)  # Ctrl+P works without opening the menu
        for keys, slot in (
            (QKeySequence.StandardKey.Find, self.filters.search.setFocus),
            (QKeySequence.StandardKey.Undo, self.undo_delete),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # --- listing --------------------------------------------------------------------------------

    def _on_filters_changed(self) -> None:
        self._limit = PAGE_SIZE
        self.refresh()

    def _on_more_clicked(self) -> None:
        self._limit += PAGE_SIZE
        self.refresh()

    def save_draft_now(self) -> None:
        """Nothing typed here is kept as a draft; see ui/screen.py."""

    def refresh(self) -> None:
        self.filters.set_choices(self.journal.setting_choices(), self.journal.tags())
        criteria = self.filters.current_filter()
        selected = self.selected_id()
        rows = self.journal.search(criteria, limit=self._limit)
        self.model.set_rows(rows)
        matching = len(rows) if len(rows) < self._limit else self.journal.count_matching(criteria)
        total = self.journal.count()
        has_rows = bool(rows)
        self.table.setVisible(has_rows)
        self.empty_panel.setVisible(not has_rows)
        self.write_button.setVisible(total == 0)
        if not has_rows and criteria.is_empty:
            self.empty.setText(
                tr(
                    "Your journal is empty.\n"
                    "Reflections you save on the Reflect screen appear here."
                )
            )
        elif not has_rows:
            self.empty.setText(tr("No reflection matches.\nTry fewer words, or clear the filters."))
        partial = len(rows) < matching
        shown = len(rows)
        if criteria.is_empty and partial:
            text = tr("Showing {shown} of {total} reflections").format(shown=shown, total=total)
        elif criteria.is_empty:
            text = tr("{total} reflections").format(total=total)
        elif partial:
            text = tr("Showing {shown} of {matching} matching reflections ({total} in all)").format(
                shown=shown, matching=matching, total=total
            )
        else:
            text = tr("{matching} of {total} reflections match").format(
                matching=matching, total=total
            )
        self.count_label.setText(text)
        self.more_button.setVisible(len(rows) < matching)
        if selected is not None and self.model.row_of(selected) >= 0:
            self.table.selectRow(self.model.row_of(selected))
        elif has_rows:
            self.table.selectRow(0)
        self.open_button.setEnabled(has_rows)
        self.delete_button.setEnabled(has_rows)
        self.follow_ups.refresh()
        self.more_button_menu.setEnabled(total > 0)
        self._mark_month(self.calendar.yearShown(), self.calendar.monthShown())

    def _mark_month(self, year: int, month: int) -> None:
        self.calendar.show_marks(self.journal.month_marks(year, month))

    # --- printing, accounts and tags ------------------------------------------------------------

    def _selected_reflection(self) -> Reflection | None:
        reflection_id = self.selected_id()
        return self.journal.get(reflection_id) if reflection_id is not None else None

    def print_selected(self) -> None:
        from reflect.ui.screens.reflection_pdf import print_reflection

        reflection = self._selected_reflection()
        if reflection is not None:
            print_reflection(self, self.journal, reflection)

    def save_selected_pdf(self) -> None:
        from reflect.ui.screens.reflection_pdf import save_reflection_pdf

        reflection = self._selected_reflection()
        if reflection is not None:
            save_reflection_pdf(self, self.journal, reflection)

    def write_account(self) -> None:
        from reflect.ui.screens.account_dialog import AccountDialog

        selected = self.selected_id()
        dialog = AccountDialog(self.session, [selected] if selected is not None else [], self)
        run_modal(dialog)

    def manage_tags(self) -> None:
        from reflect.ui.screens.tag_manager_dialog import TagManagerDialog

        dialog = TagManagerDialog(self.journal, self)
        if run_modal(dialog) is not None and dialog.changed_any:
            self.refresh()

    def clear_filters(self) -> None:
        self.filters.clear()

    # --- actions --------------------------------------------------------------------------------

    def selected_id(self) -> int | None:
        selection = self.table.selectionModel()
        indexes = selection.selectedRows() if selection is not None else []
        return self.model.row_at(indexes[0].row()).id if indexes else None

    def _on_table_activated(self, index: QModelIndex) -> None:
        self.read(self.model.row_at(index.row()).id)

    def open_selected(self) -> None:
        reflection_id = self.selected_id()
        if reflection_id is not None:
            self.read(reflection_id)

    def read(self, reflection_id: int) -> bool:
        """Open a reflection to read (Edit is a separate action in the read view)."""
        reflection = self.journal.get(reflection_id)
        if reflection is None:
            return False
        self.reader.show_reflection(reflection, self.journal.template_for(reflection))
        self.pages.setCurrentWidget(self.reader)
        return True

    def show_list(self) -> None:
        self.pages.setCurrentIndex(0)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_reader_edit(self, reflection_id: int) -> None:
        self.show_list()
        self.edit_entry_requested.emit(reflection_id)

    def _ask_delete(self, when: str) -> bool:
        return confirm_destructive(
            self,
            tr("Delete this reflection?"),
            tr("Delete the reflection of {when}?").format(when=when),
            tr("Delete"),
            details=tr(
                "It is removed from the encrypted database. "
                "You can undo this until you lock Reflect or close it."
            ),
        )

    def delete_selected(self) -> None:
        reflection_id = self.selected_id()
        if reflection_id is None:
            return
        when = local_date(
            self.model.row_at(self.model.row_of(reflection_id)).occurred_at, "d MMM yyyy, HH:mm"
        )
        if not self.confirm_delete(when):
            return
        deleted = self.journal.delete(reflection_id)
        if deleted is not None:
            self._deleted = deleted  # in memory only, so undo ends when the profile locks
            self.undo_message.setText(tr("Deleted the reflection of {when}.").format(when=when))
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
