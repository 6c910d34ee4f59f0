from __future__ import annotations

import os
import stat
from datetime import date

import pytest

from reflect.domain.debrief import CHARTS, Debrief, shared_ref
from reflect.domain.errors import ValidationError
from reflect.paths import write_private_file
from reflect.services.debrief_content import AGENDA
from reflect.services.debrief_markdown import debrief_markdown
from tests.services.debrief_fixtures import (
    CANARY,
    SHARED_NOTE,
    SHARED_WORDS,
    prepared_debrief,
    seed,
)


def test_nothing_is_shared_by_default(session):
    seed(session)
    fresh = session.debrief.new()
    assert fresh.shared == []
    saved = session.debrief.save(fresh)
    view = session.debrief.shared_view(saved.id)
    assert view.cards == ()
    assert CANARY not in view.all_text()
    assert SHARED_WORDS not in view.all_text()


def test_agenda_has_seven_steps_and_never_asks_for_detail():
    assert [s.title for s in AGENDA] == [
        "Check-in and safety",
        "What happened",
        "Impact on me",
        "What helped and what was hard",
        "Standards and follow-ups",
        "Self-care plan",
        "Next steps",
    ]
    assert "no need to go over distressing details" in AGENDA[1].prompt


def test_shared_view_holds_only_shared_items(session):
    seeded = seed(session)
    debrief = prepared_debrief(session, seeded)
    view = session.debrief.shared_view(debrief.id)
    text = view.all_text()
    assert SHARED_WORDS in text and SHARED_NOTE in text
    assert CANARY not in text
    assert [c.kind for c in view.cards] == ["reflection", "checkin", "chart", "chart"]
    assert view.cards[2].bars  # two check-ins give two bars of numbers


def test_markdown_export_contains_only_shared_material(session, tmp_path):
    seeded = seed(session)
    debrief = prepared_debrief(session, seeded)
    session.debrief.save_note(debrief.id, "impact", "Tired but steady")
    session.debrief.add_action(debrief.id, "Book a day off", owner="Me", due=date(2030, 1, 2))
    markdown = debrief_markdown(session.debrief.shared_view(debrief.id))
    assert CANARY not in markdown
    assert "Shared-words-about-the-outreach-van" in markdown.replace("\\", "")
    assert "Tired but steady" in markdown and "Book a day off" in markdown
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "summary.md"
    write_private_file(target, markdown.encode())
    assert target.read_text() == markdown
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    assert [p.name for p in target.parent.iterdir()] == ["summary.md"]


def test_actions_round_trip_and_stay_open_until_done(session):
    service = session.debrief
    first = service.save(service.new(title="First"))
    action = service.add_action(
        first.id, "  Ask about  the rota ", owner="Sam", due=date(2030, 3, 1)
    )
    assert action.text == "Ask about the rota" and action.owner == "Sam"
    assert [a.id for a in service.open_actions()] == [action.id]
    second = service.save(service.new(title="Second"))
    carried = service.shared_view(second.id).carried_over
    assert [(a.text, a.from_title) for a in carried] == [("Ask about the rota", "First")]
    service.room(second.id).set_action_done(action.id)
    assert service.open_actions() == []
    assert service.actions(first.id)[0].done_at is not None
    service.set_action_done(action.id, False)
    assert [a.id for a in service.open_actions()] == [action.id]


def test_reflection_follow_ups_are_not_debrief_actions(session):
    seeded = seed(session)
    reflection = session.journal.get(seeded.hidden_reflection)
    from reflect.domain.reflection import FollowUp

    reflection.follow_ups = [FollowUp(text=CANARY)]
    session.journal.save(reflection)
    debrief = session.debrief.save(session.debrief.new())
    assert session.debrief.open_actions() == []
    assert CANARY not in session.debrief.shared_view(debrief.id).all_text()


def test_room_refuses_actions_from_elsewhere(session):
    seeded = seed(session)
    reflection = session.journal.get(seeded.hidden_reflection)
    from reflect.domain.reflection import FollowUp

    reflection.follow_ups = [FollowUp(text="private follow-up")]
    saved = session.journal.save(reflection)
    debrief = session.debrief.save(session.debrief.new())
    with pytest.raises(ValidationError):
        session.debrief.room(debrief.id).set_action_done(saved.follow_ups[0].id)


