"""Check-in, instrument-result and dismissed-notice repositories on a real encrypted database."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from reflect.domain.checkin import CheckIn, InstrumentResult
from reflect.storage.checkin_repository import CheckinRepository
from reflect.storage.instrument_result_repository import InstrumentResultRepository
from reflect.storage.notice_repository import NoticeRepository

START = datetime(2026, 3, 2, 17, 30)


def test_checkins_round_trip_and_list_in_time_order(db):
    repo = CheckinRepository(db)
    later = repo.add(
        CheckIn(
            START + timedelta(days=7),
            {"work.dread": 3},
            sleep=2,
            energy=1,
            helping={"balance": 4},
            helped_note="a walk",
            note="long week",
        )
    )
    earlier = repo.add(CheckIn(START, {"emotional.flat": 1}))
    assert later.id is not None and later.item_scores == {"work.dread": 3}
    assert later.helping == {"balance": 4} and later.helped_note == "a walk" and later.sleep == 2
    assert [c.id for c in repo.find()] == [earlier.id, later.id]
    assert [c.id for c in repo.find(since=START + timedelta(days=1))] == [later.id]
    assert [c.id for c in repo.find(until=START)] == [earlier.id]
    assert repo.latest().id == later.id
    assert [c.id for c in repo.recent(1)] == [later.id]
    assert repo.count() == 2


def test_checkin_update_and_delete(db):
    repo = CheckinRepository(db)
    saved = repo.add(CheckIn(START, {"emotional.flat": 1}))
    saved.item_scores["emotional.flat"] = 4
    assert repo.update(saved).item_scores == {"emotional.flat": 4}
    repo.delete(saved.id)
    assert repo.count() == 0 and repo.latest() is None
    with pytest.raises(KeyError):
        repo.get(saved.id)


def test_instrument_results_round_trip(db):
    repo = InstrumentResultRepository(db)
    a = repo.add(
        InstrumentResult(
            "who5", START, [3, 3, 3, 3, 3], {"wellbeing": 60}, {"wellbeing": "above_low"}
        )
    )
    b = repo.add(
        InstrumentResult(
            "stss", START + timedelta(days=1), [1] * 17, {"total": 17}, {"total": "little"}
        )
    )
    assert repo.get(a.id).scores == {"wellbeing": 60}
    assert repo.get(a.id).bands == {"wellbeing": "above_low"}
    assert [r.id for r in repo.find()] == [a.id, b.id]
    assert [r.id for r in repo.find("stss")] == [b.id]
    assert repo.latest("who5").answers == [3, 3, 3, 3, 3]
    repo.delete(a.id)
    assert repo.latest("who5") is None


def test_dismissed_notices(db):
    repo = NoticeRepository(db)
    repo.dismiss("rise:overall:2026-03-02T17:30", START)
    repo.dismiss("rise:overall:2026-03-02T17:30", START)  # twice is harmless
    assert repo.dismissed_ids() == {"rise:overall:2026-03-02T17:30"}
    repo.restore("rise:overall:2026-03-02T17:30")
    assert repo.dismissed_ids() == set()
