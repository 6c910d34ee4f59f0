"""Trends use case: build every series of the dashboard for a date range.

The history (check-ins scored with their rolling baseline, questionnaire results, the numbers
of each reflection) is read once and cached until the data changes, so choosing another range
only slices lists in memory and builds the chart on screen: well under the 150 ms re-render
budget on a ten-year profile. Reading all ten years takes about a second, so the dashboard
first reads only the range it opens on (``snapshot(since)``), draws, and reads the rest on a
worker thread; ``covers`` tells it whether a range can be drawn without reading.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol, TypeVar

from reflect.domain.checkin import InstrumentResult
from reflect.domain.checkin_scoring import ScoredCheckIn
from reflect.domain.instruments import InstrumentDefinition
from reflect.domain.trends import DateRange, ReflectionPoint, TrendsData, build_trends, date_range
from reflect.services.checkins import CheckinService
from reflect.services.instruments import InstrumentService

T = TypeVar("T")


class TrendSource(Protocol):
    def reflection_points(
        self, since: datetime | None = None, until: datetime | None = None
    ) -> list[ReflectionPoint]: ...
    def data_version(self) -> tuple[object, ...]: ...
    def first_moment(self) -> datetime | None: ...


@dataclass
class _Snapshot:
    version: tuple[object, ...]
    since: datetime | None  # None: the whole history
    history: list[ScoredCheckIn]
    history_times: list[datetime]
    results: list[InstrumentResult]
    result_times: list[datetime]
    points: list[ReflectionPoint]
    point_times: list[datetime]
    definitions: dict[str, InstrumentDefinition]


def _slice(items: list[T], times: list[datetime], span: DateRange) -> list[T]:
    low = 0 if span.since is None else bisect_left(times, span.since)
    high = bisect_right(times, span.until)
    return items[low:high]


class TrendsService:
    def __init__(
        self,
        checkins: CheckinService,
        instruments: InstrumentService,
        source: TrendSource,
        today: Callable[[], date] = date.today,
    ) -> None:
        self._checkins = checkins
        self._instruments = instruments
        self._source = source
        self._today = today
        self._snapshot: _Snapshot | None = None

    def today(self) -> date:
        return self._today()

    def range(self, key: str, start: date | None = None, end: date | None = None) -> DateRange:
        return date_range(key, self._today(), start, end)

    def invalidate(self) -> None:
        """Forget the cached history (the next build re-reads everything)."""
        self._snapshot = None

    def _read(self, since: datetime | None) -> _Snapshot:
        version = self._source.data_version()
        history = self._checkins.scored_history(since)
        results = sorted(self._instruments.results(since=since), key=lambda r: r.taken_at)
        points = self._source.reflection_points(since)
        definitions = {d.id: d for d in self._instruments.definitions()}
        return _Snapshot(
            version,
            since,
            history,
            [h.checkin.taken_at for h in history],
            results,
            [r.taken_at for r in results],
            points,
            [p.occurred_at for p in points],
            definitions,
        )

    def covers(self, span: DateRange) -> bool:
        """True when ``span`` can be drawn from the cache, without reading the database."""
        snap = self._snapshot
        if snap is None or snap.version != self._source.data_version():
            return False
        return snap.since is None or (span.since is not None and span.since >= snap.since)

    def _load(self, span: DateRange | None = None) -> _Snapshot:
        if span is not None and self.covers(span):
            assert self._snapshot is not None
            return self._snapshot
        snap = self._snapshot
        if (
            span is None
            and snap is not None
            and snap.since is None
            and snap.version == self._source.data_version()
        ):
            return snap
        self._snapshot = self._read(None)
        return self._snapshot

    def snapshot(self, since: datetime | None = None) -> _Snapshot:
        """Read (or reuse) the history from ``since`` (all of it by default); a worker thread
        can call this on a separate session and hand the result to ``adopt``."""
        if since is not None:
            span = DateRange("custom", since.date(), self._today())
            if self.covers(span):
                assert self._snapshot is not None
                return self._snapshot
            return self._read(since)
        return self._load()

    def adopt(self, snapshot: _Snapshot) -> None:
        """Use a history read on another connection if the data has not changed since.

        The data revision reads the same on every connection and was taken before the read
        began, so a write that landed during the read makes the snapshot stale. A partial
        history never replaces a complete one that is still current.
        """
        current = self._source.data_version()
        if snapshot.version != current:
            return
        mine = self._snapshot
        complete = mine is not None and mine.version == current and mine.since is None
        if complete and snapshot.since is not None:
            return
        self._snapshot = snapshot

    def first_day(self) -> date | None:
        """The earliest day anything was recorded (for the custom range picker)."""
        first = self._source.first_moment()
        return first.date() if first is not None else None

    def build(self, span: DateRange) -> TrendsData:
        """Every series of the dashboard for ``span``; reads the database only when the cache
        does not cover ``span`` (see ``covers``)."""
        snap = self._load(span)
        return build_trends(
            span,
            _slice(snap.history, snap.history_times, span),
            _slice(snap.results, snap.result_times, span),
            snap.definitions,
            _slice(snap.points, snap.point_times, span),
        )

    def build_for(self, key: str, start: date | None = None, end: date | None = None) -> TrendsData:
        return self.build(self.range(key, start, end))

    @staticmethod
    def counts(data: TrendsData) -> dict[str, int]:
        """How much each chart has to show (for summaries and tests)."""
        return {
            "checkins": data.checkin_count,
            "reflections": data.reflection_count,
            "results": data.result_count,
        }
