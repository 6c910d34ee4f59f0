"""The notice that an unsaved reflection was recovered, with keep and discard choices."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from reflect.ui.i18n import local_date, tr


class DraftBanner(QFrame):
    discard_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("draftBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        row = QHBoxLayout(self)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(tr("Recovered draft"))
        self.keep_button = QPushButton(tr("Keep writing"))
        self.discard_button = QPushButton(tr("Discard draft"))
        row.addWidget(self.message, 1)
        row.addWidget(self.keep_button)
        row.addWidget(self.discard_button)
        self.keep_button.clicked.connect(self.hide)
        self.discard_button.clicked.connect(self.discard_requested)
        self.hide()

    def show_recovered(self, saved_at: datetime, edits_saved_entry: bool) -> None:
        if edits_saved_entry:
            text = tr(
                "Reflect kept your changes to a saved reflection from {when} and put them back "
                "here. Save them when you are ready, or discard them."
            )
        else:
            text = tr(
                "Reflect kept an unsaved reflection from {when} and put it back here. Save it "
                "when you are ready, or discard it."
            )
        self.message.setText(text.format(when=local_date(saved_at, "d MMM, HH:mm")))
        self.show()
