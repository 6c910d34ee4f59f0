"""When a UI test's windows are deleted, and why Python's cyclic collector waits for it.

A test often drops its last reference to a window it showed (``screen = TeamScreen(...)``,
``qtbot.addWidget(screen)``: qtbot keeps only a weak reference). A window whose Python object
sits in a reference cycle is not freed then: it stays alive and shown, with a chart redraw
still pending, until the collector next runs, which is at an arbitrary allocation. When that
allocation is inside matplotlib's ``draw`` (pytest-qt processes events right after each test,
so the pending ``draw_idle`` or a paint event draws the canvas), the collector deletes the
window, and the canvas with it, while the canvas is drawing: matplotlib prints
"FigureCanvasQTAgg already deleted" and Qt returns into the freed widget, a segmentation
fault about one run in four (tests/ui/test_collector_and_windows.py shows it happening).

So during a test the collector waits (``gc.disable``; nothing is collected, only later).
When the test ends, its windows are deleted by Qt first (qtbot closed them; the hidden ones
go now) and the collector then frees their Python objects, which by then own nothing, at a
moment when nothing is drawing. The application itself is not exposed: its windows and
dialogs are owned by a parent or held by the running ``main``, never only by a cycle.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication


def delete_hidden_windows(app: QApplication) -> None:
    """Delete every window nobody can see (what a test leaves behind), at once."""
    for widget in app.topLevelWidgets():
        if not widget.isVisible():
            widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@contextmanager
def collector_waits_for_windows(app: QApplication) -> Iterator[None]:
    """No cyclic collection inside the block; on leaving it, the hidden windows are deleted,
    then what the block left in cycles is collected (see the module docstring)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        delete_hidden_windows(app)
        if was_enabled:
            gc.enable()
        # Everything the block made is still in the youngest generation (nothing was
        # collected meanwhile), so collecting that one is enough and stays quick.
        gc.collect(0)
