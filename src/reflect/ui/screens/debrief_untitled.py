"""A debrief whose title was emptied keeps what was typed in it when the profile locks.

The service refuses a debrief without a title, and a refused save on the way to the lock
screen used to lose the topics and supervisor typed into it. So, at the lock (or a change
of language, which rebuilds the screens), an emptied title is filled in first: a saved
debrief gets back the title it was saved with, a new one is named "Untitled debrief, 7 Dec
2026". The screen built after unlocking opens that debrief once and says why it has that
title. Only the debrief's number and creation time are remembered, in the encrypted
settings (its text stays in the debriefs table like any other debrief's); both must match,
so a value merged in from another profile's archive, whose numbers differ, opens nothing.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from reflect.ui.i18n import tr

if TYPE_CHECKING:
    from reflect.domain.debrief import Debrief
    from reflect.services.session import Session
    from reflect.ui.screens.debrief_screen import DebriefScreen

UNTITLED = "Untitled debrief, {date}"
SAVED_UNTITLED = (
    "This debrief had no title, so it was saved as “{title}” to keep what you typed. "
    "You can rename it here."
)
# In the profile's encrypted settings: the debrief to open the next time the screen is built.
REOPEN_KEY = "debrief_reopen"


def name_untitled(screen: DebriefScreen) -> bool:
    """Fill in an emptied title when something else was typed; True when it did. With
    nothing else typed, nothing is at risk: the title goes back and nothing is saved."""
    if screen.title.text().strip():
        return False
    loaded = screen.debrief
    if replace(screen._from_form(), title=loaded.title) == loaded:
        screen.title.setText(loaded.title)
        return False
    if loaded.id is None:
        screen.title.setText(tr(UNTITLED).format(date=screen.words.day(datetime.now())))
    else:
        screen.title.setText(loaded.title)
    return True


def _identity(debrief: Debrief) -> dict[str, object]:
    created = debrief.created_at.isoformat() if debrief.created_at is not None else None
    return {"id": debrief.id, "created_at": created}


def remember_to_reopen(screen: DebriefScreen) -> None:
    if screen.debrief.id is not None:
        screen.session.settings.set(REOPEN_KEY, _identity(screen.debrief))


def kept_debrief(session: Session) -> Debrief | None:
    """The debrief saved under a filled-in title at the last lock, if it is still there."""
    return _still_there(session, session.settings.get(REOPEN_KEY))


def _still_there(session: Session, kept: object) -> Debrief | None:
    number = kept.get("id") if isinstance(kept, dict) else None
    if not isinstance(number, int) or isinstance(number, bool):
        return None
    found = session.debrief.get(number)
    if found is None or _identity(found) != kept:
        return None  # deleted since, or a value from another profile: nothing to offer
    return found


def reopen_kept(screen: DebriefScreen) -> None:
    """Open the debrief saved under a filled-in title, once, and say why it has that title."""
    settings = screen.session.settings
    kept = settings.get(REOPEN_KEY)
    if kept is None:
        return
    settings.set(REOPEN_KEY, None)  # offered once
    found = _still_there(screen.session, kept)
    if found is None:
        return
    screen._load(found)
    screen.title.selectAll()  # typing a new title replaces the filled-in one
    screen.status.setText(tr(SAVED_UNTITLED).format(title=found.title))
