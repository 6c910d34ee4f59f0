"""The notice that an unsaved reflection was recovered, with keep and discard choices."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class DraftBanner(QFrame):
    discard_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("draftBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        row = QHBoxLayout(self)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Recovered draft")
        self.keep_button = QPushButton("Keep writing")
        self.discard_button = QPushButton("Discard draft")
        row.addWidget(self.message, 1)
        row.addWidget(self.keep_button)
        row.addWidget(self.discard_button)
        self.keep_button.clicked.connect(self.hide)
        self.discard_button.clicked.connect(self.discard_requested)
        self.hide()

    def show_recovered(self, saved_at: datetime, edits_saved_entry: bool) -> None:
        what = (
            "your changes to a saved reflection" if edits_saved_entry else "an unsaved reflection"
        )
        self.message.setText(
            f"Reflect kept {what} from {saved_at.strftime('%d %b, %H:%M')} and put it back "
            "here. Save it when you are ready, or discard it."
        )
        self.show()
