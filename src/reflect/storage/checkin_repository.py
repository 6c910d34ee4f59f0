"""Check-ins in the encrypted database; returns CheckIn objects, never rows."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from datetime import datetime
from typing import Any

import sqlite_utils

from reflect.domain.checkin import CheckIn

COLUMNS = "id, taken_at, item_scores, sleep, energy, helping, helped_note, note"


def _row(checkin: CheckIn) -> dict[str, Any]:
    return {
        "taken_at": checkin.taken_at.isoformat(timespec="seconds"),
        "item_scores": json.dumps(checkin.item_scores, sort_keys=True),
        "sleep": checkin.sleep,
        "energy": checkin.energy,
        "helping": json.dumps(checkin.helping, sort_keys=True),
        "helped_note": checkin.helped_note,
        "note": checkin.note,
    }


def _interned(values: Any) -> Any:
    # Ten years of check-ins repeat the same few dozen item ids: one string each, not one
    # per check-in (about 6 MB of the Trends cache).
    if not isinstance(values, dict):
        return values
    return {sys.intern(k) if isinstance(k, str) else k: v for k, v in values.items()}


def _checkin(row: tuple[Any, ...]) -> CheckIn:
    id_, taken_at, item_scores, sleep, energy, helping, helped_note, note = row
    return CheckIn(
        id=id_,
        taken_at=datetime.fromisoformat(taken_at),
        item_scores=_interned(json.loads(item_scores or "{}")),
        sleep=sleep,
        energy=energy,
        helping=_interned(json.loads(helping or "{}")),
        helped_note=helped_note or "",
        note=note or "",
    )


class CheckinRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    def add(self, checkin: CheckIn) -> CheckIn:
        with self._db.atomic():
            table = self._db.table("checkins")
            table.insert(_row(checkin))
            new_id = table.last_pk
        return self.get(int(new_id or 0))

    def add_many(self, checkins: Iterable[CheckIn]) -> int:
        """Insert many in one transaction (demo data, imports); all or nothing."""
        rows = [_row(c) for c in checkins]
        with self._db.atomic():
            self._db.table("checkins").insert_all(rows, batch_size=500)
        return len(rows)

    def update(self, checkin: CheckIn) -> CheckIn:
        if checkin.id is None:
            raise ValueError("Cannot update a check-in that was never saved.")
        with self._db.atomic():
            self._db.table("checkins").update(checkin.id, _row(checkin))
        return self.get(checkin.id)

    def delete(self, checkin_id: int) -> None:
        with self._db.atomic():
            self._db.execute("DELETE FROM checkins WHERE id = ?", [checkin_id])

    def get(self, checkin_id: int) -> CheckIn:
        row = self._db.execute(
            f"SELECT {COLUMNS} FROM checkins WHERE id = ?", [checkin_id]
        ).fetchone()
        if row is None:
            raise KeyError(checkin_id)
        return _checkin(row)

    def find(self, since: datetime | None = None, until: datetime | None = None) -> list[CheckIn]:
        """Oldest first, optionally within [since, until]."""
        clauses, params = [], []
        if since is not None:
            clauses.append("taken_at >= ?")
            params.append(since.isoformat(timespec="seconds"))
        if until is not None:
            clauses.append("taken_at <= ?")
            params.append(until.isoformat(timespec="seconds"))
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        sql = f"SELECT {COLUMNS} FROM checkins {where} ORDER BY taken_at, id"
        return [_checkin(row) for row in self._db.execute(sql, params)]

    def recent(self, limit: int) -> list[CheckIn]:
        """The last ``limit`` check-ins, oldest first (enough for a baseline and a streak)."""
        rows = self._db.execute(
            f"SELECT {COLUMNS} FROM checkins ORDER BY taken_at DESC, id DESC LIMIT ?", [limit]
        ).fetchall()
        return [_checkin(row) for row in reversed(rows)]

    def latest(self) -> CheckIn | None:
        found = self.recent(1)
        return found[0] if found else None

    def count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM checkins").fetchone()[0])
