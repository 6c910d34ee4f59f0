"""Home's line about check-in or questionnaire answers kept as a draft.

Both wait on the Check-in screen (after a lock, a crash or leaving mid-way); like the
reflection draft's note, Home says so, so they are not found by chance days later.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from reflect.services.session import Session
from reflect.ui.i18n import local_date, tr

CHECKIN_KEPT = "Check-in answers from {when} are kept for you on the Check-in screen."
QUESTIONNAIRE_KEPT = "Questionnaire answers from {when} are kept for you on the Check-in screen."


class FormDraftNote(QFrame):
    open_requested = Signal()  # "Go to Check-in"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("homeCard")
        row = QHBoxLayout(self)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.button = QPushButton(tr("Go to Check-in"))
        self.button.setAccessibleName(tr("Open the Check-in screen with the kept answers"))
        self.button.clicked.connect(self.open_requested)
        row.addWidget(self.label, 1)
        row.addWidget(self.button)
        self.setVisible(False)

    def refresh(self, session: Session) -> None:
        """Shown while either draft is kept; the check-in's, the more common, is named first."""
        checkin = _saved_at(session.checkins.draft.load)
        questionnaire = _saved_at(session.instruments.draft.load)
        if checkin is not None:
            text, when = CHECKIN_KEPT, checkin
        elif questionnaire is not None:
            text, when = QUESTIONNAIRE_KEPT, questionnaire
        else:
            self.setVisible(False)
            return
        self.label.setText(tr(text).format(when=local_date(when, "d MMM, HH:mm")))
        self.setVisible(True)


def _saved_at(load: Callable[[], object]) -> datetime | None:
    try:
        draft = load()
    except Exception:  # noqa: BLE001 - a note on Home must never break Home
        return None
    return getattr(draft, "saved_at", None) if draft is not None else None
