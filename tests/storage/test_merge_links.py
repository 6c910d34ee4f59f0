"""An import re-points every link column to the new ids of the rows it links to."""

from __future__ import annotations

import sqlite_utils

from reflect.storage.merge import apply_merge, plan_merge
from reflect.storage.migrations import migrations
from reflect.storage.table_dump import LINKS, columns, data_tables


def _db() -> sqlite_utils.Database:
    db = sqlite_utils.Database(memory=True)
    migrations.apply(db)
    return db


def _assessment(db, taken_at):
    return (
        db["team_assessments"]
        .insert(
            {
                "definition_id": "organisation",
                "taken_at": taken_at,
                "mode": "alone",
                "participants": 1,
                "answers": "[]",
                "domains": "[]",
            }  # fmt: skip
        )
        .last_pk
    )


def test_every_table_comes_after_the_tables_its_links_point_to():
    db = _db()
    order = data_tables(db.conn)
    for table in order:
        for column, parent in LINKS.items():
            if column in columns(db.conn, table) and parent != table:
                assert order.index(parent) < order.index(table), (table, parent)


def test_an_imported_action_points_to_its_imported_assessment():
    target, source = _db(), _db()
    _assessment(target, "2026-01-01T10:00:00")  # takes id 1 in the target
    for n in range(4):
        _assessment(source, f"2026-02-0{n + 1}T10:00:00")
    source["team_actions"].insert(
        {"assessment_id": 4, "domain": "workload", "what": "Rota review", "who": "Lead",
         "by_when": "2026-03-01", "review_on": "2026-04-01", "created_at": "2026-02-04T11:00:00"}
    )  # fmt: skip
    apply_merge(target, plan_merge(target, source.conn))
    action = next(target.query("SELECT assessment_id FROM team_actions"))
    linked = next(target.query("SELECT taken_at FROM team_assessments WHERE id = ?",
                               [action["assessment_id"]]))  # fmt: skip
    assert linked["taken_at"] == "2026-02-04T10:00:00"
