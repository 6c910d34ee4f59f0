"""Taking a check-in from the keyboard, scoring a paper form, importing a definition, the card."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from PySide6.QtCore import Qt

from reflect.resources import asset_path
from reflect.ui.screens.checkin_screen import CheckinScreen
from reflect.ui.widgets.early_warning_card import EarlyWarningCard


def make_screen(qtbot, session):
    screen = CheckinScreen(session)
    qtbot.addWidget(screen)
    screen.resize(1000, 700)
    screen.show()
    return screen


def test_take_a_checkin_with_number_keys_and_see_the_comparison(qtbot, session):
    start = datetime(2026, 1, 5, 18)
    items = [item.id for item in session.checkins.definition.items]
    for day in range(3):
        session.checkins.record({i: 1 for i in items}, taken_at=start + timedelta(days=7 * day))
    screen = make_screen(qtbot, session)
    rows = list(screen.item_rows.values())
    rows[0].setFocus()
    for _ in rows:
        qtbot.keyClick(screen.focusWidget(), Qt.Key.Key_3)  # answer, then focus moves on
    assert [row.value() for row in rows] == [3] * len(rows)
    assert screen.progress.text() == f"{len(rows)} of {len(rows)} answered"
    screen.sleep_row.set_value(1)
    screen.helping_rows["connection"].set_value(4)
    screen.helped_note.setText("a walk by the river")

    with qtbot.waitSignal(screen.checkin_saved) as saved:
        qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    stored = session.checkins.get(saved.args[0])
    assert stored.item_scores == {i: 3 for i in items}
    assert (
        stored.sleep == 1
        and stored.helping == {"connection": 4}
        and stored.helped_note == "a walk by the river"
    )
    assert screen.pages.currentWidget() is screen.result_view
    grid_text = [
        screen.result_view.grid.itemAt(i).widget().text()
        for i in range(screen.result_view.grid.count())
        if hasattr(screen.result_view.grid.itemAt(i).widget(), "text")
    ]
    assert "higher than your usual" in grid_text
    assert "supervisor or someone you trust" in screen.result_view.support.text()

    qtbot.mouseClick(screen.result_view.done_button, Qt.MouseButton.LeftButton)
    assert screen.pages.currentIndex() == 0
    assert all(row.value() is None for row in rows)


def test_undo_deletes_the_checkin_and_keeps_the_answers(qtbot, session):
    screen = make_screen(qtbot, session)
    first = next(iter(screen.item_rows.values()))
    first.set_value(2)
    screen.save_checkin()
    assert session.checkins.count() == 1
    qtbot.mouseClick(screen.result_view.undo_button, Qt.MouseButton.LeftButton)
    assert session.checkins.count() == 0
    assert first.value() == 2 and screen.pages.currentIndex() == 0


def test_saving_nothing_explains_and_keeps_the_form(qtbot, session):
    screen = make_screen(qtbot, session)
    screen.save_checkin()
    assert "at least one" in screen.error.text()
    assert session.checkins.count() == 0


def test_rating_row_keys(qtbot, session):
    screen = make_screen(qtbot, session)
    row = screen.sleep_row
    row.setFocus()
    qtbot.keyClick(row, Qt.Key.Key_Right)
    qtbot.keyClick(row, Qt.Key.Key_Right)
    assert row.value() == 1 and row.chosen.text() == session.checkins.definition.sleep.labels[1]
    qtbot.keyClick(row, Qt.Key.Key_Delete)
    assert row.value() is None
    qtbot.keyClick(row, Qt.Key.Key_9)  # out of range: ignored
    assert row.value() is None


def test_score_a_paper_form_and_save_it(qtbot, session):
    screen = make_screen(qtbot, session)
    panel = screen.instruments
    panel.select("stss")
    qtbot.keyClicks(panel.answers, "5" * 17)
    assert panel.count.text() == "17 of 17 answers"
    qtbot.keyClick(panel.answers, Qt.Key.Key_Return)
    text = panel.result.text()
    assert "Severe (49 or more)" in text and "not a diagnosis" in text and "Bride" in text
    with qtbot.waitSignal(panel.result_saved):
        qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert session.instruments.latest("stss").scores["total"] == 85
    assert screen.card.isVisibleTo(screen) and screen.card.current_notice.instrument_id == "stss"


def test_wrong_answers_are_explained_not_scored(qtbot, session):
    screen = make_screen(qtbot, session)
    panel = screen.instruments
    panel.select("who5")
    panel.answers.setText("1, 2, 9")
    panel.score_now()
    assert "Not scored yet" in panel.result.text()
    assert not panel.save_button.isEnabled()


def test_import_a_definition_with_item_text_shows_the_items(qtbot, session, tmp_path):
    screen = make_screen(qtbot, session)
    panel = screen.instruments
    data = json.loads(asset_path("instruments", "who5.json").read_text(encoding="utf-8"))
    data["item_text"] = [f"Our licensed item {n}" for n in range(1, 6)]
    good = tmp_path / "who5-org.json"
    good.write_text(json.dumps(data), encoding="utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text("{}", encoding="utf-8")

    assert not panel.import_file(bad)
    assert (
        "bad.json" in panel.status.text()
        and "Nothing was added".lower() in panel.status.text().lower()
    )
    assert panel.import_file(good)
    assert panel.items_scroll.isVisibleTo(panel) and not panel.typed.isVisibleTo(panel)
    assert [row.question.text() for row in panel._rows][0] == "1. Our licensed item 1"
    for row in panel._rows:
        row.set_value(4)
    panel.score_now()
    assert "80" in panel.result.text()


def test_early_warning_card_dismiss_undo_and_links(qtbot, session):
    session.instruments.record("proqol5", [1] * 30)  # compassion satisfaction in its low band
    card = EarlyWarningCard(session.early_warning)
    qtbot.addWidget(card)
    card.show()
    assert card.isVisible() and "Compassion satisfaction" in card.message.text()
    assert "(ProQOL 5)" in card.message.text()
    with qtbot.waitSignal(card.open_resources_requested):
        qtbot.mouseClick(card.resources_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(card.open_plan_requested):
        qtbot.mouseClick(card.plan_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(card.dismiss_button, Qt.MouseButton.LeftButton)
    assert session.early_warning.active() == []
    assert card.undo_button.isVisible() and not card.title.isVisible()
    qtbot.mouseClick(card.undo_button, Qt.MouseButton.LeftButton)
    assert len(session.early_warning.active()) == 1 and card.title.isVisible()


def test_card_hides_when_there_is_nothing_to_say(qtbot, session):
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    host = QWidget()
    qtbot.addWidget(host)
    card = EarlyWarningCard(session.early_warning, host)
    QVBoxLayout(host).addWidget(card)
    host.show()
    assert card.current_notice is None and not card.isVisible()
    session.instruments.record("who5", [0, 0, 0, 0, 0])
    card.refresh()
    assert card.isVisible() and "Wellbeing" in card.message.text()


def test_history_lists_entries_and_deletes_with_undo(qtbot, session):
    session.checkins.record({"work.dread": 2}, taken_at=datetime(2026, 2, 1, 9))
    session.instruments.record("who5", [3, 3, 3, 3, 3], taken_at=datetime(2026, 2, 2, 9))
    screen = make_screen(qtbot, session)
    history = screen.history
    texts = [history.list.item(i).text() for i in range(history.list.count())]
    assert (
        len(texts) == 2 and "WHO-5: Wellbeing (0 to 100) 60" in texts[0] and "Check-in" in texts[1]
    )
    history.list.setCurrentRow(1)
    with qtbot.waitSignal(history.history_changed):
        qtbot.mouseClick(history.delete_button, Qt.MouseButton.LeftButton)
    assert session.checkins.count() == 0 and history.list.count() == 1
    qtbot.mouseClick(history.undo_button, Qt.MouseButton.LeftButton)
    assert session.checkins.count() == 1 and history.list.count() == 2
    history.list.setCurrentRow(0)
    history.delete_selected()
    assert session.instruments.results() == []
    history.undo_delete()
    assert [r.scores for r in session.instruments.results()] == [{"wellbeing": 60}]


def test_history_empty_state(qtbot, session):
    screen = make_screen(qtbot, session)
    assert screen.history.empty.isVisibleTo(screen.history)
    assert not screen.history.list.isVisibleTo(screen.history)
