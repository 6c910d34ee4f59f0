"""Change events: every successful write announces its kind once; a refused one announces none."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from reflect.domain.debrief import Debrief
from reflect.domain.errors import ValidationError
from reflect.domain.reflection import Reflection
from reflect.services.events import CHANGE_KINDS, ChangeFeed
from reflect.services.importing import import_file
from reflect.services.worker_session import separate_session

WHEN = datetime(2026, 3, 4, 18, 30)


@pytest.fixture
def heard(session):
    kinds: list[str] = []
    session.changes.subscribe(kinds.append)
    return kinds


def _scores(session, value=1):
    return {item.id: value for item in session.checkins.definition.items}


def test_the_feed_calls_each_listener_until_it_unsubscribes():
    feed, first, second = ChangeFeed(), [], []
    stop = feed.subscribe(first.append)
    feed.subscribe(second.append)
    feed.announce("plan_changed")
    stop()
    feed.announce("imported")
    assert first == ["plan_changed"]
    assert second == ["plan_changed", "imported"]
    with pytest.raises(ValueError):
        feed.announce("everything_changed")  # type: ignore[arg-type]
    assert set(CHANGE_KINDS) >= {"reflections_changed", "checkins_changed", "restored"}


def test_journal_writes_announce_reflections_changed(session, heard):
    saved = session.journal.save(Reflection("free_write", WHEN, answers={"text": "a walk"}))
    assert heard == ["reflections_changed"]
    session.journal.merge_tags(["none-such"], "calm")  # nothing to rename: nothing changed
    assert heard == ["reflections_changed"]
    deleted = session.journal.delete(saved.id)
    session.journal.undo_delete(deleted)
    assert heard == ["reflections_changed"] * 3


def test_a_refused_write_announces_nothing(session, heard):
    with pytest.raises(ValidationError):
        session.checkins.record({"no.such.item": 9})
    with pytest.raises(ValidationError):
        session.debrief.save(Debrief(title="  "))
    assert heard == []


def test_checkins_results_debriefs_and_plan_announce_their_kind(session, heard):
    checkin = session.checkins.record(_scores(session), taken_at=WHEN)
    session.checkins.delete(checkin.id)
    session.instruments.record("who5", [3, 3, 3, 3, 3], WHEN)
    debrief = session.debrief.save(session.debrief.new("Monthly supervision"))
    session.debrief.delete(debrief.id)
    session.resources.save_plan(session.resources.load_plan())
    assert heard == [
        "checkins_changed",
        "checkins_changed",
        "results_changed",
        "debriefs_changed",
        "debriefs_changed",
        "plan_changed",
    ]


def test_an_import_on_a_worker_connection_is_announced_on_the_gui_session(session, heard, tmp_path):
    path = tmp_path / "jrnl.json"
    entry = {"date": "2024-03-30", "time": "21:05", "title": "Long shift.", "body": "", "tags": []}
    path.write_text(json.dumps({"entries": [entry]}), encoding="utf-8")
    with separate_session(session) as writer:
        assert writer.db is not session.db
        import_file(writer, path)
    assert heard[-1] == "imported"
    assert session.journal.count() == 1
