"""Background work never frees, on its worker thread, what the GUI gave it (ui/workers.py).

A dialog that ran exec() belongs to Python (PySide's rule); when the last reference to it
goes, the QDialog is deleted, on the thread that let go. The Data dialog's backup hands the
worker ``work`` (a closure over the dialog): closed during the backup (Close, Esc, or a lock),
the dialog was then deleted on the worker thread when the task ended, while the GUI thread
used the widget tree. In a child process, so that a crash cannot take pytest down."""

from __future__ import annotations

import pytest

from tests.ui.child_script import run_child

CHILD = """
import gc, sys, threading, time, weakref
gc.disable()  # only reference counting here: no collection decides the thread
from PySide6.QtCore import QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from reflect.ui.workers import run_in_background

app = QApplication([])
window = QWidget()
window.show()
freed_on = []

def a_dialog_closed_while_its_work_runs():
    dialog = QDialog(window)
    QTimer.singleShot(0, dialog.reject)
    dialog.exec()  # now Python's: its wrapper's end deletes the QDialog
    ref = weakref.ref(dialog, lambda _ref: freed_on.append(threading.current_thread().name))
    def work():
        time.sleep(0.2)
        if sys.argv[1] == "fails":
            raise OSError("disk full")
        return dialog.windowTitle()
    run_in_background(work, lambda _title: None, lambda _exc: None)
    return ref

ref = a_dialog_closed_while_its_work_runs()
end = time.monotonic() + 3
while time.monotonic() < end and not freed_on:
    app.processEvents()
    time.sleep(0.005)
QThreadPool.globalInstance().waitForDone()
print("freed on", freed_on)
"""


@pytest.mark.parametrize("outcome", ["returns", "fails"])
def test_a_dialog_held_by_background_work_is_freed_on_the_gui_thread(outcome):
    result = run_child(CHILD, outcome)
    assert result.returncode == 0, result.stderr
    assert "freed on ['MainThread']" in result.stdout, result.stdout + result.stderr
