"""Forgot passphrase: open the profile with the printed recovery key and choose a new one."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from reflect.domain.errors import VaultError
from reflect.services.profiles import validate_new_passphrase
from reflect.ui.error_text import message_in_language
from reflect.ui.i18n import tr

# The shape of a key (five groups of five letters and digits), not words to translate.
RECOVERY_KEY_SHAPE = "-".join(["XXXXX"] * 5)


class RecoverDialog(QDialog):
    def __init__(self, profile_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Open with your recovery key"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr(
                "Type the recovery key you printed for <b>{name}</b> and choose a new "
                "passphrase. Without the recovery key, a forgotten passphrase cannot be "
                "recovered."
            ).format(name=escape(profile_name, quote=False))
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText(RECOVERY_KEY_SHAPE)
        self.code_edit.setAccessibleName(tr("Recovery key"))
        # Wide enough to show the whole shape of a key at any font size.
        shape_width = self.code_edit.fontMetrics().horizontalAdvance(RECOVERY_KEY_SHAPE)
        self.code_edit.setMinimumWidth(shape_width + self.code_edit.fontMetrics().height() * 2)
        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_edit.setAccessibleName(tr("New passphrase"))
        self.confirm_edit = QLineEdit()
        self.confirm_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm_edit.setAccessibleName(tr("Repeat the new passphrase"))
        form.addRow(tr("Recovery key:"), self.code_edit)
        form.addRow(tr("New passphrase:"), self.passphrase_edit)
        form.addRow(tr("Repeat it:"), self.confirm_edit)
        layout.addLayout(form)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b3261e;")
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(tr("Open profile"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self._on_open_clicked)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _on_open_clicked(self) -> None:
        if not self.code_edit.text().strip():
            self.error_label.setText(tr("Please type the recovery key."))
            return
        try:
            validate_new_passphrase(self.passphrase_edit.text(), self.confirm_edit.text())
        except VaultError as exc:
            self.error_label.setText(message_in_language(exc))
            return
        self.accept()

    @property
    def recovery_key(self) -> str:
        return self.code_edit.text()

    @property
    def new_passphrase(self) -> str:
        return self.passphrase_edit.text()
