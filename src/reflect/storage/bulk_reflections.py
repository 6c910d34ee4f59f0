"""Adding many reflections at once (demo data, benchmarks): one transaction, plain INSERTs.

The repository's ``add`` re-reads each row and lets sqlite-utils introspect the table on
every call, about 3 ms a reflection; ten years of demo data would take most of a minute.
Here the rows are built by the repository's own row functions (so the stored format is
the same) and inserted with prepared statements; the FTS triggers still index every row.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

import sqlite_utils

from reflect.domain.reflection import Reflection
from reflect.storage.follow_up_repository import _to_row as follow_up_row
from reflect.storage.reflection_repository import _row as reflection_row


def _insert_sql(table: str, columns: list[str]) -> str:
    names = ", ".join(f'"{c}"' for c in columns)
    return f'INSERT INTO "{table}" ({names}) VALUES ({", ".join("?" * len(columns))})'


def add_reflections(db: sqlite_utils.Database, reflections: Iterable[Reflection]) -> int:
    """Insert every reflection (and its follow-ups) in one transaction; returns the count."""
    count = 0
    conn = db.conn
    # A larger page cache for the batch keeps SQLite from spilling (and re-encrypting) pages
    # to the WAL mid-transaction, the main cost of a bulk insert with a full-text index.
    previous = conn.execute("PRAGMA cache_size").fetchone()[0]
    conn.execute("PRAGMA cache_size = -65536")
    try:
        count = _insert(db, reflections)
    finally:
        conn.execute(f"PRAGMA cache_size = {int(previous)}")
    return count


def _insert(db: sqlite_utils.Database, reflections: Iterable[Reflection]) -> int:
    count = 0
    conn = db.conn
    with db.atomic():
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
    return count
