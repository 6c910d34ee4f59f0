"""Home's line about a debrief saved under a filled-in title when the profile locked.

The Debrief screen opens that debrief the next time it is built (ui/screens/debrief_untitled);
a person who unlocks and stays on Home would otherwise not know it is waiting there.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from reflect.services.session import Session
from reflect.ui.i18n import tr
from reflect.ui.screens.debrief_untitled import kept_debrief

KEPT = "A debrief you were writing was saved as “{title}” when Reflect locked."


class KeptDebriefNote(QFrame):
    open_requested = Signal()  # "Go to Debrief"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("homeCard")
        row = QHBoxLayout(self)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.button = QPushButton(tr("Go to Debrief"))
        self.button.setAccessibleName(tr("Open the Debrief screen with the kept debrief"))
        self.button.clicked.connect(self.open_requested)
        row.addWidget(self.label, 1)
        row.addWidget(self.button)
        self.setVisible(False)

    def refresh(self, session: Session) -> None:
        try:
            found = kept_debrief(session)
        except Exception:  # noqa: BLE001 - a note on Home must never break Home
            found = None
        if found is None:
            self.setVisible(False)
            return
        self.label.setText(tr(KEPT).format(title=found.title))
        self.setVisible(True)
