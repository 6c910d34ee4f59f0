"""A calm, non-blocking notice that the text may identify someone, with a one-click fix."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class IdentityBanner(QFrame):
    replace_requested = Signal()
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("identityBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#identityBanner { background: palette(alternate-base); border: 1px solid #c9a227;"
            " border-radius: 6px; }"
        )
        layout = QHBoxLayout(self)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Identity notice")
        self.replace_button = QPushButton("Replace with initials")
        self.replace_button.setToolTip(
            "Names become initials; phone numbers, e-mails, addresses and birth dates become "
            "placeholders such as [phone]. Ctrl+Z in a text box undoes it."
        )
        self.dismiss_button = QPushButton("Keep as written")
        layout.addWidget(self.message, 1)
        layout.addWidget(self.replace_button)
        layout.addWidget(self.dismiss_button)
        self.replace_button.clicked.connect(self.replace_requested)
        self.dismiss_button.clicked.connect(self.dismissed)
        self.hide()

    def show_findings(self, what: str, examples: list[str]) -> None:
        sample = ", ".join(f"“{e}”" for e in examples[:3])
        self.message.setText(
            f"This may identify someone: it looks like {what} ({sample}). Reflections are about "
            "your own practice, so consider leaving identifying details out."
        )
        self.show()
