"""The one owner of the Trends data: the cache, the worker threads and when to read.

Opening the workspace must stay quick, so the first request imports matplotlib and reads
the first range's history on a worker thread (its own connection). A moment after that
first chart, the whole history is read the same way, so a wider range then draws at once
from the cache (services/trends.py): ``request`` answers with ``ready(data)`` at once when
the cache covers the range, and after a background read otherwise. The cache knows when
stored data changed (a revision counter); the loader follows the change events and says
``changed`` so the screen asks again. The screen only draws.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from reflect.domain.trends import DateRange
from reflect.services.events import ChangeKind
from reflect.services.session import Session
from reflect.ui.data_events import follow
from reflect.ui.error_text import message_in_language
from reflect.ui.i18n import tr
from reflect.ui.workers import run_in_background

if TYPE_CHECKING:
    from reflect.services.exposure import ExposureView
    from reflect.services.trends import TrendsService

HISTORY_READ_DELAY_MS = 1500
TRENDS_SHOW: tuple[ChangeKind, ...] = (
    "reflections_changed",
    "checkins_changed",
    "results_changed",
    "exposure_changed",
)


def _warm_up(session: Session, since: datetime | None) -> object:
    """Worker thread: import matplotlib and the charts, read the first range's history on a
    second connection (the rest follows in ``_read_history``)."""
    import matplotlib.figure  # noqa: F401 - the slow import, done here rather than on the GUI

    import reflect.charts.categories  # noqa: F401

    return _read_history(session, since)


def _read_history(session: Session, since: datetime | None = None) -> object:
    """Worker thread: the history from ``since`` (all of it by default), on its own connection."""
    from reflect.services.worker_session import separate_session

    with separate_session(session) as second:
        return second.trends.snapshot(since)


class TrendsLoader(QObject):
    ready = Signal(object)  # TrendsData of the range last requested
    reading = Signal()  # that range needs a history read first (about a second)
    prepare_failed = Signal(str)  # the first read failed: no charts can be drawn
    read_failed = Signal(str)  # a wider range could not be read
    history_read = Signal()  # the whole history is cached: every range draws at once
    changed = Signal()  # stored data the charts show changed: request again to redraw

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.prepared = False  # matplotlib is imported and a first history was offered
        self._preparing = False
        self._reading = False  # a whole-history read is running on a worker thread
        self._waiting: DateRange | None = None  # the range answered once a read is done
        # The shifts and breaks of the range on screen: small (a few thousand rows for ten
        # years), read on the GUI thread when a tab needs them, forgotten on any change.
        self._exposure: tuple[DateRange, ExposureView] | None = None
        follow(session, TRENDS_SHOW, self._on_data_changed, self)

    @property
    def trends(self) -> TrendsService:
        return self.session.trends

    def request(self, span: DateRange) -> None:
        """Answer with ``ready`` for ``span``: now from the cache, or after a background read."""
        if not self.prepared:
            self._waiting = span
            self._prepare(span)
            return
        if self.trends.covers(span):
            self._waiting = None
            self.ready.emit(self.trends.build(span))
            return
        # Reading years of history takes about a second: never on the GUI thread.
        self._waiting = span
        self.reading.emit()
        self._read_in_background()

    def exposure(self, span: DateRange) -> ExposureView:
        """The shifts and breaks logged in ``span`` (for the Exposure and Heavy days tabs)."""
        if self._exposure is None or self._exposure[0] != span:
            self._exposure = (span, self.session.exposure.view(span.start, span.end))
        return self._exposure[1]

    def _on_data_changed(self) -> None:
        self._exposure = None  # the history cache checks its own revision counter
        self.changed.emit()

    def prepare_now(self) -> None:
        """Skip the background warm-up (benchmarks: matplotlib loads on the GUI thread)."""
        self.prepared = True

    # --- the first read -------------------------------------------------------------------

    def _prepare(self, span: DateRange) -> None:
        if self._preparing:
            return
        self._preparing = True
        since = span.since
        run_in_background(
            lambda: _warm_up(self.session, since),
            self._on_prepared,
            self._on_prepare_failed,
            owner=self,
        )

    def _on_prepared(self, snapshot: Any) -> None:
        self._preparing = False
        if not self.session.is_open or self.prepared:
            return
        self.prepared = True
        self.trends.adopt(snapshot)
        waiting, self._waiting = self._waiting, None
        if waiting is not None:
            self.request(waiting)
        # Read the rest so a wider range is ready when chosen, but only once the first chart
        # is on screen: the read competes with drawing for the interpreter.
        QTimer.singleShot(HISTORY_READ_DELAY_MS, self, self._read_rest)

    def _on_prepare_failed(self, error: BaseException) -> None:
        self._preparing = False
        if self.session.is_open and not self.prepared:
            self.prepare_failed.emit(
                tr("The charts could not be prepared: {error}").format(
                    error=message_in_language(error)
                )
            )

    # --- the whole history ----------------------------------------------------------------

    def _read_rest(self) -> None:
        # Skipped when a wider range already read everything (no second copy in memory).
        if self.session.is_open and not self.trends.covers(self.trends.range("all")):
            self._read_in_background()

    def _read_in_background(self) -> None:
        if self._reading:
            return
        self._reading = True
        run_in_background(
            lambda: _read_history(self.session),
            self._on_history_read,
            self._on_history_failed,
            owner=self,
        )

    def _on_history_read(self, snapshot: Any) -> None:
        self._reading = False
        if not self.session.is_open:
            return
        self.trends.adopt(snapshot)
        if self._waiting is not None:
            waiting, self._waiting = self._waiting, None
            if self.trends.covers(waiting):
                self.ready.emit(self.trends.build(waiting))
            else:  # the data changed while reading: read again
                self._waiting = waiting
                self._read_in_background()
        self.history_read.emit()

    def _on_history_failed(self, error: BaseException) -> None:
        self._reading = False
        if self.session.is_open and self._waiting is not None:
            self._waiting = None
            self.read_failed.emit(
                tr("Your history could not be read: {error}").format(
                    error=message_in_language(error)
                )
            )
