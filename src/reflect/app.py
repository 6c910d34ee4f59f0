"""Composition root: paths -> profile service -> window. Heavy imports wait for the first window."""

from __future__ import annotations

import os
import sys


def _harden_process() -> None:
    """Keep secrets out of core dumps: a crash must not write the key or text to disk."""
    from reflect.hardening import disable_core_dumps

    disable_core_dumps()


def run_gui(data_dir: str | None = None, demo: bool = False) -> int:
    _harden_process()
    from PySide6.QtWidgets import QApplication

    from reflect.paths import AppPaths, tighten_private_tree
    from reflect.ui.app_window import AppWindow

    paths = AppPaths.from_option(data_dir).ensure()
    tighten_private_tree(paths.data_dir)
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Reflect")
    app.setOrganizationName("Reflect")
    app.setQuitOnLastWindowClosed(True)
    # Qt adopts the system locale for the C library; English dates written with strftime
    # would then come out in the system's language. French has its own words (i18n), so
    # the C library keeps plain English month names.
    import locale

    locale.setlocale(locale.LC_TIME, "C")
    from reflect.domain.errors import ProfileBusy
    from reflect.storage.file_lock import FileLock

    # One instance per data folder: two windows on one profile could show stale data and
    # would defeat locking (one locks, the other stays open). An OS lock on an empty 0600
    # file: unlike QLockFile it records no host name, and a crash cannot leave it stale.
    instance_lock = FileLock(paths.lock_file)
    try:
        instance_lock.acquire(wait_seconds=0.1)
        running = False
    except ProfileBusy:
        running = True
    if running:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(
            None,
            "Reflect is already open",
            "Reflect is already running for this data folder. Look for its window or its "
            "icon in the system tray.",
        )
        return 1
    window = AppWindow(paths, demo=demo)
    window.show()
    if os.environ.get("REFLECT_EXIT_AFTER_SHOW"):
        # Used by the benchmark and smoke tests: show the first window, then quit.
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, app.quit)
    try:
        return app.exec()
    finally:
        instance_lock.release()
