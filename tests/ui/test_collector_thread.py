"""Python's cyclic collector never frees a Qt object's wrapper on a worker thread
(ui/gui_collector.py, used by reflect.app.run_gui).

A soak run (tests/soak/soak.py, seed 1) crashed within a minute: a dialog that had been
shown with exec() (which makes Python its owner) and closed, kept only by a reference cycle,
was collected by a collection that a worker thread happened to start (key derivation at
unlock, for instance), so the QDialog was deleted on that thread while the GUI thread used
the widget tree. Here such a dialog waits in a cycle while a worker allocates; in a child
process, so that a crash cannot take pytest down."""

from __future__ import annotations

import pytest

from tests.ui.child_script import run_child

CHILD = """
import gc, sys, threading, time, weakref
import shiboken6
from PySide6.QtCore import QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from reflect.ui.gui_collector import GuiThreadCollector
from reflect.ui.workers import run_in_background

app = QApplication([])
if sys.argv[1] == "app":
    GuiThreadCollector(app).start()
else:
    gc.enable()  # what the app did: automatic collection, on whichever thread allocates
freed_on = []
window = QWidget()

def a_dialog_closed_and_dropped():
    dialog = QDialog(window)
    dialog.on_done = lambda: dialog  # a cycle, as a connected lambda or a helper makes
    QTimer.singleShot(0, dialog.reject)
    dialog.exec()  # PySide hands a dialog that ran exec() back to Python: the wrapper's
    assert shiboken6.ownedByPython(dialog)  # end now deletes the QDialog itself
    return weakref.ref(dialog, lambda _ref: freed_on.append(threading.current_thread().name))

ref = a_dialog_closed_and_dropped()
window.show()
kept = []  # what the worker made stays, as a screen's data does: the counts stay high
run_in_background(lambda: [[] for _ in range(300_000)], kept.append, print)
QThreadPool.globalInstance().waitForDone()
end = time.monotonic() + 1.5
while time.monotonic() < end and not freed_on:
    app.processEvents()
print("freed on", freed_on)
"""


def _freed_on(mode: str) -> str:
    result = run_child(CHILD, mode)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("mode", ["automatic", "app"])
def test_a_widget_wrapper_is_freed_on_the_gui_thread_only(mode):
    freed = _freed_on(mode)
    if mode == "automatic":
        # Python's own policy: the worker's allocations start the collection, there.
        assert "freed on ['Dummy-1']" in freed, freed
    else:
        assert "freed on ['MainThread']" in freed, freed
