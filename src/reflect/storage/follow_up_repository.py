"""Follow-up actions from reflections and debriefs, in the ``follow_ups`` table."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from reflect.domain.reflection import FollowUp

if TYPE_CHECKING:
    import sqlite_utils

IDS_PER_QUERY = 500  # well under SQLite's limit on bound parameters
_COLUMNS = "id, reflection_id, debrief_id, text, owner, due, done_at, created_at"


def _row_to_follow_up(row: tuple[Any, ...]) -> FollowUp:
    fid, reflection_id, debrief_id, text, owner, due, done_at, created_at = row
    return FollowUp(
        text=text or "",
        due=date.fromisoformat(due) if due else None,
        owner=owner or "",
        done_at=datetime.fromisoformat(done_at) if done_at else None,
        reflection_id=reflection_id,
        debrief_id=debrief_id,
        created_at=datetime.fromisoformat(created_at) if created_at else None,
        id=fid,
    )


def _to_row(item: FollowUp) -> dict[str, Any]:
    return {
        "reflection_id": item.reflection_id,
        "debrief_id": item.debrief_id,
        "text": item.text,
        "owner": item.owner,
        "due": item.due.isoformat() if item.due else None,
        "done_at": item.done_at.isoformat(timespec="seconds") if item.done_at else None,
        "created_at": (item.created_at or datetime.now()).isoformat(timespec="seconds"),
    }


class FollowUpRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    def _select(
        self, where: str = "", args: Iterable[Any] = (), order: str = "id"
    ) -> list[FollowUp]:
        clause = f"WHERE {where}" if where else ""
        sql = f"SELECT {_COLUMNS} FROM follow_ups {clause} ORDER BY {order}"
        return [_row_to_follow_up(row) for row in self._db.execute(sql, list(args)).fetchall()]

    def get(self, follow_up_id: int) -> FollowUp | None:
        found = self._select("id = ?", [follow_up_id])
        return found[0] if found else None

    def add(self, item: FollowUp) -> FollowUp:
        with self._db.atomic():
            row = _to_row(item)
            if item.id is not None:
                row["id"] = item.id
            table = self._db.table("follow_ups")
            table.insert(row, pk="id")
            new_id = table.last_pk
        return self.get(int(new_id)) or item  # type: ignore[arg-type]

    def for_reflection(self, reflection_id: int) -> list[FollowUp]:
        return self._select("reflection_id = ?", [reflection_id])

    def for_reflections(self, reflection_ids: Sequence[int]) -> dict[int, list[FollowUp]]:
        """The follow-ups of each of these reflections (at most ``IDS_PER_QUERY``), by
        reflection id, in the order ``for_reflection`` gives them."""
        marks = ",".join("?" * len(reflection_ids))
        found: dict[int, list[FollowUp]] = {}
        for item in self._select(f"reflection_id IN ({marks})", reflection_ids):
            found.setdefault(int(item.reflection_id or 0), []).append(item)
        return found

    def replace_for_reflection(
        self, reflection_id: int, items: Iterable[FollowUp]
    ) -> list[FollowUp]:
        """Make the reflection's follow-ups exactly ``items``, keeping ids (and done state) of
        ones that still exist so a debrief that refers to them keeps working."""
        with self._db.atomic():
            existing = {f.id for f in self.for_reflection(reflection_id) if f.id is not None}
            kept: set[int] = set()
            table = self._db.table("follow_ups")
            for item in items:
                if not item.text.strip():
                    continue
                row = _to_row(item)
                row["reflection_id"] = reflection_id
                if item.id is not None and item.id in existing:
                    # Done is ticked and unticked on its own (mark/reopen); the editor's copy
                    # may predate a tick made meanwhile on Home, so it never overwrites it.
                    row.pop("done_at")
                    table.update(item.id, row)
                    kept.add(item.id)
                else:
                    table.insert(row, pk="id")
            for stale in existing - kept:
                table.delete(stale)
        return self.for_reflection(reflection_id)

    def delete_for_reflection(self, reflection_id: int) -> None:
        with self._db.atomic():
            self._db.execute("DELETE FROM follow_ups WHERE reflection_id = ?", [reflection_id])

    def list_open(self) -> list[FollowUp]:
        # Dated actions first, soonest due first; undated ones after, oldest first.
        return self._select("done_at IS NULL", order="due IS NULL, due, created_at, id")

    def list_done(self, limit: int = 50) -> list[FollowUp]:
        return self._select("done_at IS NOT NULL", order=f"done_at DESC LIMIT {int(limit)}")

    def set_done(self, follow_up_id: int, done_at: datetime | None) -> None:
        with self._db.atomic():
            value = done_at.isoformat(timespec="seconds") if done_at else None
            self._db.execute(
                "UPDATE follow_ups SET done_at = ? WHERE id = ?", [value, follow_up_id]
            )

    def delete(self, follow_up_id: int) -> None:
        with self._db.atomic():
            self._db.table("follow_ups").delete(follow_up_id)
