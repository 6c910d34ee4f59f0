"""Settings → Supervision: the role of this profile, "My supervision key" with its
fingerprint, and the supervisors this profile sends packets to."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reflect.domain.supervision import Supervisor
from reflect.services.session import Session
from reflect.ui.asked_across_lock import accepted, ask_yes
from reflect.ui.i18n import tr
from reflect.ui.widgets.forget_signing_key import ask_to_forget

ROLE_CHOICES = (("provider", "Provider"), ("supervisor", "Supervisor"))


class SupervisionSettings(QGroupBox):
    role_changed = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(tr("Supervision"), parent)
        self.session = session
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.role = QComboBox()
        self.role.setAccessibleName(tr("This profile is used by"))
        for value, label in ROLE_CHOICES:
            self.role.addItem(tr(label), value)
        current = str(session.settings.get("role") or "provider")
        self.role.setCurrentIndex(max(0, self.role.findData(current)))
        form.addRow(tr("This profile is used by a"), self.role)
        layout.addLayout(form)
        role_note = QLabel(
            tr(
                "A supervisor's profile shows a Supervision screen for packets received from "
                "supervisees, notes, agreements, hours and replies."
            )
        )
        role_note.setWordWrap(True)
        role_note.setObjectName("mutedLabel")
        layout.addWidget(role_note)

        key_box = self._key_box()
        layout.addWidget(key_box)

        people = self._supervisors_box()
        layout.addWidget(people)

        self.role.currentIndexChanged.connect(self._on_role_changed)
        self.show_key_button.clicked.connect(self.show_key)
        self.copy_button.clicked.connect(self.copy_key)
        self.copy_text_button.clicked.connect(self.copy_key_text)
        self.add_button.clicked.connect(self.add_supervisor)
        self.remove_button.clicked.connect(self.remove_supervisor)
        self.forget_button.clicked.connect(self.forget_signing_key)
        self.supervisors.currentItemChanged.connect(self._enable_forget)
        self.copy_button.setEnabled(False)
        self.copy_text_button.setEnabled(False)
        self.print_label.setText(tr("The key is made the first time it is shown."))
        self.refresh()

    def _key_box(self) -> QGroupBox:
        """My public key and its fingerprint, shown on request and copied to share."""
        key_box = QGroupBox(tr("My supervision key"))
        key_layout = QVBoxLayout(key_box)
        explain = QLabel(
            tr(
                "Give this key to the other person so they can seal files that only this "
                "profile can open. It is not secret. Compare the fingerprint out loud or "
                "side by side before trusting a key."
            )
        )
        explain.setWordWrap(True)
        key_layout.addWidget(explain)
        self.key_label = QLabel()
        self.key_label.setWordWrap(True)
        self.key_label.setAccessibleName(tr("My supervision key"))
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_label.setVisible(False)  # an empty line until the key is shown
        self.print_label = QLabel()
        self.print_label.setAccessibleName(tr("Fingerprint"))
        key_layout.addWidget(self.key_label)
        key_layout.addWidget(self.print_label)
        row = QHBoxLayout()
        self.show_key_button = QPushButton(tr("Show my key"))
        self.copy_button = QPushButton(tr("Copy key"))
        # The key text also carries the signing key, so a provider pins it at pairing.
        self.copy_text_button = QPushButton(tr("Copy key with signing key"))
        self.copy_text_button.setToolTip(
            tr(
                "For a supervisor's key: the provider's Reflect then checks even your first "
                "reply against your signing key. An older Reflect needs the key alone."
            )
        )
        row.addWidget(self.show_key_button)
        row.addWidget(self.copy_button)
        row.addWidget(self.copy_text_button)
        row.addStretch(1)
        key_layout.addLayout(row)
        return key_box

    def _supervisors_box(self) -> QGroupBox:
        people = QGroupBox(tr("My supervisors"))
        people_layout = QVBoxLayout(people)
        self.supervisors = QListWidget()
        self.supervisors.setAccessibleName(tr("My supervisors"))
        self.supervisors.setMaximumHeight(110)
        people_layout.addWidget(self.supervisors)
        row = QHBoxLayout()
        self.add_button = QPushButton(tr("Add supervisor…"))
        self.remove_button = QPushButton(tr("Remove"))
        self.remove_button.setAccessibleName(tr("Remove the selected supervisor"))
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        self.forget_button = QPushButton(tr("Forget signing key…"))
        self.forget_button.setAccessibleName(tr("Forget the selected supervisor's signing key"))
        self.forget_button.setToolTip(
            tr("Only after comparing signing fingerprints with this supervisor in person.")
        )
        row.addStretch(1)
        people_layout.addLayout(row)
        # A rare, careful step, on a line of its own: beside Add and Remove it made Settings
        # wider than the smallest window in French.
        forget_row = QHBoxLayout()
        forget_row.addWidget(self.forget_button)
        forget_row.addStretch(1)
        people_layout.addLayout(forget_row)
        return people

    def refresh(self) -> None:
        self.supervisors.clear()
        for person in self.session.supervision_send.supervisors():
            item = QListWidgetItem(f"{person.name} · {person.fingerprint}")
            signing = self.session.supervision_send.signing_fingerprint_of(person.recipient)
            item.setToolTip(
                tr("Signing fingerprint {fingerprint}").format(fingerprint=signing)
                if signing
                # (not "no signed reply yet": theirs may have come in an archive, or the key
                # was forgotten on purpose)
                else tr("No signing key known for them here yet: their next signed reply sets it.")
            )
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            self.supervisors.addItem(item)
        if self.supervisors.count() == 0:
            empty = QListWidgetItem(tr("No supervisor added yet."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.supervisors.addItem(empty)
        self.remove_button.setEnabled(bool(self.session.supervision_send.supervisors()))
        self._enable_forget()

    def _selected(self) -> Supervisor | None:
        item = self.supervisors.currentItem()
        chosen = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        people = self.session.supervision_send.supervisors() if chosen is not None else []
        return next((p for p in people if p.id == chosen), None)

    def _enable_forget(self, *_args: object) -> None:
        person = self._selected()
        pins = self.session.supervision_send.pins
        self.forget_button.setEnabled(
            person is not None and bool(pins.fingerprint_of(person.recipient))
        )

    def forget_signing_key(self) -> None:
        """Forget the selected supervisor's pinned signing key, once the person confirms."""
        person = self._selected()
        pins = self.session.supervision_send.pins
        signing = pins.fingerprint_of(person.recipient) if person else ""
        if person is None or not signing or not ask_to_forget(self, person.name, signing):
            return
        pins.forget(person.recipient)
        self.refresh()

    def show_key(self) -> None:
        recipient, print_ = self.session.supervision_send.my_key()
        self.key_label.setText(recipient)
        self.key_label.setVisible(True)
        signing = self.session.supervision_send.my_signing_fingerprint()
        self.print_label.setText(
            tr("Fingerprint: {fingerprint}").format(fingerprint=print_)
            + "\n"
            + tr("Signing fingerprint: {fingerprint}").format(fingerprint=signing)
        )
        self.copy_button.setEnabled(True)
        self.copy_text_button.setEnabled(True)

    def copy_key(self) -> None:
        recipient, _ = self.session.supervision_send.my_key()
        QGuiApplication.clipboard().setText(recipient)  # public: no need to clear it later

    def copy_key_text(self) -> None:
        text = self.session.supervision_send.pins.my_key_text()
        QGuiApplication.clipboard().setText(text)  # public too

    def _on_role_changed(self, _index: int) -> None:
        role = str(self.role.currentData())
        self.session.settings.set("role", role)
        self.role_changed.emit(role)

    def add_supervisor(self) -> None:
        from reflect.ui.screens.supervisor_dialogs import AddSupervisorDialog

        if accepted(AddSupervisorDialog(self.session, self)):
            self.refresh()

    def remove_supervisor(self) -> None:
        item = self.supervisors.currentItem()
        supervisor_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if supervisor_id is None:
            return
        if ask_yes(
            self,
            tr("Remove this supervisor?"),
            tr("Packets already sent stay as they are. Remove {name}?").format(
                name=item.text().split(" · ")[0]
            ),
        ):
            self.session.supervision_send.remove_supervisor(int(supervisor_id))
            self.refresh()
