"""Trends use case: build every series of the dashboard for a date range.

The whole history is read once (check-ins scored with their rolling baseline, questionnaire
results, the numbers of each reflection) and cached until the data changes, so choosing
another range only slices lists in memory and rebuilds the series: well under the 150 ms
re-render budget on a ten-year profile.
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


@dataclass
class _Snapshot:
    version: tuple[object, ...]
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

    def range(self, key: str, start: date | None = None, end: date | None = None) -> DateRange:
        return date_range(key, self._today(), start, end)

    def invalidate(self) -> None:
        """Forget the cached history (the next build re-reads everything)."""
        self._snapshot = None

    def _load(self) -> _Snapshot:
        version = self._source.data_version()
        if self._snapshot is not None and self._snapshot.version == version:
            return self._snapshot
        history = self._checkins.scored_history()
        results = sorted(self._instruments.results(), key=lambda r: r.taken_at)
        points = self._source.reflection_points()
        definitions = {d.id: d for d in self._instruments.definitions()}
        self._snapshot = _Snapshot(
            version,
            history,
            [h.checkin.taken_at for h in history],
            results,
            [r.taken_at for r in results],
            points,
            [p.occurred_at for p in points],
            definitions,
        )
        return self._snapshot

    def snapshot(self) -> _Snapshot:
        """Read (or reuse) the whole history; a worker thread can call this on a separate
        session and hand the result to ``adopt`` on the GUI's service."""
        return self._load()

    def adopt(self, snapshot: _Snapshot) -> None:
        """Use a history read on another connection if the data has not changed since.

        A version's first element is its connection's own change counter, which differs
        between connections; the table aggregates after it are what must match.
        """
        current = self._source.data_version()
        if tuple(snapshot.version[1:]) == tuple(current[1:]):
            snapshot.version = current
            self._snapshot = snapshot

    def first_day(self) -> date | None:
        """The earliest day anything was recorded (for the custom range picker)."""
        snap = self._load()
        firsts = [t[0] for t in (snap.history_times, snap.result_times, snap.point_times) if t]
        return min(firsts).date() if firsts else None

    def build(self, span: DateRange) -> TrendsData:
        """Every series of the dashboard for ``span``; only the first call reads the database."""
        snap = self._load()
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
