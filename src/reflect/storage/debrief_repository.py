"""Debriefs in the ``debriefs`` table; their agreed actions are ``follow_ups`` rows with
``debrief_id`` set, written through FollowUpRepository so both features share one table."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

import sqlite_utils

from reflect.domain.debrief import Debrief
from reflect.domain.reflection import FollowUp
from reflect.storage.follow_up_repository import FollowUpRepository

_COLUMNS = "id, title, supervisor, scheduled_for, created_at, completed_at, topics, shared, notes"
_ACTION_COLUMNS = "id, reflection_id, debrief_id, text, owner, due, done_at, created_at"


def _iso(value: datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") if value else None


def _when(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _row(debrief: Debrief) -> dict[str, Any]:
    return {
        "title": debrief.title,
        "supervisor": debrief.supervisor,
        "scheduled_for": _iso(debrief.scheduled_for),
        "created_at": _iso(debrief.created_at or datetime.now()),
        "completed_at": _iso(debrief.completed_at),
        "topics": json.dumps(debrief.topics),
        # A reflection shared in part carries its parts as a third element: old rows (two
        # elements) still read as "shared whole".
        "shared": json.dumps(
            [
                [*ref, list(debrief.parts[ref[1]])]
                if ref[0] == "reflection" and ref[1] in debrief.parts
                else list(ref)
                for ref in debrief.shared
            ]
        ),
        "notes": json.dumps(debrief.notes),
    }


def _debrief(row: tuple[Any, ...]) -> Debrief:
    did, title, supervisor, scheduled, created, completed, topics, shared, notes = row
    refs = json.loads(shared or "[]")
    return Debrief(
        title=title or "",
        supervisor=supervisor or "",
        scheduled_for=_when(scheduled),
        topics=[str(t) for t in json.loads(topics or "[]")],
        shared=[(str(ref[0]), str(ref[1])) for ref in refs],
        parts={str(ref[1]): tuple(str(p) for p in ref[2]) for ref in refs if len(ref) > 2},
        notes={str(k): str(v) for k, v in json.loads(notes or "{}").items()},
        completed_at=_when(completed),
        created_at=_when(created),
        id=did,
    )


def _action(row: tuple[Any, ...]) -> FollowUp:
    fid, reflection_id, debrief_id, text, owner, due, done_at, created_at = row
    return FollowUp(
        text=text or "",
        due=date.fromisoformat(due) if due else None,
        owner=owner or "",
        done_at=_when(done_at),
        reflection_id=reflection_id,
        debrief_id=debrief_id,
        created_at=_when(created_at),
        id=fid,
    )


class DebriefRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db
        self.actions = FollowUpRepository(db)

    def add(self, debrief: Debrief) -> Debrief:
        with self._db.atomic():
            table = self._db.table("debriefs")
            table.insert(_row(debrief), pk="id")
            new_id = int(table.last_pk)  # type: ignore[arg-type]
        return self.require(new_id)

    def update(self, debrief: Debrief) -> Debrief:
        if debrief.id is None:
            return self.add(debrief)
        with self._db.atomic():
            self._db.table("debriefs").update(debrief.id, _row(debrief))
        return self.require(debrief.id)

    def get(self, debrief_id: int) -> Debrief | None:
        row = self._db.execute(
            f"SELECT {_COLUMNS} FROM debriefs WHERE id = ?", [debrief_id]
        ).fetchone()
        return _debrief(row) if row else None

    def require(self, debrief_id: int) -> Debrief:
        found = self.get(debrief_id)
        if found is None:
            raise KeyError(debrief_id)
        return found

    def history(self) -> list[Debrief]:
        """Newest first: by when it was planned for, else when it was created."""
        sql = (
            f"SELECT {_COLUMNS} FROM debriefs "
            "ORDER BY COALESCE(scheduled_for, created_at) DESC, id DESC"
        )
        return [_debrief(row) for row in self._db.execute(sql).fetchall()]

    def delete(self, debrief_id: int) -> None:
        """Delete the debrief and the actions agreed in it, in one transaction."""
        with self._db.atomic():
            self._db.execute("DELETE FROM follow_ups WHERE debrief_id = ?", [debrief_id])
            self._db.execute("DELETE FROM debriefs WHERE id = ?", [debrief_id])

    # --- agreed actions ---------------------------------------------------------------

    def actions_for(self, debrief_id: int) -> list[FollowUp]:
        sql = f"SELECT {_ACTION_COLUMNS} FROM follow_ups WHERE debrief_id = ? ORDER BY id"
        return [_action(row) for row in self._db.execute(sql, [debrief_id]).fetchall()]

    def open_actions(self) -> list[FollowUp]:
        """Open actions from any debrief: dated first (soonest first), then undated."""
        sql = (
            f"SELECT {_ACTION_COLUMNS} FROM follow_ups "
            "WHERE debrief_id IS NOT NULL AND done_at IS NULL "
            "ORDER BY due IS NULL, due, id"
        )
        return [_action(row) for row in self._db.execute(sql).fetchall()]
