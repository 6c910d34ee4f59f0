"""Deleting a whole profile for real: only after the person types a word to confirm it."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reflect.ui.i18n import tr
from reflect.ui.widgets.wrapped_text_fit import keep_wrapped_text_whole


def confirmation_word() -> str:
    return tr("delete")


class DeleteProfileDialog(QDialog):
    def __init__(self, profile_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        keep_wrapped_text_whole(self)
        self.setWindowTitle(tr("Delete this profile"))
        # Wide enough that the warning reads as a paragraph, not a column of short lines.
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 64)
        layout = QVBoxLayout(self)
        text = QLabel(
            tr(
                "This deletes the profile \u201c{name}\u201d from this computer: every reflection, "
                "check-in, plan, debrief and backup in its folder. It cannot be undone. If you "
                "might want any of it later, export an encrypted archive first."
            ).format(name=profile_name)
        )
        text.setWordWrap(True)
        layout.addWidget(text)
        prompt = QLabel(tr("To confirm, type \u201c{word}\u201d:").format(word=confirmation_word()))
        prompt.setWordWrap(True)
        layout.addWidget(prompt)
        self.word = QLineEdit()
        self.word.setAccessibleName(tr("Type the confirmation word"))
        prompt.setBuddy(self.word)
        layout.addWidget(self.word)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.delete_button = QPushButton(tr("Delete for good"))
        self.delete_button.setAccessibleName(tr("Delete this profile for good"))
        self.delete_button.setEnabled(False)
        self.delete_button.setAutoDefault(False)
        buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.rejected.connect(self.reject)
        # Enter never deletes, not even after the word is typed: Cancel is the default.
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setDefault(True)
        self.delete_button.clicked.connect(self.accept)
        self.word.textChanged.connect(self._on_text_changed)
        layout.addWidget(buttons)
        self.word.setFocus()

    def _on_text_changed(self, text: str) -> None:
        self.delete_button.setEnabled(text.strip().casefold() == confirmation_word().casefold())
