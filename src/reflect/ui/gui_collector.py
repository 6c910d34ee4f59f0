"""Python's cyclic garbage collector runs on the GUI thread only, between events.

Left automatic, a collection starts inside whichever thread happens to allocate next: often
one of the worker threads (key derivation at unlock, the automatic backup, a chart's data).
Such a collection frees the Python wrappers of Qt widgets that sit in reference cycles (a
screen's buttons and lambdas after a lock or a language change), and freeing a wrapper
reaches into its QObject while the GUI thread may be using it: Qt objects are not
thread-safe. A soak run (tests/soak/soak.py) crashed within a minute this way, in the
middle of an unlock or while the theme re-polished every widget. A collection that starts
inside the GUI thread itself can also land in the middle of a chart's draw (the crash of
tests/ui/window_cleanup.py).

So in the running app automatic collection is off, and a timer on the GUI thread collects
whenever Python would have (the generation counts against ``gc.get_threshold()``). A timer
fires only between events: never inside a draw, a signal handler or another thread.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 250  # at most a quarter of a second of garbage waits for the next look


def generation_due() -> int | None:
    """The oldest generation Python's automatic collector would collect now, or None."""
    counts, thresholds = gc.get_count(), gc.get_threshold()
    due = None
    for generation in range(3):
        if thresholds[generation] and counts[generation] >= thresholds[generation]:
            due = generation
        elif generation == 0:
            return None
    return due


class GuiThreadCollector(QObject):
    """Collects on its own (GUI) thread, when due, between events. ``stop`` hands the
    collector back as it was (a test process or a script goes on after the window)."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect_if_due)
        self._interval_ms = interval_ms

    def start(self) -> None:
        gc.disable()
        self._timer.start(self._interval_ms)

    def stop(self) -> None:
        self._timer.stop()
        if self._was_enabled:
            gc.enable()

    def collect_if_due(self) -> None:
        generation = generation_due()
        if generation is not None:
            gc.collect(generation)
