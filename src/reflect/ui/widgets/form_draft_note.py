"""Home's line about check-in or questionnaire answers kept as a draft.

Both wait on the Check-in screen (after a lock, a crash or leaving mid-way); like the
reflection draft's note, Home says so, so they are not found by chance days later.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtWidgets import QWidget

from reflect.services.session import Session
from reflect.ui.i18n import local_date, tr
from reflect.ui.widgets.home_note import HomeNote

CHECKIN_KEPT = "Check-in answers from {when} are kept for you on the Check-in screen."
QUESTIONNAIRE_KEPT = "Questionnaire answers from {when} are kept for you on the Check-in screen."


class FormDraftNote(HomeNote):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            tr("Go to Check-in"), tr("Open the Check-in screen with the kept answers"), parent
        )

    def refresh(self, session: Session) -> None:
        """Shown while either draft is kept; the check-in's, the more common, is named first."""
        checkin = _saved_at(session.checkins.draft.load)
        questionnaire = _saved_at(session.instruments.draft.load)
        if checkin is not None:
            text, when = CHECKIN_KEPT, checkin
        elif questionnaire is not None:
            text, when = QUESTIONNAIRE_KEPT, questionnaire
        else:
            self.say(None)
            return
        self.say(tr(text).format(when=local_date(when, "d MMM, HH:mm")))


def _saved_at(load: Callable[[], object]) -> datetime | None:
    try:
        draft = load()
    except Exception:  # noqa: BLE001 - a note on Home must never break Home
        return None
    return getattr(draft, "saved_at", None) if draft is not None else None
