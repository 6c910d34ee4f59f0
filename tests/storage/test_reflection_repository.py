"""Reflections, follow-ups and drafts round-trip in the encrypted database; FTS stays in sync."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from reflect.domain.journal import JournalFilter
from reflect.domain.reflection import Draft, FollowUp, Reflection
from reflect.storage.draft_repository import DraftRepository
from reflect.storage.reflection_repository import ReflectionRepository

WHEN = datetime(2026, 3, 14, 18, 30)


def make(**changes) -> Reflection:
    base = dict(
        template_id="trauma_informed",
        occurred_at=WHEN,
        setting="shelter",
        tags=["night", "court"],
        intensity=7,
        feelings=["tired", "hopeful"],
        answers={
            "what_happened": "A long conversation about housing",
            "safe_environment.rating": 4,
        },
        follow_ups=[FollowUp("Ask about the housing list", due=date(2026, 3, 20))],
    )
    base.update(changes)
    return Reflection(**base)


def fts_rowids(db, query: str) -> list[int]:
    return [
        r[0]
        for r in db.execute(
            "SELECT rowid FROM reflections_fts WHERE reflections_fts MATCH ?", [query]
        )
    ]


def test_round_trip_keeps_every_field(db):
    repo = ReflectionRepository(db)
    saved = repo.add(make())
    loaded = repo.get(saved.id)
    assert loaded == saved
    assert loaded.tags == ["night", "court"]
    assert loaded.answers["safe_environment.rating"] == 4
    assert loaded.practice_ratings() == {"safe_environment": 4}
    assert loaded.follow_ups[0].text == "Ask about the housing list"
    assert loaded.follow_ups[0].due == date(2026, 3, 20)
    assert loaded.follow_ups[0].reflection_id == saved.id
    assert loaded.created_at is not None and loaded.updated_at is not None


def test_fts_follows_insert_update_and_delete(db):
    repo = ReflectionRepository(db)
    saved = repo.add(make())
    assert fts_rowids(db, "housing") == [saved.id]
    saved.answers["what_happened"] = "We talked about school instead"
    saved.follow_ups = []
    repo.update(saved)
    assert fts_rowids(db, "housing") == []
    assert fts_rowids(db, "school") == [saved.id]
    repo.delete(saved.id)
    assert fts_rowids(db, "school") == []
    assert db.execute("SELECT count(*) FROM follow_ups").fetchone()[0] == 0


def test_update_keeps_follow_up_ids_and_done_state(db):
    repo = ReflectionRepository(db)
    saved = repo.add(make(follow_ups=[FollowUp("one"), FollowUp("two")]))
    first, second = saved.follow_ups
    repo.follow_ups.set_done(first.id, datetime(2026, 3, 15, 9, 0))
    current = repo.get(saved.id)
    current.follow_ups = [current.follow_ups[0], FollowUp("three")]
    updated = repo.update(current)
    assert [f.text for f in updated.follow_ups] == ["one", "three"]
    assert updated.follow_ups[0].id == first.id
    assert updated.follow_ups[0].done_at == datetime(2026, 3, 15, 9, 0)
    assert repo.follow_ups.get(second.id) is None


def test_a_failed_save_rolls_back_the_row_and_its_index(db):
    repo = ReflectionRepository(db)
    with pytest.raises(RuntimeError), db.atomic():
        repo.add(make(answers={"what_happened": "rollback marker"}))
        raise RuntimeError("power cut")
    assert repo.count() == 0
    assert fts_rowids(db, "rollback") == []
    assert db.execute("SELECT count(*) FROM follow_ups").fetchone()[0] == 0


def test_search_filters_combine(db):
    repo = ReflectionRepository(db)
    a = repo.add(
        make(
            occurred_at=datetime(2026, 1, 5, 9),
            setting="clinic",
            tags=["calm"],
            intensity=2,
            answers={"what_happened": "Quiet morning at the clinic"},
        )
    )
    b = repo.add(
        make(
            occurred_at=datetime(2026, 2, 10, 22),
            setting="outreach",
            tags=["night"],
            intensity=8,
            template_id="quick",
            answers={"what_happened": "Difficult night outreach"},
        )
    )
    c = repo.add(
        make(
            occurred_at=datetime(2026, 2, 28, 23, 59),
            setting="outreach",
            tags=["night", "court"],
            intensity=5,
            answers={"what_happened": "Court morning then night outreach"},
        )
    )

    def ids(**kw):
        return [s.id for s in repo.search(JournalFilter(**kw))]

    assert ids() == [c.id, b.id, a.id]  # newest first
    assert ids(query="outreach") == [c.id, b.id]
    assert ids(query="outr") == [c.id, b.id]  # prefix
    assert ids(query='"night outreach"') == [c.id, b.id]
    assert ids(query="morning") == [c.id, a.id]
    assert ids(date_from=date(2026, 2, 1), date_to=date(2026, 2, 28)) == [
        c.id,
        b.id,
    ]  # end day inclusive
    assert ids(template_id="quick") == [b.id]
    assert ids(setting="clinic") == [a.id]
    assert ids(tag="NIGHT ") == [c.id, b.id]  # typed tags are matched in lower case
    assert ids(tag="nigh") == []  # whole tags only
    assert ids(intensity_min=5) == [c.id, b.id]
    assert ids(intensity_min=3, intensity_max=6) == [c.id]
    assert ids(query="outreach", tag="court", intensity_max=5) == [c.id]
    assert ids(query="nothing-like-this") == []
    assert repo.count_matching(JournalFilter(query="outreach")) == 2
    assert [r.id for r in repo.search(JournalFilter(), limit=2, offset=1)] == [b.id, a.id]
    assert ids(query='AND OR NEAR * ^ "') == []  # FTS syntax typed by accident never raises
    summary = repo.search(JournalFilter(query="difficult"))[0]
    assert "Difficult" in summary.snippet and summary.tags == ("night",)
    assert repo.distinct_settings() == ["clinic", "outreach"]
    assert set(repo.distinct_tags()) >= {"calm", "night", "court"}


def test_open_follow_ups_are_ordered_by_due_date(db):
    repo = ReflectionRepository(db)
    repo.add(
        make(
            follow_ups=[
                FollowUp("no date"),
                FollowUp("later", due=date(2026, 4, 1)),
                FollowUp("sooner", due=date(2026, 3, 16)),
            ]
        )
    )
    assert [f.text for f in repo.follow_ups.list_open()] == ["sooner", "later", "no date"]
    sooner = repo.follow_ups.list_open()[0]
    repo.follow_ups.set_done(sooner.id, datetime(2026, 3, 16, 8))
    assert [f.text for f in repo.follow_ups.list_open()] == ["later", "no date"]
    assert [f.text for f in repo.follow_ups.list_done()] == ["sooner"]


def test_drafts_round_trip_and_clear(db):
    drafts = DraftRepository(db)
    assert drafts.load() is None
    drafts.save(Draft(make(id=None), datetime(2026, 3, 14, 18, 31), editing_id=None))
    drafts.save(Draft(make(intensity=3), datetime(2026, 3, 14, 18, 32), editing_id=12))
    loaded = drafts.load()
    assert loaded.reflection.intensity == 3
    assert loaded.editing_id == 12
    assert loaded.saved_at == datetime(2026, 3, 14, 18, 32)
    assert loaded.reflection.follow_ups[0].due == date(2026, 3, 20)
    drafts.clear()
    assert drafts.load() is None


def test_an_unreadable_draft_is_ignored(db):
    with db.atomic():
        db.table("drafts").insert(
            {"slot": "reflection", "payload": "{not json", "saved_at": WHEN.isoformat()}
        )
    assert DraftRepository(db).load() is None


def test_reading_many_equals_reading_each(db, monkeypatch):
    """A debrief's shared reflections are read together: the same reflections, follow-ups
    included and in their order, as reading them one by one; deleted ones are left out."""
    import reflect.storage.reflection_repository as module

    monkeypatch.setattr(module, "IDS_PER_QUERY", 3)  # several chunks from a few rows
    repo = ReflectionRepository(db)
    saved = [
        repo.add(
            make(
                answers={"what_happened": f"Shift {n}"},
                follow_ups=[FollowUp(f"First of {n}"), FollowUp(f"Second of {n}")] if n % 2 else [],
            )
        )
        for n in range(8)
    ]
    repo.delete(saved[4].id)
    asked = [s.id for s in reversed(saved)] + [saved[1].id, 9999]  # a repeat, a missing one
    found = repo.get_many(asked)
    assert set(found) == {s.id for s in saved} - {saved[4].id}
    for reflection_id, reflection in found.items():
        assert reflection == repo.get(reflection_id)
    assert [f.text for f in found[saved[3].id].follow_ups] == ["First of 3", "Second of 3"]
    assert found[saved[2].id].follow_ups == []
    assert repo.get_many([]) == {}
