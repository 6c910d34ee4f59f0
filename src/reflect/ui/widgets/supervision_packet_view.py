"""One packet on the supervisor's side: what the supervisee shared, the supervisor's notes
for each agenda step (each may be marked to go back in the reply), agreed actions, and the
reply itself."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reflect.domain.errors import ReflectError
from reflect.services.debrief_content import AGENDA
from reflect.services.session import Session
from reflect.services.supervision_show import packet_cards
from reflect.ui.asked_across_lock import accepted, ask_yes
from reflect.ui.error_text import message_in_language
from reflect.ui.i18n import interface_locale, interface_words, tr
from reflect.ui.native_dialogs import save_file_name
from reflect.ui.widgets.card_batches import CardBatches
from reflect.ui.widgets.signature_marks import packet_detail
from reflect.ui.widgets.supervision_reply_dialog import ReplyDialog
from reflect.ui.widgets.wall_clock import keep_kept_years
from reflect.ui.widgets.wrapped_text_fit import keep_wrapped_text_whole

REPLY_NAME = "supervision-reply.age"  # reveals nothing about either person


class PacketView(QWidget):
    changed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.service = session.supervision
        self.packet_id = ""
        self._note_failed = False
        self._step = AGENDA[0].id
        self.words = interface_words()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._add_heading(layout)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        self._shared = QScrollArea()
        self._shared.setWidgetResizable(True)
        self._shared.setAccessibleName(tr("What the supervisee shared"))
        split.addWidget(self._shared)

        record = self._record_panel()
        split.addWidget(record)
        split.setSizes([420, 480])
        layout.addWidget(split, 1)

        self._connect_signals()
        self.show_packet("")

    def _add_heading(self, layout: QVBoxLayout) -> None:
        """The packet's title in bold, and when it came, below it."""
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        layout.addWidget(self.heading)
        self.meta = QLabel()
        self.meta.setWordWrap(True)
        self.meta.setTextFormat(Qt.TextFormat.PlainText)  # the sender's name, from the packet
        self.meta.setObjectName("mutedLabel")
        layout.addWidget(self.meta)

    def _record_panel(self) -> QWidget:
        """The supervisor's side: a note per agenda step, agreed actions, held and reply."""
        record = QWidget()
        keep_wrapped_text_whole(record)  # the step's prompt stays whole in a small window
        right = QVBoxLayout(record)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(QLabel("<b>{}</b>".format(tr("My notes for each step"))))
        self.steps = QListWidget()
        self.steps.setAccessibleName(tr("Agenda steps"))
        for step in AGENDA:
            self.steps.addItem(tr(step.title))
        self.steps.setMaximumHeight(self.steps.sizeHintForRow(0) * len(AGENDA) + 8)
        right.addWidget(self.steps)
        self.prompt = QLabel()
        self.prompt.setWordWrap(True)
        self.prompt.setObjectName("mutedLabel")
        right.addWidget(self.prompt)
        self.note = QPlainTextEdit()
        self.note.setAccessibleName(tr("My note for this step"))
        right.addWidget(self.note, 1)
        self.share_note = QCheckBox(tr("Send this note back in the reply"))
        right.addWidget(self.share_note)
        right.addWidget(QLabel("<b>{}</b>".format(tr("Agreed actions"))))
        self.actions_list = QListWidget()
        self.actions_list.setAccessibleName(tr("Agreed actions"))
        self.actions_list.setMaximumHeight(110)
        right.addWidget(self.actions_list)
        self.no_actions = QLabel(tr("No actions agreed yet. Add one below."))
        self.no_actions.setObjectName("mutedLabel")
        self.no_actions.setWordWrap(True)
        right.addWidget(self.no_actions)
        right.addWidget(self._action_form())
        buttons = QHBoxLayout()
        self.held_button = QPushButton(tr("Mark as held"))
        self.reply_button = QPushButton(tr("Reply…"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.held_button)
        buttons.addWidget(self.reply_button)
        right.addLayout(buttons)
        return record

    def _connect_signals(self) -> None:
        self.steps.currentRowChanged.connect(self._on_steps_row_changed)
        self.note.textChanged.connect(self._save_note)
        self.share_note.toggled.connect(self._save_note)
        self.add_action_button.clicked.connect(self._add_action)
        self.action_text.returnPressed.connect(self._add_action)
        self.actions_list.itemChanged.connect(self._on_action_item_changed)
        self.held_button.clicked.connect(self._mark_held)
        self.reply_button.clicked.connect(self.reply)

    def _action_form(self) -> QWidget:
        """The action on a line of its own; owner, due date and Add below it."""
        form = QWidget()
        box = QVBoxLayout(form)
        box.setContentsMargins(0, 0, 0, 0)
        self.action_text = QLineEdit()
        self.action_text.setPlaceholderText(tr("Action, e.g. a week of wind-down evenings"))
        self.action_text.setAccessibleName(tr("New action"))
        box.addWidget(self.action_text)
        row = QHBoxLayout()
        self.action_owner = QLineEdit()
        self.action_owner.setPlaceholderText(tr("Owner"))
        self.action_owner.setAccessibleName(tr("Owner"))
        self.has_due = QCheckBox(tr("Due"))
        self.action_due = QDateEdit(QDate.currentDate().addDays(7))
        keep_kept_years(self.action_due)
        self.action_due.setCalendarPopup(True)
        self.action_due.setDisplayFormat("d MMM yyyy")
        self.action_due.setLocale(interface_locale())
        self.action_due.setAccessibleName(tr("Due date"))
        self.action_due.setEnabled(False)
        self.has_due.toggled.connect(self.action_due.setEnabled)
        self.add_action_button = QPushButton(tr("Add"))
        self.add_action_button.setAccessibleName(tr("Add action"))
        row.addWidget(self.action_owner, 1)
        row.addWidget(self.has_due)
        row.addWidget(self.action_due)
        row.addWidget(self.add_action_button)
        box.addLayout(row)
        return form

    # --- showing ----------------------------------------------------------------------

    def show_packet(self, packet_id: str) -> None:
        self.packet_id = packet_id
        enabled = bool(packet_id)
        for widget in (
            self.steps,
            self.note,
            self.share_note,
            self.action_text,
            self.action_owner,
            self.add_action_button,
            self.held_button,
            self.reply_button,
            self.has_due,
        ):
            widget.setEnabled(enabled)
        inner = QWidget()
        box = QVBoxLayout(inner)
        if not enabled:
            self.heading.setText(tr("No packet selected"))
            self.meta.setText(tr("Import a packet from a supervisee, then pick it here."))
            self.actions_list.clear()
            self._show_whether_actions()
        else:
            row, packet = self.service.packet(packet_id)
            self.heading.setText(packet.title)
            bits = [packet.sender.name]
            if packet.scheduled_for:
                bits.append(self.words.day(packet.scheduled_for))
            bits.append(tr("{count} item(s) shared").format(count=len(packet.cards)))
            if row["held_at"]:
                bits.append(tr("held"))
            bits.append(packet_detail(row["signature"]))
            self.meta.setText(" · ".join(b for b in bits if b))
            if packet.topics:
                topics = QLabel(tr("Topics: {topics}").format(topics="; ".join(packet.topics)))
                topics.setWordWrap(True)
                topics.setTextFormat(Qt.TextFormat.PlainText)
                box.addWidget(topics)
            box.addWidget(CardBatches(packet_cards(packet)))  # a huge packet: batches
            if packet.notes:
                box.addWidget(QLabel("<b>{}</b>".format(tr("Their notes"))))
                titles = {s.id: tr(s.title) for s in AGENDA}
                for step, text in packet.notes:
                    label = QLabel(f"{titles.get(step, step)}: {text}")
                    label.setWordWrap(True)
                    label.setTextFormat(Qt.TextFormat.PlainText)
                    box.addWidget(label)
            if packet.rating:
                label = QLabel(tr("They rated the session and chose to share it."))
                label.setWordWrap(True)
                box.addWidget(label)
            self._fill_actions()
        box.addStretch(1)
        self._shared.setWidget(inner)
        self.steps.blockSignals(True)
        self.steps.setCurrentRow(0)
        self.steps.blockSignals(False)
        self._show_step(AGENDA[0].id)
        self.status.setText("")

    def _show_step(self, step_id: str) -> None:
        self._step = step_id
        step = next(s for s in AGENDA if s.id == step_id)
        self.prompt.setText(tr(step.prompt))
        text, shared = (
            self.service.notes(self.packet_id).get(step_id, ("", False))
            if self.packet_id
            else ("", False)
        )
        for widget in (self.note, self.share_note):
            widget.blockSignals(True)
        self.note.setPlainText(text)
        self.share_note.setChecked(shared)
        for widget in (self.note, self.share_note):
            widget.blockSignals(False)

    def _on_steps_row_changed(self, row: int) -> None:
        if 0 <= row < len(AGENDA):
            self._show_step(AGENDA[row].id)

    def _fill_actions(self) -> None:
        self.actions_list.blockSignals(True)
        self.actions_list.clear()
        for action in self.service.actions(self.packet_id):
            extra = [action["owner"]] if action["owner"] else []
            if action["due"]:
                extra.append(self.words.day(date.fromisoformat(action["due"])))
            text = action["text"] + (f"  ({' · '.join(extra)})" if extra else "")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, action["id"])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if action["done"] else Qt.CheckState.Unchecked)
            self.actions_list.addItem(item)
        self.actions_list.blockSignals(False)
        self._show_whether_actions()

    def _show_whether_actions(self) -> None:
        """An empty list says so in words, rather than as a blank box."""
        some = self.actions_list.count() > 0
        self.actions_list.setVisible(some)
        self.no_actions.setVisible(not some)

    # --- editing ----------------------------------------------------------------------

    def _save_note(self, *_args: object) -> None:
        if not self.packet_id:
            return
        try:
            self.service.save_note(
                self.packet_id, self._step, self.note.toPlainText(), self.share_note.isChecked()
            )
        except Exception as error:  # noqa: BLE001 - saved as typed: say so, keep the text
            self._note_failed = True
            self.status.setText(
                tr("Not saved yet: {error}").format(error=message_in_language(error))
            )
            return
        if self._note_failed:  # the note is saved again: the warning no longer holds
            self._note_failed = False
            self.status.setText("")

    def _add_action(self) -> None:
        due = self.action_due.date().toPython() if self.has_due.isChecked() else None
        try:
            self.service.add_action(
                self.packet_id,
                self.action_text.text(),
                self.action_owner.text(),
                due,  # type: ignore[arg-type]
            )
        except ReflectError as error:
            self.status.setText(message_in_language(error))
            return
        self.action_text.clear()
        self.action_owner.clear()
        self._fill_actions()
        self.changed.emit()

    def _on_action_item_changed(self, item: QListWidgetItem) -> None:
        action_id = item.data(Qt.ItemDataRole.UserRole)
        if action_id is not None:
            self.service.set_action_done(int(action_id), item.checkState() == Qt.CheckState.Checked)

    def _mark_held(self) -> None:
        self.service.set_held(self.packet_id, True)
        self.show_packet(self.packet_id)
        self.changed.emit()

    # --- the reply --------------------------------------------------------------------

    def ask_reply_path(self) -> Path | None:
        path, _ = save_file_name(
            self, tr("Save the sealed reply"), str(Path.home() / REPLY_NAME), "age (*.age)"
        )
        return Path(path) if path else None

    def reply(self, dialog: ReplyDialog | None = None) -> Path | None:
        dialog = dialog or ReplyDialog(self)
        if not accepted(dialog):
            return None
        return self.write_reply(dialog.chosen_next(), dialog.message.toPlainText())

    def write_reply(self, next_date: date | None, message: str) -> Path | None:
        reply, _ = self.service.build_reply(self.packet_id, next_date, message)
        flags = self.service.reply_flags(reply)
        if flags:
            listed = "; ".join(f"{tr(f.finding.label)} ({f.finding.text})" for f in flags[:5])
            if not ask_yes(
                self,
                tr("Check before sealing"),
                tr(
                    "The identity guard noticed {count} thing(s) that could identify someone: "
                    "{listed}. Go back and change the debrief, or seal it as it is?"
                ).format(count=len(flags), listed=listed),
            ):
                return None
        target = self.ask_reply_path()
        if target is None:
            return None
        try:
            self.service.send_reply(self.packet_id, target, next_date, message, True)
        except ReflectError as error:
            self.status.setText(message_in_language(error))
            return None
        self.status.setText(
            tr("Reply saved to {path}. Send it to your supervisee.").format(path=target)
        )
        return target
