"""The supervisor's logs: hours of supervision, session ratings and team hot debriefs."""

from __future__ import annotations

import json
from datetime import date, datetime

import sqlite_utils

from reflect.domain.supervision import HotDebrief, HoursEntry, SessionRating


def _iso(value: datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") if value else None


class SupervisionLogRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    # --- hours --------------------------------------------------------------------------

    def add_hours(self, entry: HoursEntry) -> int:
        with self._db.atomic():
            table = self._db.table("supervision_hours")
            table.insert(
                {
                    "held_on": entry.held_on.isoformat(),
                    "minutes": entry.minutes,
                    "kind": entry.kind,
                    "format": entry.format,
                    "supervisee_id": entry.supervisee_id,
                    "note": entry.note,
                },
                pk="id",
            )
            return int(table.last_pk)  # type: ignore[arg-type]

    def hours(self) -> list[HoursEntry]:
        rows = self._db.execute(
            "SELECT id, held_on, minutes, kind, format, supervisee_id, note "
            "FROM supervision_hours ORDER BY held_on, id"
        ).fetchall()
        return [
            HoursEntry(date.fromisoformat(r[1]), r[2], r[3], r[4], r[5], r[6] or "", r[0])
            for r in rows
        ]

    def delete_hours(self, entry_id: int) -> None:
        with self._db.atomic():
            self._db.execute("DELETE FROM supervision_hours WHERE id = ?", [entry_id])

    # --- ratings ------------------------------------------------------------------------

    def add_rating(self, rating: SessionRating) -> int:
        with self._db.atomic():
            table = self._db.table("session_ratings")
            table.insert(
                {
                    "rated_on": rating.rated_on.isoformat(),
                    "role": rating.role,
                    "supervisee_id": rating.supervisee_id,
                    "debrief_id": rating.debrief_id,
                    "scores": json.dumps(rating.scores),
                    "comment": rating.comment,
                },
                pk="id",
            )
            return int(table.last_pk)  # type: ignore[arg-type]

    def ratings(self, role: str | None = None) -> list[SessionRating]:
        where, args = ("WHERE role = ?", [role]) if role else ("", [])
        rows = self._db.execute(
            "SELECT id, rated_on, role, supervisee_id, debrief_id, scores, comment "
            f"FROM session_ratings {where} ORDER BY rated_on, id",
            args,
        ).fetchall()
        return [
            SessionRating(
                date.fromisoformat(r[1]),
                {str(k): int(v) for k, v in json.loads(r[5]).items()},
                r[2],
                r[3],
                r[4],
                r[6] or "",
                r[0],
            )
            for r in rows
        ]

    # --- team hot debriefs ----------------------------------------------------------------

    def save_hot_debrief(self, item: HotDebrief) -> int:
        row = {
            "held_at": _iso(item.held_at),
            "answers": json.dumps(item.answers, ensure_ascii=False),
            "themes": json.dumps(item.themes, ensure_ascii=False),
            "actions": json.dumps(item.actions, ensure_ascii=False),
            "checks_done": json.dumps(sorted(item.checks_done)),
        }
        with self._db.atomic():
            table = self._db.table("hot_debriefs")
            if item.id is not None:
                table.update(item.id, row)
                return item.id
            table.insert(row, pk="id")
            return int(table.last_pk)  # type: ignore[arg-type]

    def hot_debriefs(self) -> list[HotDebrief]:
        rows = self._db.execute(
            "SELECT id, held_at, answers, themes, actions, checks_done FROM hot_debriefs "
            "ORDER BY held_at DESC, id DESC"
        ).fetchall()
        return [
            HotDebrief(
                held_at=datetime.fromisoformat(r[1]),
                answers=json.loads(r[2]),
                themes=json.loads(r[3]),
                actions=json.loads(r[4]),
                checks_done=json.loads(r[5]),
                id=r[0],
            )
            for r in rows
        ]
