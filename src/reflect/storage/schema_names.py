"""The names of the schema steps this build knows, in order, and whether a database has
exactly them: without importing sqlite-utils or the migrations.

A search by a reader needs only to know that the schema is current; when it is not (a step
pending, or one written by a newer Reflect), the migrations decide (storage/migrations.py).
tests/storage/test_schema_names.py keeps this list equal to the migrations registered there.
"""

from __future__ import annotations

from typing import Any

MIGRATION_SET = "reflect"
MIGRATIONS_TABLE = "_sqlite_migrations"
NAMES = (
    "m001_initial",
    "m002_trend_revision",
    "m005_team",
    "m003_exposure",
    "m004_supervision",
    "m006_reflection_lookup_indexes",
    "m007_signedpackets",
    "m008_supfix",
)


def is_current(conn: Any) -> bool:
    """Every step applied and none unknown to this build."""
    has_table = conn.execute(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?",
        (MIGRATIONS_TABLE,),
    ).fetchone()[0]
    if not has_table:
        return False
    rows = conn.execute(
        f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ?", (MIGRATION_SET,)
    ).fetchall()
    return sorted(name for (name,) in rows) == sorted(NAMES)
