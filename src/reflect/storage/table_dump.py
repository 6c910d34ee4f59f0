"""Every table holding the person's data, read generically (exports, archive imports).

Reading tables by name rather than through each repository means a table added by a later
migration is exported without anyone remembering to update the exporters. Internal tables
(the FTS index and its shadow tables, the migrations record, the data revision) are left
out: they are rebuilt.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from reflect.domain.form_draft import CHECKIN_SLOT, INSTRUMENT_SLOT
from reflect.domain.team_contribution import SECRET_SETTING
from reflect.storage.migrations import REVISION_TABLE

MIGRATIONS_TABLE = "_sqlite_migrations"
# Secrets that must never leave the encrypted database: not in a plain export, and not merged
# from an archive into another profile (each profile keeps its own supervision key).
SECRET_TABLES = {"supervision_identity", "signing_identity"}
# Secret settings: never in a plain export (the team secret would let anyone holding the export
# link this person's contribution files). An archive or a backup is a copy of the encrypted
# database and keeps them, and an archive import brings them into a profile that has none.
SECRET_SETTINGS = {SECRET_SETTING}
# Drafts of answers not yet saved (a check-in, a questionnaire): never in a plain export.
UNSAVED_ANSWER_SLOTS = {CHECKIN_SLOT, INSTRUMENT_SLOT}
# Columns that hold another table's id: an import re-points them to the new ids.
LINKS = {
    "reflection_id": "reflections",
    "debrief_id": "debriefs",
    "shift_id": "shift_logs",
    "assessment_id": "team_assessments",
    "supervisee_id": "supervisees",  # the supervisor's record (m004_supervision)
    "next_debrief_id": "debriefs",  # the debrief a supervisor's reply planned
}


def _fts_tables(conn: Any) -> set[str]:
    names: set[str] = set()
    rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE type='table'").fetchall()
    virtual = [name for name, sql in rows if sql and "VIRTUAL TABLE" in sql.upper()]
    for name, _ in rows:
        if name in virtual or any(name.startswith(v + "_") for v in virtual):
            names.add(name)
    return names


def data_tables(conn: Any) -> list[str]:
    """Tables with the person's data, in a stable order (parents before follow-ups)."""
    skip = _fts_tables(conn) | {MIGRATIONS_TABLE, REVISION_TABLE} | SECRET_TABLES
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name"
    ).fetchall()
    names = [r[0] for r in rows if r[0] not in skip]
    # Parents first, so an importer can map their ids before it meets the rows that point to
    # them: a table holding a link column comes after the table it links to, else by name.
    parents = {
        name: {p for c, p in LINKS.items() if c in columns(conn, name) and p != name}
        for name in names
    }
    placed = {p for p in LINKS.values() if p not in names}  # a parent this schema lacks
    ordered: list[str] = []
    while len(ordered) < len(names):
        waiting = [n for n in names if n not in ordered]
        ready = [n for n in waiting if parents[n] <= placed] or waiting  # (no cycles exist)
        ordered.append(ready[0])
        placed.add(ready[0])
    return ordered


def columns(conn: Any, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")').fetchall()]


def primary_key(conn: Any, table: str) -> list[str]:
    info = conn.execute(f'PRAGMA table_info("{table}")').fetchall()
    return [r[1] for r in sorted((r for r in info if r[5]), key=lambda r: r[5])]


def iter_rows(conn: Any, table: str) -> Iterator[dict[str, Any]]:
    names = columns(conn, table)
    order = ", ".join(f'"{c}"' for c in primary_key(conn, table)) or "rowid"
    cursor = conn.execute(f'SELECT * FROM "{table}" ORDER BY {order}')
    while True:
        chunk = cursor.fetchmany(500)
        if not chunk:
            return
        for row in chunk:
            yield dict(zip(names, row, strict=True))


def plain_rows(conn: Any, table: str) -> Iterator[dict[str, Any]]:
    """The rows a plain (unencrypted) export may hold: secret settings left out, and answers
    a check-in or questionnaire was still waiting for (never saved, so never copied out)."""
    for row in iter_rows(conn, table):
        if table == "settings" and row.get("key") in SECRET_SETTINGS:
            continue
        if table == "drafts" and row.get("slot") in UNSAVED_ANSWER_SLOTS:
            continue
        yield row


def json_columns(rows: list[dict[str, Any]]) -> set[str]:
    """Columns whose every non-empty value is JSON text for a list or a mapping."""
    found: set[str] = set()
    if not rows:
        return found
    for name in rows[0]:
        values = [r[name] for r in rows if r[name] not in (None, "")]
        if not values or not all(isinstance(v, str) and v[:1] in "[{" for v in values):
            continue
        try:
            if all(isinstance(json.loads(v), (list, dict)) for v in values):
                found.add(name)
        except ValueError:
            continue
    return found


def read_all(conn: Any, decode_json: bool = True) -> dict[str, list[dict[str, Any]]]:
    """Every data table for a plain export (secret settings left out)."""
    tables: dict[str, list[dict[str, Any]]] = {}
    for table in data_tables(conn):
        rows = list(plain_rows(conn, table))
        if decode_json:
            for name in json_columns(rows):
                for row in rows:
                    if row[name] not in (None, ""):
                        row[name] = json.loads(row[name])
        tables[table] = rows
    return tables
