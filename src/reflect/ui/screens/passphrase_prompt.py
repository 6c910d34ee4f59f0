"""A small dialog asking for a passphrase (once, or twice to confirm a new one)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from reflect.ui.i18n import tr
from reflect.ui.widgets.dialog_buttons import ok_cancel
from reflect.ui.widgets.dialog_fit import keep_content_visible
from reflect.ui.widgets.wrapped_text_fit import keep_wrapped_text_whole


class PassphrasePrompt(QDialog):
    def __init__(
        self,
        title: str,
        explanation: str,
        *,
        confirm: bool = False,
        minimum: int = 0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        keep_wrapped_text_whole(self)
        self.setWindowTitle(title)
        self._minimum = minimum
        self.setMinimumWidth(max(400, self.fontMetrics().averageCharWidth() * 50))
        layout = QVBoxLayout(self)
        text = QLabel(explanation)
        text.setWordWrap(True)
        layout.addWidget(text)
        form = QFormLayout()
        self.first = QLineEdit()
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.first.setAccessibleName(tr("Passphrase"))
        form.addRow(tr("Passphrase:"), self.first)
        self.second: QLineEdit | None = None
        if confirm:
            self.second = QLineEdit()
            self.second.setEchoMode(QLineEdit.EchoMode.Password)
            self.second.setAccessibleName(tr("Passphrase again"))
            form.addRow(tr("Once more:"), self.second)
        layout.addLayout(form)
        self.problem = QLabel("")
        self.problem.setWordWrap(True)
        self.problem.setObjectName("errorText")  # coloured by the theme (ui/theme.py)
        layout.addWidget(self.problem)
        buttons, _ = ok_cancel(self, self._on_ok)
        layout.addWidget(buttons)
        keep_content_visible(self)
        self.first.setFocus()

    def _on_ok(self) -> None:
        if len(self.first.text()) < max(1, self._minimum):
            self.problem.setText(
                tr("Please use at least {count} characters.").format(count=max(1, self._minimum))
            )
            return
        if self.second is not None and self.second.text() != self.first.text():
            self.problem.setText(tr("The two passphrases differ."))
            return
        self.accept()

    def passphrase(self) -> str:
        return self.first.text()

    def clear(self) -> None:
        self.first.clear()
        if self.second is not None:
            self.second.clear()
