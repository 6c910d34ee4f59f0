"""Forgot passphrase: open the profile with the printed recovery key and choose a new one."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from reflect.ui.i18n import tr
from reflect.ui.screens.new_passphrase_dialog import NewPassphraseDialog

# The shape of a key (five groups of five letters and digits), not words to translate.
RECOVERY_KEY_SHAPE = "-".join(["XXXXX"] * 5)


class RecoverDialog(NewPassphraseDialog):
    def __init__(self, profile_name: str, parent: QWidget | None = None) -> None:
        super().__init__(tr("Repeat the new passphrase"), parent)
        self.setWindowTitle(tr("Open with your recovery key"))
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
        form.addRow(tr("Recovery key:"), self.code_edit)
        form.addRow(tr("New passphrase:"), self.passphrase_edit)
        form.addRow(tr("Repeat it:"), self.confirm_edit)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        self.add_buttons(layout, tr("Open profile"))

    def _on_accept_clicked(self) -> None:
        if not self.code_edit.text().strip():
            self.error_label.setText(tr("Please type the recovery key."))
            return
        super()._on_accept_clicked()

    @property
    def recovery_key(self) -> str:
        return self.code_edit.text()

    @property
    def new_passphrase(self) -> str:
        return self.passphrase_edit.text()
