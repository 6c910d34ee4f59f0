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


def _agreement(db, supervisee_id, aims):
    db["supervision_agreements"].insert(
        {"supervisee_id": supervisee_id, "frequency": "monthly", "aims": aims,
         "confidentiality": "", "records": "", "review_on": "", "updated_at": "2026-01-02"}
    )  # fmt: skip


def _supervisee(db, name):
    return (
        db["supervisees"]
        .insert({"name": name, "recipient": f"age1{name.lower()}", "first_seen": "2026-01-01"})
        .last_pk
    )


def test_an_agreement_keyed_by_a_new_supervisee_is_imported_not_taken_for_a_duplicate():
    """The agreement's key is a link: the archive's supervisee 1 is not the profile's."""
    target, source = _db(), _db()
    _agreement(target, _supervisee(target, "Alice"), "Alice's aims")
    _agreement(source, _supervisee(source, "Bob"), "Bob's aims")
    plan = plan_merge(target, source.conn)
    assert plan.counts()["supervision_agreements"] == {"new": 1, "duplicates": 0}
    apply_merge(target, plan)
    owners = {r["id"]: r["name"] for r in target["supervisees"].rows}
    aims = {owners[r["supervisee_id"]]: r["aims"] for r in target["supervision_agreements"].rows}
    assert aims == {"Alice": "Alice's aims", "Bob": "Bob's aims"}


def test_an_agreement_of_a_supervisee_already_here_keeps_the_profiles_own():
    target, source = _db(), _db()
    _agreement(target, _supervisee(target, "Alice"), "kept")
    _supervisee(source, "Zed")
    _agreement(source, _supervisee(source, "Alice"), "from the archive")
    plan = plan_merge(target, source.conn)
    assert plan.counts()["supervision_agreements"] == {"new": 0, "duplicates": 1}
    apply_merge(target, plan)  # no UNIQUE constraint failure
    assert [r["aims"] for r in target["supervision_agreements"].rows] == ["kept"]


def test_an_agreement_whose_supervisee_is_missing_is_not_given_to_someone_else():
    target, source = _db(), _db()
    for name in ("Alice", "Bob", "Carol"):
        _supervisee(target, name)
    _agreement(source, 7, "nobody's")  # no supervisee 7 in the archive
    apply_merge(target, plan_merge(target, source.conn))
    assert list(target["supervision_agreements"].rows) == []


def test_a_row_repeated_inside_the_archive_keeps_the_links_of_its_second_copy():
    """Two equal reflections in the archive become one; the second's follow-up must point to
    it, not to nothing."""
    target, source = _db(), _db()
    row = {"template_id": "free_write", "occurred_at": "2026-01-01T10:00:00", "setting": "other",
           "tags": "[]", "feelings": "[]", "answers": '{"text": "x"}', "body": "x",
           "created_at": "2026-01-01T10:00:00", "updated_at": "2026-01-01T10:00:00"}  # fmt: skip
    source["reflections"].insert(row)
    second = source["reflections"].insert(row).last_pk
    source["follow_ups"].insert(
        {"reflection_id": second, "text": "Call", "created_at": "2026-01-01T10:00:00"}
    )
    apply_merge(target, plan_merge(target, source.conn))
    (kept,) = [r["id"] for r in target["reflections"].rows]
    assert [r["reflection_id"] for r in target["follow_ups"].rows] == [kept]


def _hours(db, supervisee_id):
    db["supervision_hours"].insert(
        {"held_on": "2026-03-02", "minutes": 60, "kind": "individual", "format": "in_person",
         "supervisee_id": supervisee_id, "note": ""}
    )  # fmt: skip


def test_equal_rows_linked_to_different_rows_are_both_kept():
    """Two sessions of an hour on one day, one per supervisee, differ only in their link:
    neither is a duplicate of the other, nor of the profile's hour with someone else."""
    target, source = _db(), _db()
    _hours(target, _supervisee(target, "Alice"))
    _hours(source, _supervisee(source, "Bob"))
    _hours(source, _supervisee(source, "Carol"))
    plan = plan_merge(target, source.conn)
    assert plan.counts()["supervision_hours"] == {"new": 2, "duplicates": 0}
    apply_merge(target, plan)
    owners = {r["id"]: r["name"] for r in target["supervisees"].rows}
    held = sorted(owners[r["supervisee_id"]] for r in target["supervision_hours"].rows)
    assert held == ["Alice", "Bob", "Carol"]
    again = plan_merge(target, source.conn)  # and a second import adds nothing
    assert again.counts()["supervision_hours"] == {"new": 0, "duplicates": 2}
