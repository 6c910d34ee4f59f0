"""What the dialogs that choose a new passphrase share: the passphrase typed twice, the
line that says what is wrong with it, and Cancel beside the dialog's own button."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QBoxLayout,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from reflect.domain.errors import VaultError
from reflect.services.profiles import validate_new_passphrase
from reflect.ui.error_text import message_in_language
from reflect.ui.i18n import tr
from reflect.ui.theme import colour
from reflect.ui.widgets.dialog_fit import keep_content_visible
from reflect.ui.widgets.wrapped_text_fit import keep_wrapped_text_whole


def _hidden_edit(accessible_name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setAccessibleName(accessible_name)
    return edit


class NewPassphraseDialog(QDialog):
    def __init__(self, repeat_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        keep_wrapped_text_whole(self)
        self.setMinimumWidth(460)
        self.passphrase_edit = _hidden_edit(tr("New passphrase"))
        self.confirm_edit = _hidden_edit(repeat_name)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        # The theme's warning red: a fixed dark red could hardly be read on the dark theme.
        self.error_label.setObjectName("errorText")
        self.error_label.setStyleSheet(f"color: {colour('help_text')};")

    def add_buttons(self, layout: QBoxLayout, accept_text: str) -> QPushButton:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        accept_button = buttons.addButton(accept_text, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self._on_accept_clicked)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        keep_content_visible(self)  # the buttons come last: the dialog is complete
        return accept_button

    def _on_accept_clicked(self) -> None:
        try:
            validate_new_passphrase(self.passphrase_edit.text(), self.confirm_edit.text())
        except VaultError as exc:
            self.error_label.setText(message_in_language(exc))
            return
        self.accept()
