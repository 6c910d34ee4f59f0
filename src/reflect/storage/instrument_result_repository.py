"""Scored instrument results (answers, subscale scores and band ids) in the encrypted database."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from typing import Any

import sqlite_utils

from reflect.domain.checkin import InstrumentResult

COLUMNS = "id, instrument_id, taken_at, answers, scores, bands"


def _result(row: tuple[Any, ...]) -> InstrumentResult:
    id_, instrument_id, taken_at, answers, scores, bands = row
    return InstrumentResult(
        id=id_,
        instrument_id=instrument_id,
        taken_at=datetime.fromisoformat(taken_at),
        answers=json.loads(answers or "[]"),
        scores=json.loads(scores or "{}"),
        bands=json.loads(bands or "{}"),
    )


def _row(result: InstrumentResult) -> dict[str, Any]:
    return {
        "instrument_id": result.instrument_id,
        "taken_at": result.taken_at.isoformat(timespec="seconds"),
        "answers": json.dumps(result.answers),
        "scores": json.dumps(result.scores, sort_keys=True),
        "bands": json.dumps(result.bands, sort_keys=True),
    }


class InstrumentResultRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    def add(self, result: InstrumentResult) -> InstrumentResult:
        with self._db.atomic():
            table = self._db.table("instrument_results")
            table.insert(_row(result))
            new_id = table.last_pk
        return self.get(int(new_id or 0))

    def add_many(self, results: Iterable[InstrumentResult]) -> int:
        """Insert many in one transaction (demo data, imports); all or nothing."""
        rows = [_row(r) for r in results]
        with self._db.atomic():
            self._db.table("instrument_results").insert_all(rows, batch_size=500)
        return len(rows)

    def get(self, result_id: int) -> InstrumentResult:
        row = self._db.execute(
            f"SELECT {COLUMNS} FROM instrument_results WHERE id = ?", [result_id]
        ).fetchone()
        if row is None:
            raise KeyError(result_id)
        return _result(row)

    def delete(self, result_id: int) -> None:
        with self._db.atomic():
            self._db.execute("DELETE FROM instrument_results WHERE id = ?", [result_id])

    def find(
        self, instrument_id: str | None = None, since: datetime | None = None
    ) -> list[InstrumentResult]:
        """Oldest first."""
        clauses, params = [], []
        if instrument_id is not None:
            clauses.append("instrument_id = ?")
            params.append(instrument_id)
        if since is not None:
            clauses.append("taken_at >= ?")
            params.append(since.isoformat(timespec="seconds"))
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        sql = f"SELECT {COLUMNS} FROM instrument_results {where} ORDER BY taken_at, id"
        return [_result(row) for row in self._db.execute(sql, params)]

    def latest(self, instrument_id: str) -> InstrumentResult | None:
        row = self._db.execute(
            f"SELECT {COLUMNS} FROM instrument_results WHERE instrument_id = ? "
            "ORDER BY taken_at DESC, id DESC LIMIT 1",
            [instrument_id],
        ).fetchone()
        return None if row is None else _result(row)
