"""Quitting after an unlock with real data ends the process cleanly.

Regression: with PySide6 6.12.0 on Python 3.11 every quit after an unlock aborted the
process in the interpreter's last garbage collection ("bool_dealloc"): the binding lost a
reference to None/True/False on each call (see ui/binding_check.py). The script follows
``reflect.app.run_gui``'s shape, including its ``tear_down``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SCRIPT = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from reflect.app import tear_down
from reflect.paths import AppPaths
from reflect.services.profiles import ProfileService
from reflect.services.demo_data import fill_demo_profile
from reflect.ui.app_window import AppWindow



def main():
    # As in reflect.app.run_gui: everything lives in this function, nothing in globals.
    app = QApplication([])
    paths = AppPaths(Path(sys.argv[1])).ensure()
    service = ProfileService(paths, fast_kdf=True)
    info = service.create("correct horse battery staple", "Tester")
    session = service.unlock(info, "correct horse battery staple")
    if sys.argv[2] == "demo":
        fill_demo_profile(session, years=1)
    window = AppWindow(paths, fast_kdf=True)
    window.show()
    window._on_unlocked(session)
    del session
    app.processEvents()
    QTimer.singleShot(200, window.quit_for_real)
    code = app.exec()
    if sys.argv[3] == "tear-down":
        tear_down(window)
    return code


sys.exit(main())
"""


def _quit_once(tmp_path: Path, tear: str) -> int:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path / "data"), "demo", tear],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return result.returncode


def test_quitting_after_an_unlock_exits_cleanly(tmp_path):
    assert _quit_once(tmp_path, "tear-down") == 0
