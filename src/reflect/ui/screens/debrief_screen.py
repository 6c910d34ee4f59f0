"""Debrief screen: prepare a debrief (what to share, topics), see history and open actions,
start debrief mode and export a summary of the shared material."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reflect.domain.debrief import VOLUNTARY_NOTE, Debrief
from reflect.domain.errors import ReflectError
from reflect.services.debrief import Choice, write_private_file
from reflect.services.debrief_markdown import debrief_markdown
from reflect.services.debrief_view import day_text
from reflect.services.session import Session
from reflect.ui.debrief_pdf import ask_export_path, render_debrief_pdf
from reflect.ui.screens.debrief_mode import DebriefMode
from reflect.ui.widgets.debrief_actions import action_label
from reflect.ui.widgets.share_picker import SharePicker


class DebriefScreen(QWidget):
    debrief_saved = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = session.debrief
        self.debrief: Debrief = self.service.new()
        self.mode: DebriefMode | None = None

        split = QSplitter(self)
        outer = QVBoxLayout(self)
        outer.addWidget(split)

        # Left column: history and open actions.
        side = QWidget()
        left = QVBoxLayout(side)
        left.addWidget(QLabel("<b>Debriefs</b>"))
        self.history = QListWidget()
        self.history.setAccessibleName("Debrief history")
        left.addWidget(self.history, 2)
        buttons = QHBoxLayout()
        self.new_button = QPushButton("New debrief")
        self.delete_button = QPushButton("Delete…")
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delete_button)
        left.addLayout(buttons)
        left.addWidget(QLabel("<b>Open actions</b>"))
        self.open_actions = QListWidget()
        self.open_actions.setAccessibleName("Open actions from debriefs; tick when done")
        self.open_actions.setWordWrap(True)
        self.open_actions.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        left.addWidget(self.open_actions, 1)
        split.addWidget(side)

        # Right: the editor.
        editor = QWidget()
        right = QVBoxLayout(editor)
        intro = QLabel(VOLUNTARY_NOTE)
        intro.setWordWrap(True)
        right.addWidget(intro)
        form = QFormLayout()
        self.title = QLineEdit()
        self.supervisor = QLineEdit()
        self.supervisor.setPlaceholderText("Optional")
        self.when = QDateTimeEdit()
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("d MMM yyyy HH:mm")
        self.topics = QPlainTextEdit()
        self.topics.setPlaceholderText("One topic per line, e.g. sleep after late shifts")
        self.topics.setMaximumHeight(90)
        form.addRow("Title", self.title)
        form.addRow("Supervisor", self.supervisor)
        form.addRow("When", self.when)
        form.addRow("Topics", self.topics)
        right.addLayout(form)
        self.picker = SharePicker()
        right.addWidget(self.picker, 1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        right.addWidget(self.status)
        row = QHBoxLayout()
        self.save_button = QPushButton("Save")
        self.save_button.setToolTip("Save (Ctrl+S)")
        self.start_button = QPushButton("Start debrief mode")
        self.start_button.setDefault(True)
        self.markdown_button = QPushButton("Export Markdown…")
        self.pdf_button = QPushButton("Export PDF…")
        for button in (self.save_button, self.markdown_button, self.pdf_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.start_button)
        right.addLayout(row)
        split.addWidget(editor)
        split.setSizes([280, 720])

        self.new_button.clicked.connect(self.new_debrief)
        self.delete_button.clicked.connect(self.delete_current)
        self.save_button.clicked.connect(self.save)
        self.start_button.clicked.connect(self.start_mode)
        self.markdown_button.clicked.connect(lambda: self.export("md"))
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.history.itemActivated.connect(self._open_history_item)
        self.history.itemClicked.connect(self._open_history_item)
        self.open_actions.itemChanged.connect(self._open_action_toggled)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        self._load(self.debrief)
        self.refresh()

    # --- loading and saving ----------------------------------------------------------

    def refresh(self) -> None:
        self.history.clear()
        for debrief in self.service.history():
            state = "completed" if debrief.is_completed else "planned"
            who = f" · {debrief.supervisor}" if debrief.supervisor else ""
            item = QListWidgetItem(
                f"{debrief.title}\n{day_text(debrief.scheduled_for)}{who} · {state}"
            )
            item.setData(Qt.ItemDataRole.UserRole, debrief.id)
            self.history.addItem(item)
            if debrief.id == self.debrief.id:
                item.setSelected(True)
        if self.history.count() == 0:
            empty = QListWidgetItem("No debriefs yet. Prepare one on the right.")
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.history.addItem(empty)
        self.open_actions.blockSignals(True)
        self.open_actions.clear()
        for action in self.service.open_actions():
            item = QListWidgetItem(action_label(_as_view(action)))
            item.setData(Qt.ItemDataRole.UserRole, action.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.open_actions.addItem(item)
        if self.open_actions.count() == 0:
            empty = QListWidgetItem("No open actions.")
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.open_actions.addItem(empty)
        self.open_actions.blockSignals(False)

    def _choices(self, shared: list[tuple[str, str]]) -> list[Choice]:
        choices = [
            *self.service.reflection_choices(),
            *self.service.checkin_choices(),
            *self.service.chart_choices(),
        ]
        known = {(c.kind, c.ref) for c in choices}
        # Something shared earlier but no longer among the recent ones must stay listed (and
        # ticked), or saving would silently unshare it.
        extra = [
            Choice(k, r, f"Shared earlier ({k} {r})") for k, r in shared if (k, r) not in known
        ]
        return extra + choices

    def _load(self, debrief: Debrief) -> None:
        self.debrief = debrief
        self.title.setText(debrief.title)
        self.supervisor.setText(debrief.supervisor)
        if debrief.scheduled_for:
            self.when.setDateTime(QDateTime(debrief.scheduled_for))
        self.topics.setPlainText("\n".join(debrief.topics))
        self.picker.set_choices(self._choices(debrief.shared), debrief.shared)
        self.delete_button.setEnabled(debrief.id is not None)
        self.status.setText("")

    def _from_form(self) -> Debrief:
        return replace(
            self.debrief,
            title=self.title.text(),
            supervisor=self.supervisor.text(),
            scheduled_for=self.when.dateTime().toPython().replace(second=0, microsecond=0),  # type: ignore[union-attr]
            topics=self.topics.toPlainText().splitlines(),
            shared=self.picker.shared(),
        )

    def save(self) -> bool:
        try:
            saved = self.service.save(self._from_form())
        except ReflectError as error:
            self.status.setText(str(error))
            self.title.setFocus()
            return False
        self.debrief = saved
        self.delete_button.setEnabled(True)
        self.status.setText(f"Saved. Sharing {len(saved.shared)} item(s).")
        self.refresh()
        if saved.id is not None:
            self.debrief_saved.emit(saved.id)
        return True

    def _is_dirty(self) -> bool:
        form = self._from_form()
        return form != self.debrief and not (
            self.debrief.id is None and form.shared == [] and not form.topics
        )

    def save_draft_now(self) -> None:
        """Before locking: close debrief mode (it saves its notes) and keep form edits."""
        if self.mode is not None:
            self.mode.leave_without_asking()
        if self.debrief.id is not None and self._is_dirty():
            self.save()

    def new_debrief(self) -> None:
        if self.debrief.id is not None and self._is_dirty():
            self.save()
        self._load(self.service.new())
        self.title.setFocus()
        self.title.selectAll()

    def open_debrief(self, debrief_id: int) -> None:
        if self.debrief.id is not None and self.debrief.id != debrief_id and self._is_dirty():
            self.save()
        found = self.service.get(debrief_id)
        if found is not None:
            self._load(found)

    def _open_history_item(self, item: QListWidgetItem) -> None:
        debrief_id = item.data(Qt.ItemDataRole.UserRole)
        if debrief_id is not None:
            self.open_debrief(int(debrief_id))

    def delete_current(self) -> None:
        if self.debrief.id is None:
            return
        answer = QMessageBox.question(
            self,
            "Delete this debrief?",
            f"Delete “{self.debrief.title}” with its notes and agreed actions? "
            "This cannot be undone.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.service.delete(self.debrief.id)
            self._load(self.service.new())
            self.refresh()

    def _open_action_toggled(self, item: QListWidgetItem) -> None:
        action_id = item.data(Qt.ItemDataRole.UserRole)
        if action_id is not None and item.checkState() == Qt.CheckState.Checked:
            self.service.set_action_done(int(action_id))
            self.status.setText("Action marked done.")
            from PySide6.QtCore import QTimer

            QTimer.singleShot(0, self.refresh)

    # --- debrief mode and exports -----------------------------------------------------

    def start_mode(self) -> DebriefMode | None:
        if not self.save() or self.debrief.id is None:
            return None
        self.mode = DebriefMode(self.service.room(self.debrief.id), self)
        self.mode.closed.connect(self._mode_closed)
        self.mode.showFullScreen()
        return self.mode

    def _mode_closed(self) -> None:
        self.mode = None
        if self.debrief.id is not None:
            self.open_debrief(self.debrief.id)
        self.refresh()

    def export_bytes(self, kind: str) -> bytes:
        assert self.debrief.id is not None
        view = self.service.shared_view(self.debrief.id)
        if kind == "pdf":
            return render_debrief_pdf(view)
        return debrief_markdown(view).encode("utf-8")

    def export_to(self, kind: str, path: Path) -> None:
        write_private_file(path, self.export_bytes(kind))

    def export(self, kind: str) -> None:
        if not self.save():
            return
        target = ask_export_path(self, kind, self.debrief.title)
        if target is None:
            return
        try:
            self.export_to(kind, target)
        except OSError as error:
            QMessageBox.warning(
                self, "Export failed", f"Could not write {target.name}: {error.strerror or error}"
            )
            return
        self.status.setText(f"Saved the summary to {target}.")


def _as_view(action):
    from reflect.services.debrief_view import action_view

    return action_view(action)
