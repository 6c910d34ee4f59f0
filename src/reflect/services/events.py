"""Change announcements: the one way a write tells the rest of the app that data changed.

Services announce after each successful write; the interface listens (see ui/data_events.py)
and every screen refreshes what it shows. Qt-free, so the CLI and the tests can use it too.
A worker's second connection shares its session's feed, so a write made off the GUI thread
is announced like any other (the interface queues it to the GUI thread).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Literal, get_args

ChangeKind = Literal[
    "reflections_changed",
    "checkins_changed",
    "results_changed",
    "debriefs_changed",
    "plan_changed",
    "exposure_changed",
    "imported",
    "restored",
]
CHANGE_KINDS: tuple[ChangeKind, ...] = get_args(ChangeKind)

Listener = Callable[[ChangeKind], None]


class ChangeFeed:
    """Announces kinds of change to whoever subscribed, in subscription order."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()  # workers announce too

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener(kind)`` on every announcement; returns a function that stops it."""
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def announce(self, kind: ChangeKind) -> None:
        if kind not in CHANGE_KINDS:
            raise ValueError(f"Unknown kind of change: {kind}")
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            listener(kind)


def announcer(feed: ChangeFeed | None) -> Callable[[ChangeKind], None]:
    """What a service calls after a write; a no-op when built without a feed (tests, tools)."""
    if feed is None:
        return lambda _kind: None
    return feed.announce
