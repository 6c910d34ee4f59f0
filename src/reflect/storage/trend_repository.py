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
from reflect.storage.migrations import REVISION_TABLE

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
        """The data revision: moves on every insert, edit or delete of a reflection, check-in
        or result, on any connection (triggers keep it; see migrations.add_revision_triggers).
        """
        row = self._db.execute(f"SELECT value FROM {REVISION_TABLE} WHERE id = 1").fetchone()
        return (row[0] if row else 0,)
