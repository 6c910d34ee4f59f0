"""The OS ending the session (or ``kill``) sends SIGTERM; half-typed work is kept as an
encrypted draft, as when the person locks, instead of dying with the process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reflect.paths import AppPaths
from reflect.services.profiles import ProfileService

PASSPHRASE = "correct horse battery staple"
SCRIPT = """
import os, signal, sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from reflect.app import end_on_terminate, tear_down
from reflect.paths import AppPaths
from reflect.services.profiles import ProfileService
from reflect.ui.app_window import AppWindow


def main():
    app = QApplication([])
    paths = AppPaths(Path(sys.argv[1])).ensure()
    service = ProfileService(paths, fast_kdf=True)
    info = service.create("correct horse battery staple", "Tester")
    window = AppWindow(paths, fast_kdf=True)
    window.show()
    window._on_unlocked(service.unlock(info, "correct horse battery staple"))
    end_on_terminate(app, window)
    reflect = window.workspace.reflect
    reflect.form.texts["what_happened"].setPlainText("typed a second before the end")
    QTimer.singleShot(300, lambda: os.kill(os.getpid(), signal.SIGTERM))
    code = app.exec()
    tear_down(window)
    return code


sys.exit(main())
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM is a POSIX signal")
def test_sigterm_keeps_what_was_typed_as_a_draft(tmp_path: Path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    data = tmp_path / "data"
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(data)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    service = ProfileService(AppPaths(data), fast_kdf=True)
    session = service.unlock(service.list_profiles()[0], PASSPHRASE)
    try:
        draft = session.journal.load_draft()
    finally:
        session.close()
    assert draft is not None
    assert draft.reflection.answers["what_happened"] == "typed a second before the end"
