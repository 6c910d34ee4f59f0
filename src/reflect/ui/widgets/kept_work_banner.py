"""The calm line above a form whose unsaved work Reflect kept and put back: what was kept,
a button to go on with it (hides the line) and one to let it go.

Shared by the reflection's recovered draft (draft_banner.py) and the check-in's or
questionnaire's kept answers (kept_answers_banner.py), which said the same thing in the same
frame, built twice.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class KeptWorkBanner(QFrame):
    """Each kind names its buttons for what they do and connects ``let_go_button`` to its
    own signal."""

    def __init__(
        self,
        name: str,
        go_on_text: str,
        let_go_text: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("draftBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        row = QHBoxLayout(self)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(name)
        self.go_on_button = QPushButton(go_on_text)
        self.let_go_button = QPushButton(let_go_text)
        row.addWidget(self.message, 1)
        row.addWidget(self.go_on_button)
        row.addWidget(self.let_go_button)
        self.go_on_button.clicked.connect(self.hide)
        self.hide()

    def say(self, text: str) -> None:
        self.message.setText(text)
        self.show()
