"""Adding many reflections at once (imports, demo data): one transaction, plain INSERTs.

The repository's ``add`` re-reads each row and lets sqlite-utils introspect the table on
every call, about 3 ms a reflection; ten years of demo data would take most of a minute.
Here the rows are built by the repository's own row functions (so the stored format is
the same) and inserted with prepared statements.

The full-text index is filled once at the end, not row by row: with SQLCipher's memory
wiping on (every freed block is zeroed), the insert trigger's per-row FTS work cost about
0.35 ms a reflection (3.5 s for a 10,000-entry jrnl import); one INSERT ... SELECT of the
new rows does the same indexing in under 0.3 s. The trigger is dropped and re-created from
its own stored SQL inside the same transaction, so a failure rolls both back together. The
trends' revision trigger is handled the same way: one update by the number of rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime

import sqlite_utils

from reflect.domain.reflection import Reflection
from reflect.storage.follow_up_repository import _to_row as follow_up_row
from reflect.storage.reflection_repository import _row as reflection_row


def _insert_sql(table: str, columns: list[str]) -> str:
    names = ", ".join(f'"{c}"' for c in columns)
    return f'INSERT INTO "{table}" ({names}) VALUES ({", ".join("?" * len(columns))})'


FTS_TABLE = "reflections_fts"
INSERT_TRIGGER = "reflections_ai"
# Moves the trends' data revision once per row (migrations.add_revision_triggers); a bulk
# insert moves it once, by the number of rows (about 0.2 ms a row saved under load).
REVISION_TRIGGER = "reflections_revision_insert"
PROGRESS_EVERY = 250

Progress = Callable[[int], None]  # called with the number of reflections written so far


def add_reflections(
    db: sqlite_utils.Database,
    reflections: Sequence[Reflection] | Iterable[Reflection],
    progress: Progress | None = None,
) -> int:
    """Insert every reflection (and its follow-ups) in one transaction; returns the count."""
    count = 0
    conn = db.conn
    # A larger page cache for the batch keeps SQLite from spilling (and re-encrypting) pages
    # to the WAL mid-transaction, the main cost of a bulk insert with a full-text index.
    previous = conn.execute("PRAGMA cache_size").fetchone()[0]
    conn.execute("PRAGMA cache_size = -65536")
    try:
        count = _insert(db, reflections, progress)
    finally:
        conn.execute(f"PRAGMA cache_size = {int(previous)}")
    return count


def _trigger_sql(conn: object, name: str) -> str | None:
    row = conn.execute(  # type: ignore[attr-defined]
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (name,)
    ).fetchone()
    return str(row[0]) if row and row[0] else None


def _insert(
    db: sqlite_utils.Database, reflections: Iterable[Reflection], progress: Progress | None
) -> int:
    count = 0
    conn = db.conn
    with db.atomic():
        trigger_sql = _trigger_sql(conn, INSERT_TRIGGER)
        revision_sql = _trigger_sql(conn, REVISION_TRIGGER)
        last_id = conn.execute("SELECT coalesce(max(id), 0) FROM reflections").fetchone()[0]
        if trigger_sql:
            conn.execute(f'DROP TRIGGER "{INSERT_TRIGGER}"')
        if revision_sql:
            conn.execute(f'DROP TRIGGER "{REVISION_TRIGGER}"')
        reflection_sql = follow_sql = ""
        for reflection in reflections:
            row = reflection_row(reflection)
            stamp = (reflection.created_at or datetime.now()).isoformat(timespec="seconds")
            row["created_at"] = row["created_at"] or stamp
            row["updated_at"] = row["updated_at"] or row["created_at"]
            reflection_sql = reflection_sql or _insert_sql("reflections", list(row))
            new_id = conn.execute(reflection_sql, list(row.values())).lastrowid
            for item in reflection.follow_ups:
                follow = follow_up_row(item)
                follow["reflection_id"] = new_id
                follow_sql = follow_sql or _insert_sql("follow_ups", list(follow))
                conn.execute(follow_sql, list(follow.values()))
            count += 1
            if progress is not None and count % PROGRESS_EVERY == 0:
                progress(count)
        if trigger_sql:
            # Exactly what the trigger would have written, for every new row at once.
            conn.execute(
                f'INSERT INTO "{FTS_TABLE}" (rowid, "body", "tags", "setting") '
                'SELECT id, "body", "tags", "setting" FROM reflections WHERE id > ?',
                (last_id,),
            )
            conn.execute(trigger_sql)
        if revision_sql:
            from reflect.storage.migrations import REVISION_TABLE

            conn.execute(f"UPDATE {REVISION_TABLE} SET value = value + ? WHERE id = 1", (count,))
            conn.execute(revision_sql)
    if progress is not None:
        progress(count)
    return count
