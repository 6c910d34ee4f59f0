"""The full-text index is compared with the reflections, and rebuilt from them on request.

Each test damages the index of a real encrypted profile on purpose, the ways it could go
out of step (an entry lost, one too many, one stale, the whole index emptied or its pages
broken, a trigger or the index itself gone), then checks that the damage is reported and
that a rebuild makes every reflection findable again without changing any reflection.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from reflect.domain.journal import JournalFilter
from reflect.domain.reflection import Reflection
from reflect.storage import search_index
from reflect.storage.search_index import INDEX, TRIGGERS

WORDS = ["lighthouse", "orchard", "quarry", "meadow", "harbour"]


@pytest.fixture
def saved(session):
    journal = session.journal
    return [
        journal.save(
            Reflection("free_write", datetime(2026, 1, 1 + i, 9), answers={"text": f"a {w} day"})
        )
        for i, w in enumerate(WORDS)
    ]


def _found(session, word: str) -> set[int]:
    return {s.id for s in session.journal.search(JournalFilter(query=word))}


def _texts(session) -> list[tuple]:
    return session.db.conn.execute("SELECT * FROM reflections ORDER BY id").fetchall()


def _unindex(conn, reflection_id: int) -> None:
    """Take one reflection out of the index, as a lost trigger run would have left it."""
    conn.execute(
        f"INSERT INTO {INDEX}({INDEX}, rowid, body, tags, setting) "
        "SELECT 'delete', id, body, tags, setting FROM reflections WHERE id = ?",
        [reflection_id],
    )


def _stale(conn, reflection_id: int) -> None:
    """Change a reflection's text while its index entry keeps the old words."""
    conn.execute('DROP TRIGGER "reflections_au"')
    conn.execute("UPDATE reflections SET body = 'a pinecone day' WHERE id = ?", [reflection_id])
    conn.execute(TRIGGERS["reflections_au"])


def test_a_healthy_index_has_no_problems(session, saved):
    state = search_index.problems(session.db.conn)
    assert state.problems == [] and state.reflections == state.indexed == len(WORDS)
    assert search_index.quick_problems(session.db.conn).problems == []
    assert not session.db.conn.in_transaction  # the check left nothing open


def test_a_reflection_lost_from_the_index_is_hidden_found_and_rebuilt(session, saved):
    conn = session.db.conn
    _unindex(conn, saved[1].id)
    assert _found(session, "orchard") == set()  # hidden: still there, not findable
    quick = search_index.quick_problems(conn)
    assert [str(p) for p in quick.problems] == ["reflections missing from the search index: 1"]
    full = search_index.problems(conn)
    assert "the search index does not match the text of the reflections" in map(str, full.problems)
    before = _texts(session)
    search_index.rebuild(session.db)
    assert _texts(session) == before
    assert _found(session, "orchard") == {saved[1].id}
    assert search_index.problems(conn).problems == []


def test_an_entry_without_a_reflection_is_reported(session, saved):
    conn = session.db.conn
    conn.execute(
        f"INSERT INTO {INDEX}(rowid, body, tags, setting) VALUES (999, 'ghost', '[]', 'other')"
    )
    quick = search_index.quick_problems(conn)
    assert [str(p) for p in quick.problems] == ["search index entries without a reflection: 1"]
    search_index.rebuild(session.db)
    assert search_index.problems(conn).problems == []


def test_a_stale_entry_is_found_only_by_the_full_check(session, saved):
    conn = session.db.conn
    _stale(conn, saved[2].id)
    assert _found(session, "pinecone") == set()
    assert search_index.quick_problems(conn).problems == []
    assert search_index.problems(conn).problems
    search_index.rebuild(session.db)
    assert _found(session, "pinecone") == {saved[2].id}
    assert _found(session, "quarry") == set()


@pytest.mark.parametrize(
    "damage",
    [
        f"INSERT INTO {INDEX}({INDEX}) VALUES('delete-all')",
        f"DELETE FROM {INDEX}_data WHERE id > 10",
        f"DELETE FROM {INDEX}_docsize",
    ],
)
def test_an_emptied_or_broken_index_is_reported_and_rebuilt(session, saved, damage):
    conn = session.db.conn
    conn.execute(damage)
    assert search_index.problems(conn).problems
    search_index.rebuild(session.db)
    assert search_index.problems(conn).problems == []
    assert all(_found(session, w) == {r.id} for w, r in zip(WORDS, saved, strict=True))


def test_a_missing_trigger_is_reported_and_made_again(session, saved):
    conn = session.db.conn
    conn.execute('DROP TRIGGER "reflections_ai"')
    found = [str(p) for p in search_index.quick_problems(conn).problems]
    assert found == [
        "the trigger that keeps the search index up to date is missing (reflections_ai)"
    ]
    search_index.rebuild(session.db)
    assert search_index.problems(conn).problems == []
    later = session.journal.save(
        Reflection("free_write", datetime(2026, 2, 1, 9), answers={"text": "a kestrel"})
    )
    assert _found(session, "kestrel") == {later.id}


def test_a_missing_index_is_reported_and_made_again(session, saved):
    conn = session.db.conn
    conn.execute(f'DROP TABLE "{INDEX}"')
    assert [str(p) for p in search_index.problems(conn).problems] == ["the search index is missing"]
    search_index.rebuild(session.db)
    assert search_index.problems(conn).problems == []
    assert _found(session, "harbour") == {saved[4].id}
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", [INDEX]).fetchone()[0]
    assert sql == search_index.CREATE_INDEX


def test_the_made_again_index_and_triggers_are_those_of_a_new_profile(session):
    rows = session.db.conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE name = ? OR name IN (?, ?, ?)",
        [INDEX, *TRIGGERS],
    ).fetchall()
    assert dict(rows) == {INDEX: search_index.CREATE_INDEX, **TRIGGERS}


def test_the_quick_comparison_reads_no_reflection_text(session, saved):
    # It runs at every unlock: about 2 ms for 10,000 reflections as long as it reads keys
    # only. A plan that scans the reflections table itself would decrypt every long text.
    plan = " / ".join(
        str(r[3])
        for r in session.db.conn.execute(
            "EXPLAIN QUERY PLAN " + search_index.UNINDEXED_SQL
        ).fetchall()
    )
    assert "COVERING INDEX" in plan and "SEARCH" in plan, plan
