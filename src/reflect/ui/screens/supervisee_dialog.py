"""The supervisor's *Add supervisee…* dialog: the provider's *Add supervisor…* dialog turned
round. The supervisee's key text must carry their signing key (services/supervisee_pairing.py
says why); once both fingerprints are compared, it is remembered at once and even their first
packet is checked against it."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from reflect.domain.errors import ReflectError
from reflect.domain.key_text import MARK
from reflect.services.session import Session
from reflect.ui.error_text import message_in_language
from reflect.ui.i18n import tr
from reflect.ui.screens.supervisor_dialogs import AddSupervisorDialog


class AddSuperviseeDialog(AddSupervisorDialog):
    """Name and key text; both fingerprints appear as it is pasted, to compare with the ones
    the supervisee reads out. Adding needs the comparison ticked."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setWindowTitle(tr("Add a supervisee"))
        self.intro.setText(
            tr(
                "Before their first packet, ask your supervisee for their key text "
                "(Settings → Supervision → Copy key with signing key). Paste it here, then "
                "compare both fingerprints with theirs, out loud or side by side."
            )
        )
        self.signing_note.setText(
            tr(
                "Their signing key (after “sign:”) is then remembered: their first packet "
                "is checked against it, and a packet signed with another key is refused."
            )
        )
        self.name.setAccessibleName(tr("Supervisee's name"))
        self.key.setAccessibleName(tr("Supervisee's key text"))
        self.key.setPlaceholderText(tr("age1… sign:…"))
        self.ok_button.setText(tr("Add supervisee"))
        self.confirm.setText(self.confirm_text(True))

    def confirm_text(self, both: bool) -> str:
        return tr("Both fingerprints match the ones my supervisee sees")

    def _on_key_changed(self, text: str) -> None:
        super()._on_key_changed(text)
        if text.strip() and MARK not in text:  # the age key alone: nothing to confirm
            self.signing_label.setText(
                tr("No signing key in this text: ask for the whole key text.")
            )
            self.form.setRowVisible(self.signing_row, True)
            self._sync()

    def _sync(self, *_args: object) -> None:
        super()._sync()
        if MARK not in self.key.text():
            self.ok_button.setEnabled(False)

    def add(self) -> None:
        try:
            paired = self.session.supervision.pairing.expect_supervisee(
                self.name.text(), self.key.text(), self.confirm.isChecked()
            )
        except ReflectError as error:
            self.status.setText(message_in_language(error))
            return
        self.added_id = paired.supervisee.id
        self.accept()
