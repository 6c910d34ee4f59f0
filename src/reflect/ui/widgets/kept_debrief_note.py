"""Home's line about a debrief saved under a filled-in title when the profile locked.

The Debrief screen opens that debrief the next time it is built (ui/screens/debrief_untitled);
a person who unlocks and stays on Home would otherwise not know it is waiting there.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from reflect.services.session import Session
from reflect.ui.i18n import tr
from reflect.ui.screens.debrief_untitled import kept_debrief
from reflect.ui.widgets.home_note import HomeNote

KEPT = "A debrief you were writing was saved as “{title}” when Reflect locked."


class KeptDebriefNote(HomeNote):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            tr("Go to Debrief"), tr("Open the Debrief screen with the kept debrief"), parent
        )

    def refresh(self, session: Session) -> None:
        try:
            found = kept_debrief(session)
        except Exception:  # noqa: BLE001 - a note on Home must never break Home
            found = None
        self.say(None if found is None else tr(KEPT).format(title=found.title))
