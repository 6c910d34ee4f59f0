"""Month marks, "on this day", and renaming or merging tags."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from reflect.domain.errors import ValidationError
from reflect.domain.journal import JournalFilter
from reflect.domain.reflection import Reflection


def _save(session, when, tags=(), text="a note"):
    return session.journal.save(
        Reflection("free_write", when, tags=list(tags), answers={"text": text})
    )


def test_month_marks_count_reflections_per_day_and_note_check_ins(session):
    _save(session, datetime(2026, 3, 4, 9))
    _save(session, datetime(2026, 3, 4, 18))
    _save(session, datetime(2026, 3, 31, 23, 59))
    _save(session, datetime(2026, 4, 1, 0, 0))  # next month: not marked in March
    items = {item.id: 1 for item in session.checkins.definition.items}
    session.checkins.record(items, taken_at=datetime(2026, 3, 9, 20))
    marks = session.journal.month_marks(2026, 3)
    assert marks.reflections == {date(2026, 3, 4): 2, date(2026, 3, 31): 1}
    assert marks.checkins == {date(2026, 3, 9)}


def test_on_this_day_finds_last_years_entries_only(session):
    kept = _save(session, datetime(2025, 12, 6, 10), text="a year ago")
    _save(session, datetime(2025, 12, 7, 10))
    _save(session, datetime(2024, 12, 6, 10))
    found = session.journal.on_this_day(date(2026, 12, 6))
    assert [r.id for r in found] == [kept.id]


def test_rename_and_merge_tags_keep_each_tag_once_and_update_search(session):
    a = _save(session, datetime(2026, 1, 1, 9), tags=["night shift", "tired"])
    b = _save(session, datetime(2026, 1, 2, 9), tags=["nights", "tired"])
    _save(session, datetime(2026, 1, 3, 9), tags=["court"])
    assert session.journal.rename_tag("nights", "Night Shift") == 1
    assert session.journal.get(b.id).tags == ["night shift", "tired"]
    assert session.journal.tag_counts() == {"court": 1, "night shift": 2, "tired": 2}
    assert session.journal.merge_tags(["tired", "court"], "heavy") == 3
    assert session.journal.get(a.id).tags == ["night shift", "heavy"]
    hits = session.journal.search(JournalFilter(tag="heavy"))
    assert len(hits) == 3
    assert session.journal.tag_counts() == {"heavy": 3, "night shift": 2}


def test_a_tag_cannot_be_renamed_to_nothing(session):
    _save(session, datetime(2026, 1, 1, 9), tags=["x"])
    with pytest.raises(ValidationError):
        session.journal.rename_tag("x", "  ,; ")
    assert session.journal.tag_counts() == {"x": 1}
