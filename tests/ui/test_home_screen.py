from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import Qt

from reflect.domain.reflection import FollowUp, Reflection
from reflect.ui.data_events import data_events
from reflect.ui.screens.home_screen import HomeScreen, greeting_for
from reflect.ui.widgets.last_checkin_card import summary_lines

NOW = datetime(2026, 11, 20, 19, 0)


def test_greeting_follows_the_time_of_day():
    assert greeting_for(8) == "Good morning"
    assert greeting_for(14) == "Good afternoon"
    assert greeting_for(20) == "Good evening"
    assert greeting_for(2) == "Hello"


def test_brand_new_profile_gets_a_warm_empty_state(qtbot, session):
    home = HomeScreen(session, clock=lambda: NOW)
    qtbot.addWidget(home)
    home.show()
    assert home.greeting.text() == "Good evening, Tester"
    assert home.welcome.isVisible()
    assert home.checkin_card.headline.text() == "No check-in yet"
    assert home.follow_ups.empty.isVisible()
    assert not home.warning_card.isVisible()


def test_buttons_emit_intents(qtbot, session):
    home = HomeScreen(session, clock=lambda: NOW)
    qtbot.addWidget(home)
    with qtbot.waitSignal(home.reflection_requested):
        qtbot.mouseClick(home.reflect_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(home.checkin_requested):
        qtbot.mouseClick(home.checkin_button, Qt.MouseButton.LeftButton)


def test_follow_up_marked_done_from_home(qtbot, session):
    reflection = Reflection(
        "quick",
        NOW - timedelta(days=1),
        answers={"what_happened": "a long day"},
        follow_ups=[FollowUp("call my supervisor", due=date(2026, 11, 25))],
    )
    session.journal.save(reflection)
    home = HomeScreen(session, clock=lambda: NOW)
    qtbot.addWidget(home)
    home.show()
    assert not home.welcome.isVisible()
    item = home.follow_ups.list.item(0)
    assert "call my supervisor" in item.text()
    with qtbot.waitSignal(data_events(session).reflections_changed):
        item.setCheckState(Qt.CheckState.Checked)
    assert session.journal.open_follow_ups() == []


def _save_follow_ups(session, texts: list[str]) -> None:
    reflection = Reflection(
        "quick",
        NOW - timedelta(days=1),
        answers={"what_happened": "a long day"},
        follow_ups=[FollowUp(text) for text in texts],
    )
    session.journal.save(reflection)


def test_a_few_follow_ups_sit_in_a_list_just_their_size(qtbot, session):
    _save_follow_ups(session, ["call my supervisor", "book leave", "share the contact"])
    home = HomeScreen(session, clock=lambda: NOW)
    qtbot.addWidget(home)
    home.resize(900, 700)
    home.show()
    listed = home.follow_ups.list
    qtbot.waitUntil(lambda: listed.visualItemRect(listed.item(2)).height() > 0)
    last = listed.visualItemRect(listed.item(2))
    # Every row is in view, and no empty box is left under them.
    assert last.bottom() < listed.viewport().height()
    assert listed.viewport().height() - last.bottom() <= 3 * listed.spacing() + 2
    assert not listed.verticalScrollBar().isVisible()


def test_many_follow_ups_scroll_inside_a_list_of_about_fourteen_lines(qtbot, session):
    _save_follow_ups(session, [f"action number {n}" for n in range(30)])
    home = HomeScreen(session, clock=lambda: NOW)
    qtbot.addWidget(home)
    home.resize(900, 700)
    home.show()
    listed = home.follow_ups.list
    assert listed.height() == home.follow_ups.fontMetrics().lineSpacing() * 14
    qtbot.waitUntil(listed.verticalScrollBar().isVisible)


def test_last_checkin_compared_with_usual(session):
    items = [i.id for i in session.checkins.definition.items]
    for days in (10, 8, 6):
        session.checkins.record(dict.fromkeys(items, 1), taken_at=NOW - timedelta(days=days))
    heavy = dict.fromkeys(items, 1) | {i: 4 for i in items if i.startswith("emotional.")}
    session.checkins.record(heavy, taken_at=NOW - timedelta(days=1))
    headline, detail = summary_lines(session.checkins.latest_scored(), NOW)
    assert headline == "Last check-in: yesterday"
    assert detail == "Overall: about your usual, with one part above it: Emotional."


def test_summary_before_a_usual_exists(session):
    items = [i.id for i in session.checkins.definition.items]
    session.checkins.record(dict.fromkeys(items, 2), taken_at=NOW)
    headline, detail = summary_lines(session.checkins.latest_scored(), NOW)
    assert headline == "Last check-in: today"
    assert "three check-ins" in detail
