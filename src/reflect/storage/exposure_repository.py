"""Shift logs, breaks, self-checks and after-work checks; returns domain objects, never rows."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import Any, TypeVar

import sqlite_utils

from reflect.domain.errors import ValidationError
from reflect.domain.exposure import Break, ShiftLog
from reflect.domain.recovery import SelfCheck

SHIFT_COLUMNS = (
    "id, day, hours, encounters, disclosures, material, crises, critical, outline, "
    "reflection_id, created_at"
)
T = TypeVar("T")
CHECK_COLUMNS = "id, shift_id, kind, due_on, status, closed_at, answers"


def _shift_row(log: ShiftLog) -> dict[str, Any]:
    return {
        "day": log.day.isoformat(),
        "hours": log.hours,
        "encounters": log.encounters,
        "disclosures": log.disclosures,
        "material": log.material,
        "crises": log.crises,
        "critical": 1 if log.critical else 0,
        "outline": log.outline,
        "reflection_id": log.reflection_id,
        "created_at": (log.created_at or datetime.now()).isoformat(timespec="seconds"),
    }


def _shift(row: tuple[Any, ...]) -> ShiftLog:
    (id_, day, hours, encounters, disclosures, material, crises, critical, outline, rid, at) = row
    return ShiftLog(
        day=date.fromisoformat(day),
        hours=None if hours is None else float(hours),
        encounters=encounters,
        disclosures=disclosures,
        material=material,
        crises=crises,
        critical=bool(critical),
        outline=outline or "",
        reflection_id=rid,
        created_at=datetime.fromisoformat(at) if at else None,
        id=id_,
    )


def _check_row(check: SelfCheck) -> dict[str, Any]:
    return {
        "shift_id": check.shift_id,
        "kind": check.kind,
        "due_on": check.due.isoformat(),
        "status": check.status,
        "closed_at": check.closed_at.isoformat(timespec="seconds") if check.closed_at else None,
        "answers": json.dumps(check.answers, sort_keys=True) if check.answers else None,
    }


def _check(row: tuple[Any, ...]) -> SelfCheck:
    id_, shift_id, kind, due_on, status, closed_at, answers = row
    decoded = json.loads(answers) if answers else {}
    if not isinstance(decoded, dict):
        raise ValueError("self-check answers are not a mapping")
    return SelfCheck(
        answers=decoded,
        kind=kind,
        due=date.fromisoformat(due_on),
        status=status,
        shift_id=shift_id,
        closed_at=datetime.fromisoformat(closed_at) if closed_at else None,
        id=id_,
    )


# A row another Reflect or a hostile archive merged in (storage/merge.py copies rows as they
# are) may not make a valid domain object: such a row is left out of what is read, never
# allowed to raise into the interface.
_UNREADABLE = (ValueError, TypeError, AttributeError, ValidationError)


def _readable(rows: Iterable[tuple[Any, ...]], convert: Callable[[tuple[Any, ...]], T]) -> list[T]:
    found = []
    for row in rows:
        try:
            found.append(convert(row))
        except _UNREADABLE:
            continue
    return found


class ExposureRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    # --- shift logs -------------------------------------------------------------------------

    def add_shift(self, log: ShiftLog, checks: Iterable[SelfCheck] = ()) -> ShiftLog:
        """Save a shift and, in the same transaction, the self-checks offered for it."""
        with self._db.atomic():
            table = self._db.table("shift_logs")
            table.insert(_shift_row(log))
            new_id = int(table.last_pk or 0)
            for check in checks:
                row = _check_row(check)
                row["shift_id"] = new_id
                self._db.table("shift_self_checks").insert(row)
        return self.get_shift(new_id)

    def add_shifts(self, logs: Iterable[ShiftLog]) -> int:
        """Many at once (demo data, benchmarks); all or nothing."""
        rows = [_shift_row(log) for log in logs]
        with self._db.atomic():
            self._db.table("shift_logs").insert_all(rows, batch_size=500)
        return len(rows)

    def update_shift(self, log: ShiftLog) -> ShiftLog:
        if log.id is None:
            raise ValueError("Cannot update a shift that was never saved.")
        row = _shift_row(log)
        row.pop("created_at")
        with self._db.atomic():
            self._db.table("shift_logs").update(log.id, row)
        return self.get_shift(log.id)

    def delete_shift(self, shift_id: int) -> None:
        """The shift and its self-checks: an offer about a deleted log has no reason to stay."""
        with self._db.atomic():
            self._db.execute("DELETE FROM shift_self_checks WHERE shift_id = ?", [shift_id])
            self._db.execute("DELETE FROM shift_logs WHERE id = ?", [shift_id])

    def link_reflection(self, shift_ids: Iterable[int], reflection_id: int | None) -> None:
        with self._db.atomic():
            for shift_id in shift_ids:
                self._db.execute(
                    "UPDATE shift_logs SET reflection_id = ? WHERE id = ?",
                    [reflection_id, shift_id],
                )

    def get_shift(self, shift_id: int) -> ShiftLog:
        row = self._db.execute(
            f"SELECT {SHIFT_COLUMNS} FROM shift_logs WHERE id = ?", [shift_id]
        ).fetchone()
        if row is None:
            raise KeyError(shift_id)
        return _shift(row)

    def shifts(self, since: date | None = None, until: date | None = None) -> list[ShiftLog]:
        """Oldest first, optionally within [since, until]."""
        clauses, params = [], []
        if since is not None:
            clauses.append("day >= ?")
            params.append(since.isoformat())
        if until is not None:
            clauses.append("day <= ?")
            params.append(until.isoformat())
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        sql = f"SELECT {SHIFT_COLUMNS} FROM shift_logs {where} ORDER BY day, id"
        return _readable(self._db.execute(sql, params), _shift)

    def shifts_for_reflection(self, reflection_id: int) -> list[ShiftLog]:
        sql = f"SELECT {SHIFT_COLUMNS} FROM shift_logs WHERE reflection_id = ? ORDER BY day, id"
        return _readable(self._db.execute(sql, [reflection_id]), _shift)

    def shift_count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM shift_logs").fetchone()[0])

    # --- breaks -----------------------------------------------------------------------------

    def add_break(self, span: Break) -> Break:
        with self._db.atomic():
            table = self._db.table("breaks")
            table.insert(
                {
                    "start_day": span.start.isoformat(),
                    "end_day": span.end.isoformat(),
                    "kind": span.kind,
                }
            )
            new_id = int(table.last_pk or 0)
        return Break(span.start, span.end, span.kind, new_id)

    def add_breaks(self, spans: Iterable[Break]) -> int:
        rows = [
            {"start_day": s.start.isoformat(), "end_day": s.end.isoformat(), "kind": s.kind}
            for s in spans
        ]
        with self._db.atomic():
            self._db.table("breaks").insert_all(rows, batch_size=500)
        return len(rows)

    def delete_break(self, break_id: int) -> None:
        with self._db.atomic():
            self._db.execute("DELETE FROM breaks WHERE id = ?", [break_id])

    def breaks(self, since: date | None = None, until: date | None = None) -> list[Break]:
        """Breaks overlapping [since, until], oldest first."""
        clauses, params = [], []
        if since is not None:
            clauses.append("end_day >= ?")
            params.append(since.isoformat())
        if until is not None:
            clauses.append("start_day <= ?")
            params.append(until.isoformat())
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        sql = f"SELECT id, start_day, end_day, kind FROM breaks {where} ORDER BY start_day, id"
        return _readable(
            self._db.execute(sql, params),
            lambda r: Break(date.fromisoformat(r[1]), date.fromisoformat(r[2]), r[3], r[0]),
        )

    # --- self-checks ------------------------------------------------------------------------

    def add_checks(self, checks: Iterable[SelfCheck]) -> int:
        rows = [_check_row(c) for c in checks]
        with self._db.atomic():
            self._db.table("shift_self_checks").insert_all(rows, batch_size=500)
        return len(rows)

    def save_check(self, check: SelfCheck) -> SelfCheck:
        if check.id is None:
            raise ValueError("Cannot update a self-check that was never saved.")
        with self._db.atomic():
            self._db.table("shift_self_checks").update(check.id, _check_row(check))
        return self.get_check(check.id)

    def get_check(self, check_id: int) -> SelfCheck:
        row = self._db.execute(
            f"SELECT {CHECK_COLUMNS} FROM shift_self_checks WHERE id = ?", [check_id]
        ).fetchone()
        if row is None:
            raise KeyError(check_id)
        return _check(row)

    def checks(self, *, pending_only: bool = False) -> list[SelfCheck]:
        where = "WHERE status = 'pending'" if pending_only else ""
        sql = f"SELECT {CHECK_COLUMNS} FROM shift_self_checks {where} ORDER BY due_on, id"
        return _readable(self._db.execute(sql), _check)

    # --- after-work checks ------------------------------------------------------------------

    def add_after_work(self, taken_at: datetime, switched_off: int | None, helped: str) -> int:
        with self._db.atomic():
            table = self._db.table("after_work_checks")
            table.insert(
                {
                    "taken_at": taken_at.isoformat(timespec="seconds"),
                    "switched_off": switched_off,
                    "helped": helped,
                }
            )
            return int(table.last_pk or 0)

    def delete_after_work(self, check_id: int) -> None:
        with self._db.atomic():
            self._db.execute("DELETE FROM after_work_checks WHERE id = ?", [check_id])

    def after_work(self, since: datetime | None = None) -> list[tuple[datetime, int | None, str]]:
        params: list[str] = []
        where = ""
        if since is not None:
            where, params = "WHERE taken_at >= ?", [since.isoformat(timespec="seconds")]
        sql = (
            "SELECT taken_at, switched_off, helped FROM after_work_checks "
            f"{where} ORDER BY taken_at"
        )
        return _readable(
            self._db.execute(sql, params),
            lambda r: (datetime.fromisoformat(r[0]), r[1], str(r[2] or "")),
        )
