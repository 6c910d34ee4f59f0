"""Run slow work (key derivation, exports, demo generation) off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from shiboken6 import isValid


class _Signals(QObject):
    finished = Signal(object)
    failed = Signal(object)
    # object, not str: a progress Message (services) would lose its template as a QString.
    progress = Signal(int, object)


class _Task(QRunnable):
    def __init__(self, fn: Callable[..., Any], signals: _Signals, with_progress: bool) -> None:
        super().__init__()
        self._fn = fn
        self._signals = signals
        self._with_progress = with_progress
        self.setAutoDelete(True)

    @Slot()
    def run(self) -> None:
        try:
            try:
                if self._with_progress:
                    result = self._fn(
                        lambda pct, text="": self._signals.progress.emit(int(pct), text)
                    )
                else:
                    result = self._fn()
            except BaseException as exc:  # noqa: BLE001 - every failure goes back to the GUI
                self._signals.failed.emit(exc)
            else:
                self._signals.finished.emit(result)
        except RuntimeError:
            # The application quit while this task ran; there is no one left to tell.
            pass


MIN_WORKERS = 4
_KEEP: set[_Signals] = set()


def run_in_background(
    fn: Callable[..., Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    on_progress: Callable[[int, str], None] | None = None,
    *,
    owner: QObject | None = None,
) -> None:
    """Call ``fn`` on a worker thread; the callbacks run on the GUI thread.

    The rule for background work: ``fn`` opens its own connection (see
    services/worker_session.py), never the GUI's. With ``owner`` (the widget that asked),
    no callback runs once that widget has been destroyed, say by locking meanwhile.
    With ``on_progress``, ``fn`` receives a ``report(percent, text)`` callable.
    """
    signals = _Signals()
    _KEEP.add(signals)

    def owner_gone() -> bool:
        return owner is not None and not isValid(owner)

    def finish(result: Any) -> None:
        _KEEP.discard(signals)
        if not owner_gone():
            on_done(result)

    def fail(exc: BaseException) -> None:
        _KEEP.discard(signals)
        if not owner_gone():
            on_error(exc)

    def progress(percent: int, text: str) -> None:
        if on_progress is not None and not owner_gone():
            on_progress(percent, text)

    signals.finished.connect(finish)
    signals.failed.connect(fail)
    if on_progress is not None:
        signals.progress.connect(progress)
    pool = QThreadPool.globalInstance()
    # On a two-core machine Qt allows two workers; a slow one (a backup, a word list, a
    # history read) must not hold up the others, so a few more may run at once.
    if pool.maxThreadCount() < MIN_WORKERS:
        pool.setMaxThreadCount(MIN_WORKERS)
    pool.start(_Task(fn, signals, on_progress is not None))
