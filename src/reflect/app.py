"""Composition root: paths -> profile service -> window. Heavy imports wait for the first window."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from reflect.paths import AppPaths
    from reflect.storage.file_lock import FileLock
    from reflect.ui.app_window import AppWindow


def _harden_process() -> None:
    """Keep secrets out of core dumps: a crash must not write the key or text to disk."""
    from reflect.hardening import disable_core_dumps

    disable_core_dumps()


def _log_unexpected_errors(data_dir: Path) -> None:
    """Unexpected errors in the window go to the content-free diagnostic log and stderr."""
    from reflect.diagnostics import error_line, record_error

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        record_error(data_dir, exc.with_traceback(tb), "gui")
        # Not Python's traceback: a desktop app's stderr is kept by the system journal (or
        # ~/.xsession-errors), and an error's message can quote what was typed.
        print(f"reflect: {error_line(exc, 'gui')}", file=sys.stderr)

    sys.excepthook = hook


def run_gui(data_dir: str | None = None, demo: bool = False) -> int:
    _harden_process()
    from reflect.ui.binding_check import refuse_broken_binding

    if refuse_broken_binding():
        return 2
    from PySide6.QtWidgets import QApplication

    from reflect.paths import AppPaths, tighten_private_tree
    from reflect.ui.app_window import AppWindow

    paths = AppPaths.from_option(data_dir).ensure()
    tighten_private_tree(paths.data_dir)
    _log_unexpected_errors(paths.data_dir)
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        from reflect.ui.theme import new_application

        app = new_application(sys.argv)
    _set_up_application(app)
    instance_lock = _lock_this_data_folder(paths)
    if instance_lock is None:
        return 1
    window = AppWindow(paths, demo=demo)
    window.show()
    end_on_terminate(app, window)
    from reflect import process_gc
    from reflect.ui.gui_collector import GuiThreadCollector

    process_gc.started()
    # From here the cyclic collector runs on the GUI thread only (ui/gui_collector.py).
    collector = GuiThreadCollector(app)
    collector.start()
    if os.environ.get("REFLECT_EXIT_AFTER_SHOW"):
        _quit_once_shown(app, window)
    try:
        code = app.exec()
        tear_down(window)
        return code
    finally:
        collector.stop()
        instance_lock.release()


def _set_up_application(app: QApplication) -> None:
    """Names, icon and desktop entry, and English month names in the C library."""
    app.setApplicationName("Reflect")
    app.setOrganizationName("Reflect")
    from reflect.desktop_entry import APP_ID
    from reflect.ui.app_icon import app_icon

    # The window, the task bar and the tray all take this icon; the desktop file name lets
    # Wayland docks match the window to the installed menu entry (and its icon).
    app.setWindowIcon(app_icon())
    app.setDesktopFileName(APP_ID)
    app.setQuitOnLastWindowClosed(True)
    # Qt adopts the system locale for the C library; English dates written with strftime
    # would then come out in the system's language. French has its own words (i18n), so
    # the C library keeps plain English month names.
    import locale

    locale.setlocale(locale.LC_TIME, "C")


def _lock_this_data_folder(paths: AppPaths) -> FileLock | None:
    """The instance lock of ``paths``, or None (after saying so) when Reflect already runs."""
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
        return None
    return instance_lock


def end_on_terminate(app: QApplication, window: AppWindow) -> None:
    """SIGTERM (the OS ending the session, a shutdown, ``kill``) quits as the tray's Quit
    does: the window locks first, so what is half-typed is kept as encrypted drafts and the
    database closes, instead of the process dying mid-sentence."""
    import signal

    from PySide6.QtCore import QTimer

    if not hasattr(signal, "SIGTERM"):
        return

    def terminate(_signum: int, _frame: object) -> None:
        QTimer.singleShot(0, window.quit_for_real)

    signal.signal(signal.SIGTERM, terminate)
    # Python runs a signal handler only when it next runs bytecode; while Qt waits for
    # events that could be never, so a slow no-op timer lets it in.
    heartbeat = QTimer(app)
    heartbeat.timeout.connect(lambda: None)
    heartbeat.start(500)


def _quit_once_shown(app: QApplication, window: AppWindow) -> None:
    # Used by the benchmark and the packaging smoke tests: show the first window, say
    # what was shown (so a smoke test knows the lock screen really appeared, with its
    # icon), then quit through the ordinary event loop.
    from PySide6.QtCore import QTimer

    def report_and_quit() -> None:
        page = type(window.pages.currentWidget()).__name__
        icon = "icon" if not window.windowIcon().isNull() else "no icon"
        print(f"reflect: shown {page} ({icon})", file=sys.stderr, flush=True)
        app.quit()

    QTimer.singleShot(0, report_and_quit)


def tear_down(window) -> None:
    """Let background work finish and destroy the window's widgets while Qt still runs.

    ``lock()`` hands the workspace to ``deleteLater``, which the ended event loop never
    runs; otherwise those widgets would be left to the interpreter's last garbage
    collection, in no particular order, after Qt's own objects. (The aborts at exit seen
    with PySide6 6.12.0 were that release's defect, see ui/binding_check.py, not this.)
    """
    import gc

    from PySide6.QtCore import QCoreApplication, QEvent, QThreadPool
    from shiboken6 import delete, isValid

    # A background task (the automatic backup, the charts' preload) may still be running;
    # Python must not be torn down under it.
    QThreadPool.globalInstance().waitForDone(60_000)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    if isValid(window):
        delete(window)
    gc.collect()
