"""Reflections in the ``reflections`` table, searchable through its FTS5 index.

The index (``reflections_fts`` over body, tags and setting) is kept in sync by the triggers
sqlite-utils created in the first migration, so every insert, update and delete here updates
it inside the same transaction.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, cast

from reflect.domain.journal import (
    JournalFilter,
    ReflectionSummary,
)
from reflect.domain.reflection import FollowUp, Reflection
from reflect.storage import reflection_search
from reflect.storage.follow_up_repository import IDS_PER_QUERY, FollowUpRepository

if TYPE_CHECKING:
    import sqlite_utils

_FULL_COLUMNS = (
    "id, template_id, occurred_at, setting, tags, intensity, feelings, answers, "
    "created_at, updated_at"
)


def _iso(value: datetime) -> str:
    return value.isoformat(timespec="seconds")


def _row(reflection: Reflection) -> dict[str, Any]:
    return {
        "template_id": reflection.template_id,
        "occurred_at": _iso(reflection.occurred_at),
        "setting": reflection.setting,
        "tags": json.dumps(list(reflection.tags), ensure_ascii=False),
        "intensity": reflection.intensity,
        "feelings": json.dumps(list(reflection.feelings), ensure_ascii=False),
        "answers": json.dumps(reflection.answers, ensure_ascii=False, sort_keys=True),
        "body": reflection.searchable_text(),
        "created_at": _iso(reflection.created_at) if reflection.created_at else None,
        "updated_at": _iso(reflection.updated_at) if reflection.updated_at else None,
    }


class ReflectionRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db
        self.follow_ups = FollowUpRepository(db)

    # --- writing ------------------------------------------------------------------------

    def add(self, reflection: Reflection, now: datetime | None = None) -> Reflection:
        now = now or datetime.now().replace(microsecond=0)
        with self._db.atomic():
            row = _row(reflection)
            row["created_at"] = _iso(reflection.created_at or now)
            row["updated_at"] = _iso(reflection.updated_at or now)
            if reflection.id is not None:
                row["id"] = reflection.id  # restoring a deleted entry keeps its id
            table = self._db.table("reflections")
            table.insert(row, pk="id")
            new_id = reflection.id if reflection.id is not None else int(cast(int, table.last_pk))
            self.follow_ups.replace_for_reflection(new_id, reflection.follow_ups)
        return self._require(new_id)

    def update(self, reflection: Reflection, now: datetime | None = None) -> Reflection:
        if reflection.id is None:
            raise ValueError("update() needs a saved reflection")
        now = now or datetime.now().replace(microsecond=0)
        with self._db.atomic():
            row = _row(reflection)
            row.pop("created_at")
            row["updated_at"] = _iso(now)
            table = self._db.table("reflections")
            table.update(reflection.id, row)
            self.follow_ups.replace_for_reflection(reflection.id, reflection.follow_ups)
        return self._require(reflection.id)

    def delete(self, reflection_id: int) -> Reflection | None:
        """Delete for real (secure_delete is on) and return what was removed, for undo."""
        with self._db.atomic():
            existing = self.get(reflection_id)
            if existing is None:
                return None
            self.follow_ups.delete_for_reflection(reflection_id)
            self._db.table("reflections").delete(reflection_id)
        return existing

    # --- reading ------------------------------------------------------------------------

    def _require(self, reflection_id: int) -> Reflection:
        found = self.get(reflection_id)
        if found is None:  # pragma: no cover - the row was written in this transaction
            raise LookupError(reflection_id)
        return found

    def get(self, reflection_id: int) -> Reflection | None:
        row = self._db.execute(
            f"SELECT {_FULL_COLUMNS} FROM reflections WHERE id = ?", [reflection_id]
        ).fetchone()
        if row is None:
            return None
        return self._from_row(row)

    def get_many(self, reflection_ids: Sequence[int]) -> dict[int, Reflection]:
        """Those of these reflections that exist, by id: a debrief sharing hundreds of them
        is read in two queries per few hundred instead of two per reflection."""
        found: dict[int, Reflection] = {}
        unique = list(dict.fromkeys(int(i) for i in reflection_ids))
        for start in range(0, len(unique), IDS_PER_QUERY):
            chunk = unique[start : start + IDS_PER_QUERY]
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                f"SELECT {_FULL_COLUMNS} FROM reflections WHERE id IN ({marks})", chunk
            ).fetchall()
            follow_ups = self.follow_ups.for_reflections(chunk)
            for row in rows:
                found[row[0]] = self._from_row(row, follow_ups.get(row[0], []))
        return found

    def _from_row(
        self, row: tuple[Any, ...], follow_ups: list[FollowUp] | None = None
    ) -> Reflection:
        (
            rid,
            template_id,
            occurred,
            setting,
            tags,
            intensity,
            feelings,
            answers,
            created,
            updated,
        ) = row
        return Reflection(
            template_id=template_id,
            occurred_at=datetime.fromisoformat(occurred),
            setting=setting or "other",
            tags=json.loads(tags or "[]"),
            intensity=intensity,
            feelings=json.loads(feelings or "[]"),
            answers=json.loads(answers or "{}"),
            follow_ups=self.follow_ups.for_reflection(rid) if follow_ups is None else follow_ups,
            created_at=datetime.fromisoformat(created) if created else None,
            updated_at=datetime.fromisoformat(updated) if updated else None,
            id=rid,
        )

    def iter_all(self) -> Iterator[Reflection]:
        """Every reflection, oldest first (exports, trends)."""
        rows = self._db.execute(f"SELECT {_FULL_COLUMNS} FROM reflections ORDER BY occurred_at, id")
        for row in rows.fetchall():
            yield self._from_row(row)

    def count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM reflections").fetchone()[0])

    def count_matching(self, criteria: JournalFilter) -> int:
        return reflection_search.count_matching(self._db, criteria)

    def search(
        self, criteria: JournalFilter, limit: int | None = None, offset: int = 0
    ) -> list[ReflectionSummary]:
        """Matching reflections, newest first (storage/reflection_search.py)."""
        return [
            ReflectionSummary(*row)
            for row in reflection_search.matching_rows(self._db, criteria, limit, offset)
        ]

    def occurred_at_of(self, ids: list[int]) -> dict[int, datetime]:
        """When each of these reflections happened (for labelling follow-ups)."""
        found: dict[int, datetime] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT id, occurred_at FROM reflections WHERE id IN ({marks})"
            for rid, occurred in self._db.execute(sql, chunk).fetchall():
                found[rid] = datetime.fromisoformat(occurred)
        return found

    # These three read only the indexes m006_reflection_lookup_indexes made on setting and
    # tags (never the table, whose pages hold the long texts). Tags are expanded per distinct
    # tag list, of which there are far fewer than reflections; tag_counts weighs each list by
    # how many reflections carry it, so the counts are those of a row-by-row expansion.

    def distinct_settings(self) -> list[str]:
        rows = self._db.execute(
            "SELECT DISTINCT setting FROM reflections WHERE setting != '' ORDER BY setting"
        )
        return [r[0] for r in rows.fetchall()]

    def distinct_tags(self) -> list[str]:
        rows = self._db.execute(
            "SELECT DISTINCT j.value FROM (SELECT DISTINCT tags FROM reflections) AS r, "
            "json_each(r.tags) AS j ORDER BY 1"
        )
        return [r[0] for r in rows.fetchall()]

    def tag_counts(self) -> dict[str, int]:
        rows = self._db.execute(
            "SELECT j.value, sum(r.n) FROM (SELECT tags, count(*) AS n FROM reflections "
            "GROUP BY tags) AS r, json_each(r.tags) AS j GROUP BY 1 ORDER BY 1"
        )
        return {tag: count for tag, count in rows.fetchall()}

    def replace_tags(self, old: set[str], new: str) -> int:
        """Every reflection tagged with any of ``old`` gets ``new`` instead (once); one
        transaction. Returns how many reflections changed."""
        changed = 0
        with self._db.atomic():
            rows = self._db.execute("SELECT id, tags FROM reflections WHERE tags != '[]'")
            for rid, raw in rows.fetchall():
                tags = json.loads(raw or "[]")
                if not old.intersection(tags):
                    continue
                result: list[str] = []
                for tag in tags:
                    value = new if tag in old else tag
                    if value not in result:
                        result.append(value)
                self._db.execute(
                    "UPDATE reflections SET tags = ? WHERE id = ?",
                    [json.dumps(result, ensure_ascii=False), rid],
                )
                changed += 1
        return changed
