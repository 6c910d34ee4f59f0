"""After saving a reflection: "Saved to your journal · Open · Write another".

The form is already fresh for the next reflection; this line confirms the save in words and
offers the two next steps as real buttons, so they are reachable with Tab and Enter.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from reflect.ui.i18n import tr

LINE_STYLE = """
QFrame#savedLine QPushButton {
    border: none; background: transparent; color: palette(link); padding: 2px 4px;
    text-decoration: underline;
}
QFrame#savedLine QPushButton:focus { border: 1px solid palette(highlight); border-radius: 3px; }
"""


class SavedLine(QFrame):
    open_requested = Signal(int)
    write_another_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("savedLine")
        self.setStyleSheet(LINE_STYLE)
        self.setAccessibleName(tr("Saved"))
        self._reflection_id = 0
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 2, 8, 2)
        self.message = QLabel()
        self.message.setObjectName("statusLine")
        self.open_button = QPushButton(tr("Open"))
        self.open_button.setAccessibleName(tr("Open the saved reflection"))
        self.another_button = QPushButton(tr("Write another"))
        self.another_button.setAccessibleName(tr("Write another reflection"))
        row.addWidget(self.message)
        row.addWidget(QLabel("·"))
        row.addWidget(self.open_button)
        row.addWidget(QLabel("·"))
        row.addWidget(self.another_button)
        row.addStretch(1)
        self.open_button.clicked.connect(lambda: self.open_requested.emit(self._reflection_id))
        self.another_button.clicked.connect(self.write_another_requested)
        self.another_button.clicked.connect(self.hide)
        self.hide()

    def show_saved(self, reflection_id: int, template_name: str, when: str) -> None:
        self._reflection_id = reflection_id
        self.message.setText(tr("Saved to your journal"))
        self.message.setToolTip(tr("“{name}” of {when}").format(name=template_name, when=when))
        self.setAccessibleDescription(
            tr("Saved “{name}” of {when} to your journal.").format(name=template_name, when=when)
        )
        self.show()
