"""What the person had written, kept in view after they chose the stored version of a
reflection that changed elsewhere: read-only, to copy from, closed when no longer needed."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout

from reflect.ui.i18n import tr


class KeptTextPanel(QFrame):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("draftBanner")  # the same calm frame as the recovered-draft notice
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        heading = QLabel(tr("What you had written here (not saved). Copy what you want to keep."))
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setAccessibleName(tr("What you had written here"))
        self.text.setMaximumHeight(140)
        layout.addWidget(self.text)
        row = QHBoxLayout()
        row.addStretch(1)
        self.copy_button = QPushButton(tr("Copy all"))
        self.close_button = QPushButton(tr("Close"))
        row.addWidget(self.copy_button)
        row.addWidget(self.close_button)
        layout.addLayout(row)
        self.copy_button.clicked.connect(self._copy)
        self.close_button.clicked.connect(self.hide)
        self.hide()

    def show_text(self, text: str) -> None:
        self.text.setPlainText(text)
        self.show()

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text.toPlainText())
