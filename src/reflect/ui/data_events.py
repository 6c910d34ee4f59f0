"""Qt signals for the session's change feed: screens subscribe to what they show.

Services announce each successful write on ``session.changes`` (services/events.py). One
``DataEvents`` per session turns those announcements into Qt signals. An announcement made
on a worker thread (an import on its own connection) is queued to the GUI thread, so every
slot runs where widgets live. ``follow`` is the one way a screen subscribes.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

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
    for as long as ``owner`` exists.

    A screen out of sight refreshes when it is next shown, and one in sight on the next turn
    of the event loop, once for any number of changes: a save returns at once instead of
    waiting for every screen to re-read ten years of entries. An owner that is not a widget
    (a loader) is called at once.
    """
    follower = _Follower(session, set(kinds) | set(EVERYTHING), refresh, owner)
    # A bound slot of a child of ``owner``: Qt drops the connection when the owner goes.
    data_events(session).changed.connect(follower.on_changed)


class _Follower(QObject):
    def __init__(
        self, session: Session, wanted: set[str], refresh: Callable[[], None], owner: QObject
    ) -> None:
        super().__init__(owner)
        self._session = session
        self._wanted = wanted
        self._refresh = refresh
        self._owner = owner
        self._stale = False
        self._posted = False
        if isinstance(owner, QWidget):
            owner.installEventFilter(self)

    @Slot(str)
    def on_changed(self, kind: str) -> None:
        if kind not in self._wanted:
            return
        owner = self._owner
        if not isinstance(owner, QWidget):
            self._run()
        elif not owner.isVisible():
            self._stale = True
        elif not self._posted:
            self._posted = True
            QTimer.singleShot(0, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        # While the owner is being destroyed, Qt can still pass it events after PySide has
        # emptied this wrapper: no state then, and nothing to do.
        if getattr(self, "_stale", False) and event.type() == QEvent.Type.Show:
            self._run()
        return False

    def _run(self) -> None:
        self._stale = self._posted = False
        if isValid(self._owner) and self._session.is_open:
            self._refresh()
