"""Records written in Paris, read in New York: nothing moves to another day or week.

Reflect keeps the wall-clock time a person lived, with no zone (docs/reliability.md, "Dates
and times"). So the day of a reflection, the week it counts in on Trends, the month it counts
in for a team contribution and the usual a check-in is compared with are the same whatever
zone the computer is in when they are read. ``TZ`` and ``time.tzset()`` switch the zone
Python's local time follows in this process.
"""

from __future__ import annotations

import json
import time
from datetime import date, datetime

import pytest

from reflect.domain.reflection import Reflection
from reflect.services.export import export_profile
from reflect.services.team_contribute import build_contribution

# The last Thursday of ISO week 53 of 2026 (28 Dec 2026 to 3 Jan 2027), late and early.
LATE = datetime(2026, 12, 31, 23, 30)
EARLY = datetime(2027, 1, 1, 0, 30)
SPRING_GAP = datetime(2026, 3, 29, 2, 30)  # does not exist in Paris
FALL_TWICE = datetime(2026, 11, 1, 1, 30)  # happens twice in New York


@pytest.fixture
def zone(monkeypatch):
    def use(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield use
    monkeypatch.undo()
    time.tzset()


def _fill(session) -> None:
    for moment, intensity in ((LATE, 7), (EARLY, 3), (SPRING_GAP, 5), (FALL_TWICE, 4)):
        session.journal.save(
            Reflection("quick", moment, intensity=intensity, answers={"what_happened": "x"})
        )
    items = [item.id for item in session.checkins.definition.items]
    for day, score in ((1, 1), (8, 1), (15, 1), (22, 3), (31, 4)):
        session.checkins.record(
            dict.fromkeys(items, score), taken_at=datetime(2026, 12, day, 23, 30)
        )


def _view(session, tmp_path, name: str) -> dict:
    data = session.trends.build_for("custom", date(2026, 3, 1), date(2027, 1, 3))
    weekly = data.weekly
    plain = export_profile(session, "json", tmp_path / f"{name}.json", plain_ok=True).path
    exported = json.loads(plain.read_text(encoding="utf-8"))
    exported.pop("exported_at", None)
    contribution = build_contribution(session, "2026-11", "2027-01", today=date(2027, 1, 10))
    latest = session.checkins.latest_scored()
    return {
        "weeks": dict(zip(weekly.weeks, weekly.counts, strict=True)),
        "december": session.journal.month_marks(2026, 12).reflections,
        "january": session.journal.month_marks(2027, 1).reflections,
        "march": session.journal.month_marks(2026, 3).reflections,
        "heavy_days": data.heaviness,
        "export": exported,
        "months": [(m.month, m.reflections) for m in contribution.months],
        "usual": latest.baseline if latest else None,
    }


def test_days_weeks_months_and_usual_do_not_move_with_the_zone(session, tmp_path, zone):
    zone("Europe/Paris")
    _fill(session)
    in_paris = _view(session, tmp_path, "paris")
    zone("America/New_York")
    session.trends.invalidate()
    in_new_york = _view(session, tmp_path, "new-york")
    assert in_new_york == in_paris
    assert in_paris["december"][date(2026, 12, 31)] == 1
    assert in_paris["january"] == {date(2027, 1, 1): 1}
    assert in_paris["march"] == {date(2026, 3, 29): 1}
    # 31 December and 1 January are in the same ISO week (53), which starts on 28 December.
    assert in_paris["weeks"][date(2026, 12, 28)] == 2


def test_two_reflections_in_the_repeated_hour_keep_the_order_they_were_written(session):
    from reflect.domain.journal import JournalFilter

    for text in ("first 01:30", "second 01:30"):
        session.journal.save(Reflection("free_write", FALL_TWICE, answers={"text": text}))
    newest_first = session.journal.search(JournalFilter())
    assert [r.snippet for r in newest_first] == ["second 01:30", "first 01:30"]
