"""Qt signals for the session's change feed: screens subscribe to what they show.

Services announce each successful write on ``session.changes`` (services/events.py). One
``DataEvents`` per session turns those announcements into Qt signals. An announcement made
on a worker thread (an import on its own connection) is queued to the GUI thread, so every
slot runs where widgets live. ``follow`` is the one way a screen subscribes.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, Qt, Signal, Slot

from reflect.services.events import ChangeKind
from reflect.services.session import Session

# Kinds after which every screen redraws everything it shows.
EVERYTHING: tuple[ChangeKind, ...] = ("imported", "restored")


class DataEvents(QObject):
    reflections_changed = Signal()
    checkins_changed = Signal()
    results_changed = Signal()
    debriefs_changed = Signal()
    plan_changed = Signal()
    exposure_changed = Signal()
    imported = Signal()
    restored = Signal()
    changed = Signal(str)  # every kind, after its own signal
    _announced = Signal(str)  # from any thread; delivered on the GUI thread

    def __init__(self, session: Session) -> None:
        super().__init__()
        # Direct on the GUI thread (a screen sees its own write at once), queued otherwise.
        self._announced.connect(self._deliver, Qt.ConnectionType.AutoConnection)
        self._stop = session.changes.subscribe(lambda kind: self._announced.emit(kind))

    @Slot(str)
    def _deliver(self, kind: str) -> None:
        getattr(self, kind).emit()
        self.changed.emit(kind)

    def close(self) -> None:
        self._stop()


_BY_SESSION: weakref.WeakKeyDictionary[Session, DataEvents] = weakref.WeakKeyDictionary()


def data_events(session: Session) -> DataEvents:
    """The one ``DataEvents`` of ``session``, made on first use (on the GUI thread)."""
    events = _BY_SESSION.get(session)
    if events is None:
        events = _BY_SESSION[session] = DataEvents(session)
    return events


def follow(
    session: Session, kinds: Iterable[ChangeKind], refresh: Callable[[], None], owner: QObject
) -> None:
    """Call ``refresh`` after each change of ``kinds`` (and after an import or a restore)
    for as long as ``owner`` exists."""
    events = data_events(session)
    wanted = set(kinds) | set(EVERYTHING)

    def on_changed(kind: str) -> None:
        from shiboken6 import isValid

        if kind in wanted and isValid(owner) and session.is_open:
            refresh()

    # The connection lives as long as the session's events (until lock); a destroyed owner
    # is skipped by the isValid check rather than called.
    events.changed.connect(on_changed)
