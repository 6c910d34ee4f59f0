"""The supervisor's screen: supervisees (from packets received), their packets with notes,
actions and replies, the supervision agreement, the hours log, session ratings and team hot
debriefs. Shown in the navigation of a profile whose role is "supervisor"."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reflect.domain.errors import ReflectError
from reflect.domain.supervision import Supervisee
from reflect.services.session import Session
from reflect.ui.asked_across_lock import accepted
from reflect.ui.error_text import message_in_language
from reflect.ui.i18n import interface_words, tr
from reflect.ui.native_dialogs import open_file_name
from reflect.ui.widgets.forget_signing_key import ask_to_forget
from reflect.ui.widgets.hot_debrief_form import HotDebriefPanel
from reflect.ui.widgets.signature_marks import packet_mark, packet_tip
from reflect.ui.widgets.supervision_agreement import AgreementForm, RatingsPanel
from reflect.ui.widgets.supervision_hours import HoursLog
from reflect.ui.widgets.supervision_packet_view import PacketView


class SupervisionScreen(QWidget):
    packet_imported = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.service = session.supervision
        self.setAccessibleName(tr("Supervision"))
        outer = QVBoxLayout(self)
        self._build_top(outer)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        split.addWidget(self._build_lists())

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(tr("Supervision sections"))
        self.packet_view = PacketView(session)
        self.agreement = AgreementForm(session)
        self.hours = HoursLog(session)
        self.ratings = RatingsPanel(session)
        self.hot = HotDebriefPanel(session)
        self.tabs.addTab(self.packet_view, tr("Packet"))
        self.tabs.addTab(self.agreement, tr("Agreement"))
        self.tabs.addTab(self.hours, tr("Hours"))
        self.tabs.addTab(self.ratings, tr("Ratings"))
        self.tabs.addTab(self.hot, tr("Team hot debrief"))
        split.addWidget(self.tabs)
        split.setSizes([200, 900])  # the lists wrap; the packet needs the room
        outer.addWidget(split, 1)

        self.import_button.clicked.connect(self.choose_and_import)
        self.forget_button.clicked.connect(self.forget_signing_key)
        self.add_button.clicked.connect(self.add_supervisee)
        self.people.currentItemChanged.connect(self._on_people_current_changed)
        self.packets.currentItemChanged.connect(self._on_packets_current_changed)
        self.packet_view.changed.connect(self._fill_packets)
        self.refresh()

    def _build_top(self, outer: QVBoxLayout) -> None:
        """The title, my key's fingerprint, Import packet…, reminders and the status line."""
        top = QHBoxLayout()
        title = QLabel(tr("Supervision"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        top.addWidget(title)
        top.addStretch(1)
        self.key_label = QLabel()
        self.key_label.setObjectName("mutedLabel")
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top.addWidget(self.key_label)
        self.import_button = QPushButton(tr("Import packet…"))
        top.addWidget(self.import_button)
        outer.addLayout(top)
        # Both show names and titles from packets: plain text, so markup in a hostile packet
        # is shown as written, never drawn.
        self.reminders = QLabel()
        self.reminders.setWordWrap(True)
        self.reminders.setTextFormat(Qt.TextFormat.PlainText)
        self.reminders.setObjectName("noticeLabel")
        outer.addWidget(self.reminders)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        outer.addWidget(self.status)

    def _build_lists(self) -> QWidget:
        """Supervisees and the packets received."""
        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        left_box.addWidget(QLabel("<b>{}</b>".format(tr("Supervisees"))))
        self.people = QListWidget()
        self.people.setAccessibleName(tr("Supervisees"))
        left_box.addWidget(self.people, 1)
        self.add_button = QPushButton(tr("Add supervisee…"))
        self.add_button.setToolTip(
            tr("Pair with a supervisee from their key text, before their first packet.")
        )
        left_box.addWidget(self.add_button)
        self.forget_button = QPushButton(tr("Forget this signing key…"))
        self.forget_button.setToolTip(
            tr("Only after comparing signing fingerprints with this supervisee in person.")
        )
        left_box.addWidget(self.forget_button)
        left_box.addWidget(QLabel("<b>{}</b>".format(tr("Packets"))))
        self.packets = QListWidget()
        self.packets.setAccessibleName(tr("Packets received"))
        left_box.addWidget(self.packets, 2)
        for names in (self.people, self.packets):
            # A long title wraps onto a second line instead of hiding behind a scroll bar.
            names.setWordWrap(True)
            names.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        return left

    # --- lists --------------------------------------------------------------------------

    def title(self) -> str:
        return tr("Supervision")

    def save_draft_now(self) -> None:
        """The agreement typed and not saved yet is saved (notes save as they are typed;
        replies are written in dialogs, which close with the workspace)."""
        self.agreement.keep_typing()

    def refresh(self) -> None:
        recipient, print_ = self.service.my_key()
        self.key_label.setText(tr("My key: {fingerprint}").format(fingerprint=print_))
        signing = tr("Signing fingerprint {fingerprint}").format(
            fingerprint=self.service.my_signing_fingerprint()
        )
        self.key_label.setToolTip(f"{recipient}\n{signing}")
        current = self.current_supervisee()
        self.people.blockSignals(True)
        self.people.clear()
        for person in self.service.supervisees():
            item = QListWidgetItem(person.name)
            item.setToolTip(self._person_tip(person))
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            self.people.addItem(item)
            if person.id == current:
                self.people.setCurrentItem(item)
        if self.people.count() and self.people.currentRow() < 0:
            self.people.setCurrentRow(0)
        if self.people.count() == 0:
            empty = QListWidgetItem(tr("No one yet: a supervisee appears with their first packet."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.people.addItem(empty)
        self.people.blockSignals(False)
        self._fill_packets()
        self._show_reminders()
        self.hours.refresh(self.current_supervisee())
        self.hot.refresh()

    def _person_tip(self, person: Supervisee) -> str:
        """Both fingerprints to compare in person: the age key's, and the signing key's first
        seen from them (none yet while only older, unsigned packets came)."""
        lines = [tr("Fingerprint {fingerprint}").format(fingerprint=person.fingerprint)]
        signing = self.service.signing_fingerprint_of(person.recipient)
        if signing:
            lines.append(tr("Signing fingerprint {fingerprint}").format(fingerprint=signing))
        else:
            # Not "an older Reflect": their packets may have come in an archive, or the key
            # may have been forgotten on purpose.
            lines.append(
                tr("No signing key known for them here yet: their next signed packet sets it.")
            )
        return "\n".join(lines)

    def current_supervisee(self) -> int | None:
        item = self.people.currentItem()
        value = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return int(value) if value is not None else None

    def _fill_packets(self) -> None:
        who = self.current_supervisee()
        keep = self.packet_view.packet_id
        words = interface_words()
        self.packets.blockSignals(True)
        self.packets.clear()
        if who is not None:
            for row, packet in self.service.packets(who):
                when = words.day(packet.scheduled_for or packet.created_at)
                mark = " ✓" if row["held_at"] else ""
                signature = packet_mark(row["signature"])
                unsigned = " · " + signature if signature else ""
                item = QListWidgetItem(f"{when} · {packet.title}{mark}{unsigned}")
                item.setToolTip(packet_tip(row["signature"]))
                item.setData(Qt.ItemDataRole.UserRole, packet.packet_id)
                self.packets.addItem(item)
                if packet.packet_id == keep:
                    self.packets.setCurrentItem(item)
        if self.packets.count() == 0:
            empty = QListWidgetItem(tr("No packets yet."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.packets.addItem(empty)
        elif self.packets.currentRow() < 0:
            self.packets.setCurrentRow(0)
        self.packets.blockSignals(False)
        current = self.packets.currentItem()
        packet_id = current.data(Qt.ItemDataRole.UserRole) if current is not None else None
        if (packet_id or "") != keep:
            self.packet_view.show_packet(packet_id or "")
        self.agreement.show_for(who)
        self.ratings.show_for(who)
        person = self._person(who)
        self.forget_button.setEnabled(
            person is not None and bool(self.service.pins.fingerprint_of(person.recipient))
        )

    def _person(self, supervisee_id: int | None) -> Supervisee | None:
        people = self.service.supervisees() if supervisee_id is not None else []
        return next((p for p in people if p.id == supervisee_id), None)

    def add_supervisee(self) -> None:
        from reflect.ui.screens.supervisee_dialog import AddSuperviseeDialog

        dialog = AddSuperviseeDialog(self.session, self)
        if accepted(dialog):
            self.refresh()
            self._select(dialog.added_id)

    def _select(self, supervisee_id: int | None) -> None:
        for row in range(self.people.count()):
            if self.people.item(row).data(Qt.ItemDataRole.UserRole) == supervisee_id:
                self.people.setCurrentRow(row)

    def forget_signing_key(self) -> None:
        """Forget the current supervisee's pinned signing key, once the person confirms."""
        person = self._person(self.current_supervisee())
        signing = self.service.pins.fingerprint_of(person.recipient) if person else ""
        if person is None or not signing or not ask_to_forget(self, person.name, signing):
            return
        self.service.pins.forget(person.recipient)
        self.status.setText(
            tr(
                "Forgot the signing key of {name}: their next signed packet is trusted in "
                "its place."
            ).format(name=person.name)
        )
        self.refresh()

    def _on_people_current_changed(self, *_args: object) -> None:
        self._fill_packets()
        self.hours.refresh(self.current_supervisee())

    def _on_packets_current_changed(self, current: QListWidgetItem | None, _old: object) -> None:
        packet_id = current.data(Qt.ItemDataRole.UserRole) if current is not None else None
        self.packet_view.show_packet(packet_id or "")

    def _show_reminders(self) -> None:
        words = interface_words()
        lines = [
            tr("Agreement with {name}: review due {date}.").format(
                name=person.name, date=words.day(agreement.review_on)
            )
            for person, agreement in self.service.reviews_due()
            if agreement.review_on is not None
        ]
        lines += [
            tr("Team debrief of {date}: check in with those involved ({when}).").format(
                date=words.day(item.held_at), when=tr(label)
            )
            for item, label, _due in self.service.log.due_follow_up_checks()
        ]
        self.reminders.setText("\n".join(lines))
        self.reminders.setVisible(bool(lines))

    # --- importing ----------------------------------------------------------------------

    def choose_and_import(self) -> None:
        path, _ = open_file_name(
            self, tr("Import a debrief packet"), str(Path.home()), "age (*.age);;* (*)"
        )
        if path:
            self.import_packet(Path(path))

    def import_packet(self, path: Path) -> bool:
        try:
            received = self.service.import_packet(path)
        except ReflectError as error:
            self.status.setText(message_in_language(error))
            return False
        kept = tr("Kept “{title}” from {name}.").format(
            title=received.packet.title, name=received.supervisee.name
        )
        if not received.packet.sender.signing_key:
            kept += " " + tr("Not signed (sent by an older Reflect).")
        self.status.setText(kept)
        self.packet_view.packet_id = ""
        self.refresh()
        self._select(received.supervisee.id)
        self.packet_imported.emit(received.packet.packet_id)
        return True
