"""Run slow work (key derivation, exports, demo generation) off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from shiboken6 import isValid


class _Signals(QObject):
    ended = Signal()  # the outcome waits in the task's Outcome, read on the GUI thread
    # object, not str: a progress Message (services) would lose its template as a QString.
    progress = Signal(int, object)


class _Outcome:
    """What ``fn`` returned or raised, handed over without a worker ever holding the last
    reference to it, or to ``fn``: the object freed by the last release is freed on that
    thread, and ``fn`` often holds a widget (``lambda: ... self ...``). A dialog that ran
    exec() belongs to Python (PySide's rule), so a worker dropping the last reference to it
    deleted the QDialog on the worker thread, under the GUI thread's feet (tests/ui/
    test_worker_releases.py). So the GUI thread keeps ``fn`` too, the worker lets go of
    everything before it says it ended, and the GUI thread empties this box."""

    def __init__(self, fn: Callable[..., Any]) -> None:
        self.fn: Callable[..., Any] | None = fn
        self.result: list[tuple[bool, Any]] = []

    def take(self) -> tuple[bool, Any]:
        self.fn = None
        return self.result.pop()


def _call_into(outcome: _Outcome, *args: Any) -> None:
    fn = outcome.fn
    assert fn is not None
    try:
        outcome.result.append((True, fn(*args)))
    except BaseException as exc:  # noqa: BLE001 - every failure goes back to the GUI
        outcome.result.append((False, exc))


class _Task(QRunnable):
    def __init__(self, outcome: _Outcome, signals: _Signals, with_progress: bool) -> None:
        super().__init__()
        self._outcome = outcome
        self._signals = signals
        self._with_progress = with_progress
        self.setAutoDelete(True)

    @Slot()
    def run(self) -> None:
        signals = self._signals
        try:
            if self._with_progress:
                _call_into(
                    self._outcome, lambda pct, text="": signals.progress.emit(int(pct), text)
                )
            else:
                _call_into(self._outcome)
            # Nothing of the caller's is held here any more (see _Outcome).
            signals.ended.emit()
        except RuntimeError:
            # The application quit while this task ran; there is no one left to tell.
            pass


MIN_WORKERS = 4
_KEEP: dict[_Signals, _Outcome] = {}


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
    outcome = _Outcome(fn)
    _KEEP[signals] = outcome

    def owner_gone() -> bool:
        return owner is not None and not isValid(owner)

    def ended() -> None:
        _KEEP.pop(signals, None)
        succeeded, value = outcome.take()
        if owner_gone():
            return
        if succeeded:
            on_done(value)
        else:
            on_error(value)

    def progress(percent: int, text: str) -> None:
        if on_progress is not None and not owner_gone():
            on_progress(percent, text)

    signals.ended.connect(ended)
    if on_progress is not None:
        signals.progress.connect(progress)
    pool = QThreadPool.globalInstance()
    # On a two-core machine Qt allows two workers; a slow one (a backup, a word list, a
    # history read) must not hold up the others, so a few more may run at once.
    if pool.maxThreadCount() < MIN_WORKERS:
        pool.setMaxThreadCount(MIN_WORKERS)
    pool.start(_Task(outcome, signals, on_progress is not None))
