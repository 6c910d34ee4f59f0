"""Left column of the debrief screen: history of debriefs and the actions still open.

Ticking an open action marks it done at once (with Undo), because the same actions show on
the home screen and in the next debrief, and both should agree with this list.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reflect.services.debrief import DebriefService
from reflect.services.debrief_view import action_view
from reflect.ui.i18n import interface_words, tr
from reflect.ui.widgets.debrief_actions import action_label
from reflect.ui.widgets.wrapping_list import WrappingList


class DebriefSidebar(QWidget):
    open_requested = Signal(int)  # a debrief id from the history

    def __init__(self, service: DebriefService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.current_id: int | None = None
        self._last_done: int | None = None
        self._selecting = False  # True while the screen moves the highlight itself
        left = QVBoxLayout(self)
        left.addWidget(QLabel("<b>{}</b>".format(tr("Debriefs"))))
        self.history = WrappingList()
        self.history.setAccessibleName(tr("Debrief history"))
        # Titles and dates wrap rather than hiding behind a sideways scroll bar.
        self.history.setWordWrap(True)
        self.history.setSpacing(3)  # a little air so one debrief's two lines read as a unit
        self.history.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        left.addWidget(self.history, 2)
        buttons = QHBoxLayout()
        # "New" in French: under the "Debriefs" heading it says enough, and keeps the column
        # narrow enough for the screen to fit at larger type.
        self.new_button = QPushButton(tr("New debrief"))
        self.new_button.setAccessibleName(tr("Prepare a new debrief"))
        self.delete_button = QPushButton(tr("Delete…"))
        self.delete_button.setAccessibleName(tr("Delete this debrief…"))
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delete_button)
        left.addLayout(buttons)
        left.addWidget(QLabel("<b>{}</b>".format(tr("Open actions"))))
        self.open_actions = QListWidget()
        self.open_actions.setAccessibleName(tr("Open actions from debriefs; tick when done"))
        self.open_actions.setWordWrap(True)
        self.open_actions.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        left.addWidget(self.open_actions, 1)
        undo_row = QHBoxLayout()
        self.actions_status = QLabel()
        self.actions_status.setWordWrap(True)
        self.undo_button = QPushButton(tr("Undo"))
        self.undo_button.setAccessibleName(tr("Undo marking the action done"))
        self.undo_button.hide()
        undo_row.addWidget(self.actions_status, 1)
        undo_row.addWidget(self.undo_button)
        left.addLayout(undo_row)

        # Whatever moves the highlight (a click, the arrow keys) opens that debrief, so the
        # highlighted row and the form never show two different debriefs.
        self.history.itemSelectionChanged.connect(self._selection_moved)
        self.history.itemActivated.connect(self._open_item)
        self.open_actions.itemChanged.connect(self._action_toggled)
        self.undo_button.clicked.connect(self._undo_done)

    def refresh(self, current_id: int | None) -> None:
        self.current_id = current_id
        self._selecting = True
        self.history.clear()
        self._selecting = False
        debriefs = self.service.history()
        titles = {d.id: d.title for d in debriefs}
        day = interface_words().day
        for debrief in debriefs:
            state = tr("completed") if debrief.is_completed else tr("planned")
            who = f" · {debrief.supervisor}" if debrief.supervisor else ""
            when = day(debrief.scheduled_for) if debrief.scheduled_for else ""
            item = QListWidgetItem(f"{debrief.title}\n{when}{who} · {state}")
            item.setData(Qt.ItemDataRole.UserRole, debrief.id)
            self.history.addItem(item)
        self.select(current_id)
        if self.history.count() == 0:
            empty = QListWidgetItem(tr("No debriefs yet. Prepare one on the right."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.history.addItem(empty)
        self.open_actions.blockSignals(True)
        self.open_actions.clear()
        for action in self.service.open_actions():
            item = QListWidgetItem(action_label(action_view(action)))
            item.setData(Qt.ItemDataRole.UserRole, action.id)
            origin = titles.get(action.debrief_id)
            item.setToolTip(
                tr("Agreed in “{title}”. Tick when done.").format(title=origin)
                if origin
                else tr("Agreed in a debrief. Tick when done.")
            )
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.open_actions.addItem(item)
        if self.open_actions.count() == 0:
            empty = QListWidgetItem(tr("No open actions."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.open_actions.addItem(empty)
        self.open_actions.blockSignals(False)

    def select(self, debrief_id: int | None) -> None:
        """Highlight the debrief being edited, and nothing while a new one is prepared."""
        self.current_id = debrief_id
        self._selecting = True
        try:
            self.history.setCurrentRow(-1)
            self.history.clearSelection()
            for row in range(self.history.count()):
                item = self.history.item(row)
                if debrief_id is not None and item.data(Qt.ItemDataRole.UserRole) == debrief_id:
                    self.history.setCurrentItem(item)
                    self.history.scrollToItem(item)
        finally:
            self._selecting = False

    def _selection_moved(self) -> None:
        if self._selecting:
            return
        chosen = self.history.selectedItems()
        if chosen:
            self._open_item(chosen[0])
        else:
            self.select(self.current_id)  # nothing may look selected but the open debrief

    def _open_item(self, item: QListWidgetItem) -> None:
        debrief_id = item.data(Qt.ItemDataRole.UserRole)
        if debrief_id is not None and int(debrief_id) != self.current_id:
            self.open_requested.emit(int(debrief_id))

    def _action_toggled(self, item: QListWidgetItem) -> None:
        action_id = item.data(Qt.ItemDataRole.UserRole)
        if action_id is not None and item.checkState() == Qt.CheckState.Checked:
            self.service.set_action_done(int(action_id))
            self._last_done = int(action_id)
            self.actions_status.setText(tr("Marked done."))
            self.undo_button.show()
            # Rebuild after the list has finished emitting for this item.
            QTimer.singleShot(0, self, lambda: self.refresh(self.current_id))

    def _undo_done(self) -> None:
        if self._last_done is not None:
            self.service.set_action_done(self._last_done, False)
            self._last_done = None
        self.actions_status.setText("")
        self.undo_button.hide()
        self.refresh(self.current_id)
