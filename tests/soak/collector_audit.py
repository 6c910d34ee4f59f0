"""Collect at random moments, and first look at what the collector is about to free.

With ``gc.DEBUG_SAVEALL`` a collection keeps what it found unreachable in ``gc.garbage``
instead of freeing it. A Qt object among it whose C++ side Python owns would be deleted
with its wrapper; when Qt still uses it (a shown widget, a running timer) that deletion is
what crashed the UI suite once (tests/ui/window_cleanup.py). Such objects are reported by
class, then everything is freed as it would have been.
"""

from __future__ import annotations

import gc
import random
import sys
import threading
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget


def in_use(obj: QObject) -> str | None:
    """Why Qt still needs this object, or None."""
    if isinstance(obj, QWidget) and obj.isVisible():
        return "shown"
    if isinstance(obj, QTimer) and obj.isActive():
        return "running timer"
    return None


class CollectorAudit:
    def __init__(self, rng: random.Random, log: Callable[[str], None]) -> None:
        self.rng = rng
        self.log = log
        self.collections = 0
        self.live: list[str] = []

    def collect(self, look: bool | None = None) -> None:
        self.collections += 1
        if look is None:
            look = self.rng.random() < 0.3
        if not look:
            gc.collect(self.rng.choice((0, 1, 2)))
            return
        gc.set_debug(gc.DEBUG_SAVEALL)
        try:
            gc.collect()
        finally:
            gc.set_debug(0)
        found = list(gc.garbage)
        gc.garbage.clear()
        for obj in found:
            if not isinstance(obj, QObject) or not shiboken6.isValid(obj):
                continue
            if not shiboken6.ownedByPython(obj):
                continue
            reason = in_use(obj)
            if reason is not None:
                line = f"{type(obj).__module__}.{type(obj).__qualname__} ({reason})"
                self.live.append(line)
                print(f"soak: the collector would free a Qt object in use: {line}", file=sys.stderr)
        self.log(f"  audit: {len(found)} unreachable")
        del found
        gc.collect()


class ThreadWatch:
    """Collections that start on a thread other than the GUI thread keep what they find
    (``gc.DEBUG_SAVEALL``); Qt objects among it are reported, then everything is handed to
    the GUI thread to free. A Qt widget must only ever be deleted on the GUI thread."""

    def __init__(self) -> None:
        self.found: list[str] = []
        self._held: list[object] = []
        self._main = threading.main_thread()

    def install(self) -> None:
        gc.callbacks.append(self._callback)

    def uninstall(self) -> None:
        gc.callbacks.remove(self._callback)
        self._held.clear()

    def _callback(self, phase: str, info: dict) -> None:
        if threading.current_thread() is self._main:
            return
        if phase == "start":
            gc.set_debug(gc.DEBUG_SAVEALL)
            return
        gc.set_debug(0)
        garbage = list(gc.garbage)
        gc.garbage.clear()
        for obj in garbage:
            if isinstance(obj, QObject):
                valid = shiboken6.isValid(obj)
                owned = valid and shiboken6.ownedByPython(obj)
                line = (
                    f"{type(obj).__module__}.{type(obj).__qualname__} valid={valid}"
                    f" owned={owned} on {threading.current_thread().name}"
                )
                self.found.append(line)
                print(f"soak: collected off the GUI thread: {line}", file=sys.stderr)
        self._held.append(garbage)

    def release(self) -> None:
        """Free, on the GUI thread, what the other threads' collections found."""
        self._held.clear()
