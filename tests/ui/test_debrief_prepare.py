"""Prepare screen details: preview of one item, never dropping prepared edits, undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from reflect.ui.screens.debrief_screen import DebriefScreen
from tests.services.debrief_fixtures import CANARY, SHARED_WORDS, seed
from tests.ui.test_debrief_ui import all_texts


@pytest.fixture
def prepared(qtbot, session):
    seeded = seed(session)
    screen = DebriefScreen(session)
    qtbot.addWidget(screen)
    return screen, seeded


def _row_of(screen: DebriefScreen, kind: str, ref: int) -> int:
    widget = screen.picker.lists[kind]
    for row in range(widget.count()):
        if widget.item(row).data(Qt.ItemDataRole.UserRole) == str(ref):
            return row
    raise AssertionError(f"{kind} {ref} not listed")


def test_preview_shows_the_highlighted_item_and_whether_it_is_shared(prepared):
    screen, seeded = prepared
    assert screen.preview.card is None
    lists = screen.picker.lists["reflection"]
    lists.setCurrentRow(_row_of(screen, "reflection", seeded.shared_reflection))
    assert SHARED_WORDS in all_texts(screen.preview)
    assert "Not shared" in screen.preview.state.text()
    screen.picker.set_checked("reflection", str(seeded.shared_reflection))
    assert screen.preview.state.text().startswith("Shared")
    # Another tab shows its own highlighted item (none yet), not the reflection.
    screen.picker.tabs.setCurrentIndex(1)
    assert screen.preview.card is None
    assert SHARED_WORDS not in all_texts(screen.preview)


def test_preview_never_reaches_debrief_mode_or_changes_what_is_shared(prepared, session):
    screen, seeded = prepared
    lists = screen.picker.lists["reflection"]
    lists.setCurrentRow(_row_of(screen, "reflection", seeded.hidden_reflection))
    assert CANARY in all_texts(screen.preview)  # the provider's own screen may show it
    assert screen.save()
    assert session.debrief.get(screen.debrief.id).shared == []
    assert CANARY not in session.debrief.shared_view(screen.debrief.id).all_text()


def test_a_prepared_new_debrief_is_kept_when_starting_another(prepared, session):
    screen, seeded = prepared
    screen.title.setText("Before the court week")
    screen.topics.setPlainText("Sleep")
    screen.picker.set_checked("checkin", str(seeded.shared_checkin))
    screen.new_debrief()
    kept = [d for d in session.debrief.history() if d.title == "Before the court week"]
    assert len(kept) == 1
    assert kept[0].topics == ["Sleep"]
    assert kept[0].shared == [("checkin", str(seeded.shared_checkin))]
    assert screen.debrief.id is None and screen.picker.shared() == []


def test_an_unsaveable_edit_keeps_the_screen_where_it_is(prepared, session):
    screen, _ = prepared
    screen.title.setText("First")
    assert screen.save()
    first = screen.debrief.id
    screen.title.setText("   ")
    screen.new_debrief()
    assert screen.debrief.id == first  # stayed, with a message, rather than losing the edit
    assert "title" in screen.status.text()


def test_history_highlights_only_the_open_debrief(prepared):
    screen, _ = prepared
    screen.title.setText("First")
    assert screen.save()
    assert screen.history.currentItem().text().startswith("First")
    screen.new_debrief()
    assert screen.history.selectedItems() == []


def test_ticking_an_open_action_can_be_undone(qtbot, prepared, session):
    screen, _ = prepared
    assert screen.save()
    session.debrief.add_action(screen.debrief.id, "Call the EAP line", owner="Me")
    screen.refresh()
    item = screen.open_actions.item(0)
    assert screen.debrief.title in item.toolTip()
    item.setCheckState(Qt.CheckState.Checked)
    assert session.debrief.open_actions() == []
    assert not screen.undo_button.isHidden()
    screen.undo_button.click()
    assert [a.text for a in session.debrief.open_actions()] == ["Call the EAP line"]
    assert "Call the EAP line" in screen.open_actions.item(0).text()
    assert screen.undo_button.isHidden()


def test_agenda_ticks_steps_that_have_notes(qtbot, prepared, monkeypatch):
    from reflect.ui.screens.debrief_mode import DebriefMode

    screen, _ = prepared
    monkeypatch.setattr(DebriefMode, "showFullScreen", DebriefMode.show)
    mode = screen.start_mode()
    assert mode is not None
    qtbot.addWidget(mode)
    assert "✓" not in mode.steps.item(0).text()
    mode.notes.setPlainText("Arrived tired")
    mode.next_button.click()  # moving on saves the note
    assert mode.steps.item(0).text().endswith("✓")
    assert "✓" not in mode.steps.item(1).text()
    mode.leave_without_asking()


def test_saving_the_form_keeps_notes_written_in_debrief_mode(prepared, session):
    screen, _ = prepared
    assert screen.save()
    debrief_id = screen.debrief.id
    session.debrief.room(debrief_id).save_note("impact", "Written in debrief mode")
    screen.topics.setPlainText("Added afterwards")  # the form still holds the older debrief
    screen.open_debrief(debrief_id)  # e.g. clicking it in the history saves the form first
    stored = session.debrief.get(debrief_id)
    assert stored.notes == {"impact": "Written in debrief mode"}
    assert stored.topics == ["Added afterwards"]


def test_home_says_a_debrief_action_came_from_a_debrief(qtbot, session):
    from reflect.ui.screens.home_screen import HomeScreen

    debrief = session.debrief.save(session.debrief.new(title="Tuesday"))
    session.debrief.add_action(debrief.id, "Ask about the rota", owner="Sam")
    home = HomeScreen(session)
    qtbot.addWidget(home)
    home.follow_ups.refresh()
    entry = home.follow_ups.list.item(0)
    assert entry.text().startswith("Ask about the rota")
    assert "Agreed in a debrief" in entry.toolTip() and "Sam" in entry.toolTip()
    assert "open its reflection" not in entry.toolTip()


def test_searching_reflections_keeps_ticks_that_are_not_in_the_results(qtbot, prepared, session):
    screen, seeded = prepared
    screen.picker.set_checked("reflection", str(seeded.shared_reflection))
    screen.picker.search.setText("CANARY")
    with qtbot.waitSignal(screen.picker.search_changed):
        pass
    listed = screen.picker.lists["reflection"]
    refs = [listed.item(r).data(Qt.ItemDataRole.UserRole) for r in range(listed.count())]
    assert refs == [str(seeded.hidden_reflection)]
    assert screen.picker.shared() == [("reflection", str(seeded.shared_reflection))]
    screen.picker.search.setText("no-such-word-anywhere")
    with qtbot.waitSignal(screen.picker.search_changed):
        pass
    assert listed.item(0).text() == "No reflection matches that search."
    screen.picker.search.clear()
    with qtbot.waitSignal(screen.picker.search_changed):
        pass
    assert listed.count() == 2
    assert screen.save()
    assert session.debrief.get(screen.debrief.id).shared == [
        ("reflection", str(seeded.shared_reflection))
    ]


def test_coming_back_lists_new_check_ins_and_keeps_the_form(qtbot, prepared, session):
    screen, seeded = prepared
    screen.topics.setPlainText("Unsaved topic")
    screen.picker.set_checked("checkin", str(seeded.shared_checkin))
    before = screen.picker.lists["checkin"].count()
    items = [item.id for item in session.checkins.definition.items]
    session.checkins.record(dict.fromkeys(items, 1))
    screen.show()
    screen.hide()
    screen.show()
    assert screen.picker.lists["checkin"].count() == before + 1
    assert screen.picker.shared() == [("checkin", str(seeded.shared_checkin))]
    assert screen.topics.toPlainText() == "Unsaved topic"
