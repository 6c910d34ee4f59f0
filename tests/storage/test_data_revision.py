"""The data revision behind the dashboard cache moves on every write to a table it reads."""

from __future__ import annotations

import pytest

from reflect.storage.trend_repository import TrendRepository

ROWS = {
    "reflections": {"template_id": "quick", "occurred_at": "2026-01-05T10:00:00", "answers": "{}"},
    "checkins": {"taken_at": "2026-01-05T10:00:00", "item_scores": "{}"},
    "instrument_results": {"instrument_id": "who5", "taken_at": "2026-01-05T10:00:00"},
}


@pytest.mark.parametrize("table", sorted(ROWS))
def test_insert_edit_and_delete_each_move_the_revision(db, table):
    revision = TrendRepository(db).data_version
    start = revision()
    with db.atomic():
        row_id = db.table(table).insert(ROWS[table]).last_pk
    inserted = revision()
    with db.atomic():
        db.table(table).update(
            row_id, {"taken_at" if table != "reflections" else "occurred_at": "2026-01-06T10:00:00"}
        )
    edited = revision()
    with db.atomic():
        db.table(table).delete(row_id)
    deleted = revision()
    assert start < inserted < edited < deleted


def test_the_revision_table_is_not_exported_as_data(db):
    from reflect.storage.table_dump import data_tables

    assert "data_revision" not in data_tables(db.conn)
