"""Read-only day lookups for the journal's month view and the "on this day" card.

Dates are stored as ISO text, so the day is the first ten characters: one indexed range
scan per month, grouped in SQL, whatever the size of the journal.
"""

from __future__ import annotations

from datetime import date

import sqlite_utils


class JournalCalendarRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    def _days(self, table: str, column: str, first: date, last: date) -> dict[date, int]:
        rows = self._db.execute(
            f"SELECT substr({column}, 1, 10), count(*) FROM {table} "
            f"WHERE {column} >= ? AND {column} < ? GROUP BY 1",
            [first.isoformat(), date.fromordinal(last.toordinal() + 1).isoformat()],
        ).fetchall()
        return {date.fromisoformat(day): count for day, count in rows}

    def reflection_days(self, first: date, last: date) -> dict[date, int]:
        return self._days("reflections", "occurred_at", first, last)

    def checkin_days(self, first: date, last: date) -> set[date]:
        return set(self._days("checkins", "taken_at", first, last))

    def reflection_ids_on(self, day: date) -> list[int]:
        rows = self._db.execute(
            "SELECT id FROM reflections WHERE occurred_at >= ? AND occurred_at < ? "
            "ORDER BY occurred_at, id",
            [day.isoformat(), date.fromordinal(day.toordinal() + 1).isoformat()],
        ).fetchall()
        return [r[0] for r in rows]
