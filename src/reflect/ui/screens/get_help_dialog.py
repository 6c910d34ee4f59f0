"""Get help now: emergency number first, then crisis lines. Works while locked too."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget


class GetHelpDialog(QDialog):
    def __init__(self, country: str = "CA", session: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Get help now")
        layout = QVBoxLayout(self)
        text = QLabel(
            "<h2>If you or someone is in danger now, call 911.</h2>"
            "<p>Suicide crisis line (Canada and United States): call or text <b>988</b>, any time.</p>"
        )
        text.setWordWrap(True)
        layout.addWidget(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
