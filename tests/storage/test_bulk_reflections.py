"""Bulk inserts index every new row once, keep the insert trigger, and roll back whole."""

from __future__ import annotations

from datetime import datetime

import pytest

from reflect.domain.journal import JournalFilter
from reflect.domain.reflection import Reflection
from reflect.storage.bulk_reflections import INSERT_TRIGGER, add_reflections


def _reflection(i: int, text: str) -> Reflection:
    return Reflection("free_write", datetime(2025, 1, 1 + i % 28, 9, 0), answers={"text": text})


def _trigger_sql(session) -> str | None:
    row = session.db.conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (INSERT_TRIGGER,)
    ).fetchone()
    return row[0] if row else None


def test_bulk_rows_are_searchable_and_later_saves_still_indexed(session):
    session.journal.save(_reflection(0, "an earlier harbour walk"))
    before = _trigger_sql(session)
    seen = []
    written = add_reflections(
        session.db, [_reflection(i, f"lantern number {i}") for i in range(600)], seen.append
    )
    assert written == 600
    assert seen[-1] == 600 and seen == sorted(seen)
    assert _trigger_sql(session) == before
    journal = session.journal
    assert journal.count_matching(JournalFilter(query="lantern")) == 600
    assert journal.count_matching(JournalFilter(query="harbour")) == 1
    session.journal.save(_reflection(1, "a later meadow"))  # through the restored trigger
    assert journal.count_matching(JournalFilter(query="meadow")) == 1
    check = session.db.conn.execute(
        "INSERT INTO reflections_fts(reflections_fts, rank) VALUES ('integrity-check', 1)"
    )
    assert check is not None  # raises if the index disagrees with the table


def test_a_failure_half_way_writes_nothing_and_keeps_the_trigger(session):
    before = _trigger_sql(session)

    def rows():
        yield _reflection(0, "first of a doomed batch")
        raise RuntimeError("the file ended early")

    with pytest.raises(RuntimeError):
        add_reflections(session.db, rows())
    assert session.journal.count() == 0
    assert _trigger_sql(session) == before
    session.journal.save(_reflection(2, "still indexed"))
    assert session.journal.count_matching(JournalFilter(query="indexed")) == 1


def test_the_trends_revision_moves_once_by_the_number_of_rows(session):
    from reflect.storage.bulk_reflections import REVISION_TRIGGER
    from reflect.storage.migrations import REVISION_TABLE

    def revision() -> int:
        query = f"SELECT value FROM {REVISION_TABLE} WHERE id = 1"
        return session.db.conn.execute(query).fetchone()[0]

    before, trigger = revision(), _trigger_sql_named(session, REVISION_TRIGGER)
    add_reflections(session.db, [_reflection(i, f"pebble {i}") for i in range(40)])
    assert revision() == before + 40
    assert _trigger_sql_named(session, REVISION_TRIGGER) == trigger
    session.journal.save(_reflection(3, "one more"))  # the restored trigger still counts
    assert revision() == before + 41


def _trigger_sql_named(session, name: str) -> str | None:
    row = session.db.conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (name,)
    ).fetchone()
    return row[0] if row else None
