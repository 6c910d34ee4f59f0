"""The provider's dialogs: add a supervisor (key and fingerprint confirmed) and send a
prepared debrief as a sealed packet."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reflect.domain.errors import ReflectError
from reflect.domain.key_text import MARK, parse_key_text
from reflect.domain.supervision import RATING_ITEMS, SessionRating, fingerprint
from reflect.services.session import Session
from reflect.ui.asked_across_lock import accepted, ask_yes
from reflect.ui.error_text import message_in_language
from reflect.ui.i18n import tr
from reflect.ui.native_dialogs import save_file_name
from reflect.ui.widgets.dialog_buttons import ok_cancel
from reflect.ui.widgets.rating_row import RatingRow
from reflect.ui.widgets.wrapped_text_fit import keep_wrapped_text_whole

PACKET_NAME = "debrief-packet.age"  # reveals nothing: no name, no date
RATING_WORDS = ("not at all", "a little", "somewhat", "mostly", "fully")


class AddSupervisorDialog(QDialog):
    """Name and key; the fingerprint appears as the key is pasted, to compare with the one
    the supervisor reads out. Adding needs the comparison ticked."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        keep_wrapped_text_whole(self)
        self.session = session
        self.added_id: int | None = None
        self.setWindowTitle(tr("Add a supervisor"))
        layout = QVBoxLayout(self)
        self.intro = intro = QLabel(
            tr(
                "Ask your supervisor for their supervision key (Settings → Supervision). "
                "Paste it here, then compare the fingerprint with theirs, out loud or side "
                "by side."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.signing_note = signing_note = QLabel(
            tr(
                "A key text from a recent Reflect also carries their signing key, after "
                "“sign:”. Its fingerprint is then shown too: compare both, and even their "
                "first reply is checked against it."
            )
        )
        signing_note.setWordWrap(True)
        signing_note.setObjectName("mutedLabel")
        layout.addWidget(signing_note)
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setAccessibleName(tr("Supervisor's name"))
        self.key = QLineEdit()
        self.key.setPlaceholderText(tr("age1…"))
        self.key.setAccessibleName(tr("Supervisor's key"))
        self.print_label = QLabel(tr("Paste a key to see its fingerprint."))
        self.print_label.setAccessibleName(tr("Fingerprint"))
        form.addRow(tr("Name"), self.name)
        form.addRow(tr("Key"), self.key)
        form.addRow(tr("Fingerprint"), self.print_label)
        # Shown when the key text carries the supervisor's signing key (domain.key_text).
        self.signing_label = QLabel()
        self.signing_label.setAccessibleName(tr("Signing fingerprint"))
        form.addRow(tr("Signing fingerprint"), self.signing_label)
        self.signing_row = form.rowCount() - 1
        form.setRowVisible(self.signing_row, False)
        self.form = form
        layout.addLayout(form)
        self.confirm = QCheckBox(tr("This fingerprint matches the one my supervisor sees"))
        layout.addWidget(self.confirm)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        buttons, self.ok_button = ok_cancel(self, self.add, tr("Add supervisor"))
        layout.addWidget(buttons)
        self.key.textChanged.connect(self._on_key_changed)
        self.confirm.toggled.connect(self._sync)
        self.name.textChanged.connect(self._sync)
        self._sync()

    def _on_key_changed(self, text: str) -> None:
        key = "".join(text.partition(MARK)[0].split())
        self.confirm.setChecked(False)  # a new key needs a new comparison
        if key.startswith("age1") and len(key) == 62:
            self.print_label.setText(fingerprint(key))
        else:
            self.print_label.setText(tr("Paste a key to see its fingerprint."))
        try:
            signing = parse_key_text(text)[1] if MARK in text else ""
        except ReflectError:
            signing = ""
        self.signing_label.setText(
            fingerprint(signing) if signing else tr("The signing key in this text is damaged.")
        )
        self.form.setRowVisible(self.signing_row, MARK in text)
        self.confirm.setText(self.confirm_text(MARK in text))
        self._sync()

    def confirm_text(self, both: bool) -> str:
        """The comparison to tick (AddSuperviseeDialog names the supervisee instead)."""
        return (
            tr("Both fingerprints match the ones my supervisor sees")
            if both
            else tr("This fingerprint matches the one my supervisor sees")
        )

    def _sync(self, *_args: object) -> None:
        self.ok_button.setEnabled(
            self.confirm.isChecked() and bool(self.name.text().strip() and self.key.text().strip())
        )

    def add(self) -> None:
        try:
            added = self.session.supervision_send.add_supervisor(
                self.name.text(), self.key.text(), self.confirm.isChecked()
            )
        except ReflectError as error:
            self.status.setText(message_in_language(error))
            return
        self.added_id = added.id
        self.accept()


class SendPacketDialog(QDialog):
    """Choose the supervisor, whether my notes go too, and an optional rating; the identity
    guard reads everything first and asks before sealing what it flags."""

    def __init__(self, session: Session, debrief_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        keep_wrapped_text_whole(self)
        self.session = session
        self.debrief_id = debrief_id
        self.written: Path | None = None
        self.setWindowTitle(tr("Send to supervisor"))
        # Room for each rating's question on one line beside its five buttons.
        self.setMinimumWidth(max(520, self.fontMetrics().averageCharWidth() * 100))
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr(
                "The packet holds only what this debrief shares, sealed so that only your "
                "supervisor (and you) can open it. Send the file any way you like: e-mail, "
                "a shared drive or a USB stick."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        self.supervisor = QComboBox()
        self.supervisor.setAccessibleName(tr("Supervisor"))
        self.add_button = QPushButton(tr("Add supervisor…"))
        supervisor_label = QLabel(tr("&Supervisor"))  # Alt+S reaches the choice
        supervisor_label.setBuddy(self.supervisor)
        row.addWidget(supervisor_label)
        row.addWidget(self.supervisor, 1)
        row.addWidget(self.add_button)
        layout.addLayout(row)
        self.print_label = QLabel()
        self.print_label.setObjectName("mutedLabel")
        layout.addWidget(self.print_label)
        self.with_notes = QCheckBox(tr("Include my notes and the actions we agreed"))
        layout.addWidget(self.with_notes)
        rating = QGroupBox(tr("How is supervision working? (optional)"))
        box = QVBoxLayout(rating)
        self.share_rating = QCheckBox(tr("Send my rating with the packet"))
        box.addWidget(self.share_rating)
        self.rating_rows: dict[str, RatingRow] = {}
        for key, text in RATING_ITEMS:
            row_widget = RatingRow(tr(text), [tr(w) for w in RATING_WORDS], minimum=1)
            self.rating_rows[key] = row_widget
            box.addWidget(row_widget)
        layout.addWidget(rating)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        buttons, self.send_button = ok_cancel(self, self.send, tr("Seal and save…"))
        layout.addWidget(buttons)
        self.add_button.clicked.connect(self._add_supervisor)
        self.supervisor.currentIndexChanged.connect(self._sync)
        self._fill()

    def _fill(self, select_id: int | None = None) -> None:
        self.supervisor.clear()
        for person in self.session.supervision_send.supervisors():
            self.supervisor.addItem(person.name, person.recipient)
            if person.id == select_id:
                self.supervisor.setCurrentIndex(self.supervisor.count() - 1)
        self._sync()

    def _sync(self, *_args: object) -> None:
        key = self.supervisor.currentData()
        self.send_button.setEnabled(bool(key))
        self.print_label.setText(
            tr("Fingerprint {fingerprint}").format(fingerprint=fingerprint(key))
            if key
            else tr("Add your supervisor first: you need their supervision key.")
        )

    def _add_supervisor(self) -> None:
        dialog = AddSupervisorDialog(self.session, self)
        if accepted(dialog):
            self._fill(dialog.added_id)

    def scores(self) -> dict[str, int]:
        values = {k: row.value() for k, row in self.rating_rows.items()}
        return {k: v for k, v in values.items() if v is not None}

    def rating(self) -> dict[str, int] | None:
        """The rating that travels: only when the person ticked to send it."""
        return (self.scores() or None) if self.share_rating.isChecked() else None

    def confirm_flags(self, count: int, listed: str) -> bool:
        return ask_yes(
            self,
            tr("Check before sealing"),
            tr(
                "The identity guard noticed {count} thing(s) that could identify someone: "
                "{listed}. Go back and change the debrief, or seal it as it is?"
            ).format(count=count, listed=listed),
        )

    def ask_path(self) -> Path | None:
        path, _ = save_file_name(
            self, tr("Save the sealed packet"), str(Path.home() / PACKET_NAME), "age (*.age)"
        )
        return Path(path) if path else None

    def send(self) -> None:
        sender = self.session.supervision_send
        key = str(self.supervisor.currentData() or "")
        try:
            packet = sender.build_packet(
                self.debrief_id, self.with_notes.isChecked(), self.rating()
            )
        except ReflectError as error:
            self.status.setText(message_in_language(error))
            return
        flags = sender.flags(packet)
        if flags:
            listed = "; ".join(f"{tr(f.finding.label)} ({f.finding.text})" for f in flags[:5])
            if not self.confirm_flags(len(flags), listed):
                self.status.setText(tr("Nothing was sealed."))
                return
        target = self.ask_path()
        if target is None:
            return
        try:
            sender.send_packet(
                self.debrief_id,
                key,
                target,
                with_notes=self.with_notes.isChecked(),
                flagged_confirmed=True,
                rating=self.rating(),
            )
        except ReflectError as error:
            self.status.setText(message_in_language(error))
            return
        if self.scores():  # the provider's own record of the session, kept either way
            self.session.supervision.log.rate(
                SessionRating(date.today(), self.scores(), "provider", debrief_id=self.debrief_id)
            )
        self.written = target
        self.accept()
