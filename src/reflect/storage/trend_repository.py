"""Read-only queries for the trends dashboard: only the numbers, never the text.

The reflections table holds answers as JSON; pulling just the intensity, the four practice
ratings and the stage with ``json_extract`` reads ten years (10,000 rows) in one pass
without building full Reflection objects (which would also load every follow-up).
"""

from __future__ import annotations

from datetime import datetime

import sqlite_utils

from reflect.domain.reflection import PRACTICE_AREAS, STAGE_OF_CHANGE_FIELD, rating_key
from reflect.domain.trends import ReflectionPoint

_RATING_COLUMNS = ", ".join(
    f"json_extract(answers, '$.\"{rating_key(area)}\"')" for area in PRACTICE_AREAS
)


class TrendRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    def reflection_points(
        self, since: datetime | None = None, until: datetime | None = None
    ) -> list[ReflectionPoint]:
        """Oldest first, within [since, until] when given."""
        clauses, params = [], []
        if since is not None:
            clauses.append("occurred_at >= ?")
            params.append(since.isoformat(timespec="seconds"))
        if until is not None:
            clauses.append("occurred_at <= ?")
            params.append(until.isoformat(timespec="seconds"))
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        sql = (
            f"SELECT occurred_at, intensity, {_RATING_COLUMNS}, "
            f"json_extract(answers, '$.{STAGE_OF_CHANGE_FIELD}') "
            f"FROM reflections {where} ORDER BY occurred_at, id"
        )
        points = []
        for row in self._db.execute(sql, params):
            ratings = {
                area: value
                for area, value in zip(PRACTICE_AREAS, row[2:6], strict=True)
                if isinstance(value, int) and 1 <= value <= 5
            }
            points.append(ReflectionPoint(datetime.fromisoformat(row[0]), row[1], ratings, row[6]))
        return points

    def first_moment(self) -> datetime | None:
        """When the earliest reflection, check-in or result happened (indexed minimums)."""
        row = self._db.execute(
            "SELECT (SELECT min(occurred_at) FROM reflections), "
            "(SELECT min(taken_at) FROM checkins), "
            "(SELECT min(taken_at) FROM instrument_results)"
        ).fetchone()
        found = [datetime.fromisoformat(value) for value in row if value]
        return min(found) if found else None

    def data_version(self) -> tuple[object, ...]:
        """Changes whenever a reflection, check-in or result is added, edited or deleted.

        Cheap (about 2 ms on ten years: counts and largest ids, no full scan), so the
        dashboard can keep its cache until something really changed. The first element is
        this connection's own change counter (any write here, even an edit within the same
        second) with SQLite's ``data_version`` (a commit by another connection); both differ
        between connections, so a history read elsewhere is matched on the rest only.
        """
        row = self._db.execute(
            "SELECT (SELECT count(*) FROM reflections), "
            "(SELECT coalesce(max(id), 0) FROM reflections), "
            "(SELECT count(*) FROM checkins), (SELECT coalesce(max(id), 0) FROM checkins), "
            "(SELECT count(*) FROM instrument_results), "
            "(SELECT coalesce(max(id), 0) FROM instrument_results)"
        ).fetchone()
        changes = self._db.execute("PRAGMA data_version").fetchone()[0]
        return ((self._db.conn.total_changes, changes), *row)
