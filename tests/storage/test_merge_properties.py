"""Merging generated profiles: nothing the archive holds goes missing or changes parent, the
profile's own rows stay, and a second merge of the same archive adds nothing."""

from __future__ import annotations

import sqlite_utils
from hypothesis import given, settings
from hypothesis import strategies as st

from reflect.storage.merge import apply_merge, plan_merge
from reflect.storage.migrations import migrations

TEXTS = st.sampled_from(["a", "b"])
STAMPS = st.sampled_from(["2026-01-01T10:00:00", "2026-01-02T10:00:00"])
REFLECTIONS = st.lists(st.tuples(TEXTS, STAMPS), max_size=4)
DEBRIEFS = st.lists(st.tuples(TEXTS, STAMPS), max_size=3)
# (which parent, reflection or debrief, text): equal texts and stamps on purpose
FOLLOW_UPS = st.lists(st.tuples(st.integers(0, 5), st.booleans(), TEXTS), max_size=5)
TABLES = ("reflections", "debriefs", "follow_ups")


def _db(reflections, debriefs, follow_ups) -> sqlite_utils.Database:
    db = sqlite_utils.Database(memory=True)
    migrations.apply(db)
    r_ids = [
        db["reflections"]
        .insert({"template_id": "free_write", "occurred_at": at, "body": text, "created_at": at})
        .last_pk
        for text, at in reflections
    ]
    d_ids = [
        db["debriefs"].insert({"title": text, "created_at": at}).last_pk for text, at in debriefs
    ]
    for which, of_reflection, text in follow_ups:
        ids, link = (r_ids, "reflection_id") if of_reflection else (d_ids, "debrief_id")
        if ids:
            db["follow_ups"].insert(
                {link: ids[which % len(ids)], "text": text, "created_at": "2026-01-03T09:00:00"}
            )
    return db


def _follow_ups_with_parents(db) -> set[tuple]:
    sql = (
        "SELECT f.text, r.body, r.created_at, d.title, d.created_at FROM follow_ups f "
        "LEFT JOIN reflections r ON r.id = f.reflection_id "
        "LEFT JOIN debriefs d ON d.id = f.debrief_id"
    )
    return set(db.execute(sql).fetchall())


def _counts(db) -> dict[str, int]:
    return {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


@settings(max_examples=80, deadline=None)
@given(REFLECTIONS, DEBRIEFS, FOLLOW_UPS, REFLECTIONS, DEBRIEFS, FOLLOW_UPS)
def test_a_merge_loses_no_row_and_no_link(tr, td, tf, sr, sd, sf):
    target, source = _db(tr, td, tf), _db(sr, sd, sf)
    before = _follow_ups_with_parents(target)
    apply_merge(target, plan_merge(target, source.conn))
    after = _follow_ups_with_parents(target)
    assert before <= after
    assert _follow_ups_with_parents(source) <= after
    counts = _counts(target)
    apply_merge(target, plan_merge(target, source.conn))
    assert _counts(target) == counts
