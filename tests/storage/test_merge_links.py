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


def test_a_row_whose_unique_key_is_already_there_counts_as_a_duplicate():
    """An archive that knows a supervisee under another name (same key) imports cleanly:
    the profile keeps its own row and the archive's packets point to it."""
    target, source = _db(), _db()
    kept = (
        target["supervisees"]
        .insert({"name": "Sam", "recipient": "age1same", "first_seen": "2026-01-01"})
        .last_pk
    )
    source["supervisees"].insert({"name": "Old", "recipient": "age1other", "first_seen": "x"})
    renamed = (
        source["supervisees"]
        .insert({"name": "Samuel", "recipient": "age1same", "first_seen": "2026-02-01"})
        .last_pk
    )
    source["received_packets"].insert(
        {"packet_id": "p1", "supervisee_id": renamed, "content_hash": "h1",
         "received_at": "2026-02-02", "created_at": "2026-02-01", "title": "Debrief",
         "scheduled_for": "", "body": "{}", "held_at": ""}
    )  # fmt: skip
    plan = plan_merge(target, source.conn)
    assert plan.counts()["supervisees"]["duplicates"] == 1
    apply_merge(target, plan)
    names = {r["recipient"]: r["name"] for r in target["supervisees"].rows}
    assert names == {"age1same": "Sam", "age1other": "Old"}
    packet = next(target["received_packets"].rows)
    assert packet["supervisee_id"] == kept


def test_a_keyed_row_whose_other_unique_column_is_taken_is_skipped():
    target, source = _db(), _db()
    row = {"supervisee_id": None, "received_at": "r", "created_at": "c", "title": "t",
           "scheduled_for": "", "body": "{}", "held_at": ""}  # fmt: skip
    target["received_packets"].insert({**row, "packet_id": "a", "content_hash": "same"})
    source["received_packets"].insert({**row, "packet_id": "b", "content_hash": "same"})
    apply_merge(target, plan_merge(target, source.conn))
    assert [r["packet_id"] for r in target["received_packets"].rows] == ["a"]
