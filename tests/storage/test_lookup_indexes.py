"""m006_reflection_lookup_indexes: the setting and tag lists read an index, never the table.

The reflections table's pages hold the long texts; a full scan decrypts every one of them
(about 120 ms on ten years of reflections, at every construction of the writing and journal
screens). These tests hold the plans to the indexes and the answers to what a row-by-row
expansion gives.
"""

from __future__ import annotations

import json
from datetime import datetime

import sqlite_utils
from hypothesis import given, settings
from hypothesis import strategies as st

from reflect.domain.reflection import Reflection
from reflect.storage.bulk_reflections import add_reflections
from reflect.storage.migrations import migrations
from reflect.storage.reflection_repository import ReflectionRepository
from tests.conftest import PASSPHRASE

STEP = "m006_reflection_lookup_indexes"
INDEXES = {"idx_reflections_setting", "idx_reflections_tags"}


def _indexes(db: sqlite_utils.Database) -> set[str]:
    return {
        r[0]
        for r in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'reflections'"
        )
    }


def _plan(db: sqlite_utils.Database, sql: str) -> str:
    return "\n".join(str(row[3]) for row in db.execute("EXPLAIN QUERY PLAN " + sql).fetchall())


def _queries(repo: ReflectionRepository) -> list[str]:
    """The SQL each lookup runs, captured from the connection's trace."""
    seen: list[str] = []
    conn = repo._db.conn
    conn.set_trace_callback(seen.append)
    try:
        repo.distinct_settings()
        repo.distinct_tags()
        repo.tag_counts()
    finally:
        conn.set_trace_callback(None)
    return [sql for sql in seen if sql.lstrip().upper().startswith("SELECT")]


def _reflection(setting: str, tags: list[str]) -> Reflection:
    return Reflection(
        "trauma_informed",
        datetime(2026, 3, 14, 18, 30),
        setting=setting,
        tags=tags,
        answers={"what_happened": "A long conversation " * 50},
    )


def _old_profile_with_rows() -> sqlite_utils.Database:
    """A database as a Reflect before this step left it, holding some reflections."""
    db = sqlite_utils.Database(memory=True)
    migrations.apply(db, stop_before=STEP)
    rows = [_reflection(s, t) for s, t in [("shelter", ["night", "court"]), ("clinic", [])]]
    add_reflections(db, rows * 20)
    return db


def test_an_old_profile_gains_the_indexes_and_keeps_its_rows():
    db = _old_profile_with_rows()
    assert not INDEXES & _indexes(db)
    repo = ReflectionRepository(db)
    before = (repo.distinct_settings(), repo.distinct_tags(), repo.tag_counts())
    migrations.apply(db)
    assert _indexes(db) >= INDEXES
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert (repo.distinct_settings(), repo.distinct_tags(), repo.tag_counts()) == before
    assert before == (["clinic", "shelter"], ["court", "night"], {"court": 20, "night": 20})


def test_every_lookup_is_answered_from_a_covering_index():
    db = _old_profile_with_rows()
    migrations.apply(db)
    queries = _queries(ReflectionRepository(db))
    assert len(queries) == 3
    for sql in queries:
        plan = _plan(db, sql)
        assert "USING COVERING INDEX idx_reflections_" in plan, plan
        assert "SCAN reflections\n" not in plan + "\n", plan  # no plain table scan


def test_without_the_step_the_lookups_scan_the_table():
    # The check above can fail: before the step the same queries read the whole table.
    db = _old_profile_with_rows()
    for sql in _queries(ReflectionRepository(db)):
        assert "COVERING INDEX" not in _plan(db, sql)


def test_an_encrypted_profile_is_backed_up_then_migrated(profile_service, profile):
    session = profile_service.unlock(profile, PASSPHRASE)
    ReflectionRepository(session.db).add(_reflection("outreach", ["team"]))
    with session.db.atomic():  # make it the profile an earlier Reflect wrote
        for name in INDEXES:
            session.db.execute(f"DROP INDEX [{name}]")
        session.db.execute("DELETE FROM _sqlite_migrations WHERE name = ?", [STEP])
    session.close()
    again = profile_service.unlock(profile, PASSPHRASE)
    try:
        assert _indexes(again.db) >= INDEXES
        assert ReflectionRepository(again.db).tag_counts() == {"team": 1}
    finally:
        again.close()
    backups = list((profile.directory / "backups").glob("pre-migration-*"))
    assert backups


def _naive(db: sqlite_utils.Database) -> tuple[list[object], dict[object, int]]:
    """The original row-by-row expansion the index-only queries must agree with."""
    tags = [
        r[0]
        for r in db.execute(
            "SELECT DISTINCT json_each.value FROM reflections, json_each(reflections.tags) "
            "ORDER BY 1"
        )
    ]
    counts = dict(
        db.execute(
            "SELECT json_each.value, count(*) FROM reflections, json_each(reflections.tags) "
            "GROUP BY 1 ORDER BY 1"
        ).fetchall()
    )
    return tags, counts


_fresh = sqlite_utils.Database(memory=True)
migrations.apply(_fresh)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.none(),
            st.lists(st.text(max_size=6), max_size=4).map(
                lambda t: json.dumps(t, ensure_ascii=False)
            ),
        ),
        max_size=25,
    )
)
def test_index_only_answers_equal_a_row_by_row_expansion(tag_lists):
    db = _fresh
    with db.atomic():
        db.execute("DELETE FROM reflections")
        for raw in tag_lists:  # duplicates inside a list, empty lists and NULL included
            db.execute(
                "INSERT INTO reflections (template_id, occurred_at, setting, tags) "
                "VALUES ('t', '2026-01-01T00:00:00', '', ?)",
                [raw],
            )
    repo = ReflectionRepository(db)
    tags, counts = _naive(db)
    assert repo.distinct_tags() == tags
    assert repo.tag_counts() == counts
    assert list(repo.tag_counts()) == list(counts)  # same order too