def test_save_validates_and_history_lists_newest_first(session):
    service = session.debrief
    with pytest.raises(ValidationError):
        service.save(Debrief(title="   "))
    with pytest.raises(ValidationError):
        shared_ref("diary", "1")
    with pytest.raises(ValidationError):
        shared_ref("chart", "nope")
    older = service.new(title="Older")
    older.scheduled_for = older.scheduled_for.replace(year=2020)
    service.save(older)
    newer = service.save(service.new(title="Newer", supervisor="  Sam   Rivera "))
    newer.topics = ["a", " A ", "", "b"]
    newer.shared = [("chart", "intensity"), ("chart", "intensity")]
    newer = service.save(newer)
    assert newer.supervisor == "Sam Rivera" and newer.topics == ["a", "b"]
    assert newer.shared == [("chart", "intensity")]
    assert [d.title for d in service.history()] == ["Newer", "Older"]
    service.delete(newer.id)
    assert [d.title for d in service.history()] == ["Older"]
    assert set(CHARTS) == {c.ref for c in service.chart_choices()}


def test_deleted_shared_item_shows_as_deleted(session):
    seeded = seed(session)
    debrief = prepared_debrief(session, seeded)
    session.journal.delete(seeded.shared_reflection)
    session.checkins.delete(seeded.shared_checkin)
    view = session.debrief.shared_view(debrief.id)
    assert view.cards[0].subtitle == view.cards[1].subtitle == "It has been deleted since."


def test_choices_label_reflections_without_their_text(session):
    seed(session)
    labels = " ".join(c.label for c in session.debrief.reflection_choices())
    labels += " ".join(c.label for c in session.debrief.checkin_choices())
    assert CANARY not in labels


def test_labels_that_are_questions_get_no_extra_colon():
    from reflect.services.debrief_view import label_colon

    assert label_colon("Feelings") == "Feelings:"
    assert label_colon("What would I do differently?") == "What would I do differently?"


def test_a_past_debrief_shows_charts_as_they_were_then(session):
    from datetime import datetime, timedelta

    now = datetime.now().replace(microsecond=0)
    items = [item.id for item in session.checkins.definition.items]
    session.checkins.record(dict.fromkeys(items, 1), taken_at=now - timedelta(days=30))
    session.checkins.record(dict.fromkeys(items, 3), taken_at=now - timedelta(days=1))
    service = session.debrief
    past = service.new(title="Past", scheduled_for=now - timedelta(days=10))
    past.shared = [("chart", "warning_signs")]
    past = service.save(past)
    bars = service.shared_view(past.id).cards[0].bars
    assert [b.value for b in bars] == [1.0]  # the later check-in did not exist yet
    upcoming = service.new(title="Next", scheduled_for=now + timedelta(days=3))
    upcoming.shared = [("chart", "warning_signs")]
    upcoming = service.save(upcoming)
    assert [b.value for b in service.shared_view(upcoming.id).cards[0].bars] == [1.0, 3.0]


def test_only_actions_from_earlier_debriefs_are_carried_over(session):
    from datetime import datetime, timedelta

    now = datetime.now().replace(microsecond=0)
    service = session.debrief
    older = service.save(service.new(title="Older", scheduled_for=now - timedelta(days=60)))
    newer = service.save(service.new(title="Newer", scheduled_for=now - timedelta(days=5)))
    service.add_action(older.id, "From the older one")
    service.add_action(newer.id, "From the newer one")
    assert [a.text for a in service.shared_view(older.id).carried_over] == []
    carried = service.shared_view(newer.id).carried_over
    assert [(a.text, a.from_title) for a in carried] == [("From the older one", "Older")]
    # Debrief mode refreshes the actions alone on each tick: the very same ones.
    for debrief in (older, newer):
        view = service.shared_view(debrief.id)
        assert service.room(debrief.id).actions() == (view.actions, view.carried_over)
    # An action of a LATER debrief is not this one's to tick, read from the actions alone.
    later = service.actions(newer.id)[0]
    with pytest.raises(ValidationError):
        service.room(older.id).set_action_done(later.id)


def test_exposure_chart_shares_weekly_numbers_only(session):
    from reflect.services.debrief_charts import exposure_bars

    today = date(2026, 3, 20)
    session.exposure.log_shift(day=date(2026, 3, 16), disclosures=3, crises=1, material=2)
    session.exposure.log_shift(
        day=date(2026, 3, 17), critical=True, outline="a hard call", disclosures=1
    )
    session.exposure.log_shift(day=date(2025, 6, 1), disclosures=9)  # older than 12 weeks
    bars = exposure_bars(session.exposure, today)
    assert [(b.label, b.value, b.text) for b in bars] == [
        ("Week of 16 Mar 2026", 7.0, "4 disclosures, 1 crises, material 2 times")
    ]
    card = session.debrief.preview("chart", "exposure")
    assert "hard call" not in repr(card) and "critical" not in repr(card).lower()
