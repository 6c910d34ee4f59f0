"""A line on Home about something kept for the person elsewhere, with a button to go there."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class HomeNote(QFrame):
    open_requested = Signal()  # the button: go to the screen where it waits

    def __init__(self, button_text: str, button_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("homeCard")
        row = QHBoxLayout(self)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.button = QPushButton(button_text)
        self.button.setAccessibleName(button_name)
        self.button.clicked.connect(self.open_requested)
        row.addWidget(self.label, 1)
        row.addWidget(self.button)
        self.setVisible(False)

    def say(self, text: str | None) -> None:
        """Show ``text``, or hide the note when there is nothing to say."""
        if text is not None:
            self.label.setText(text)
        self.setVisible(text is not None)
