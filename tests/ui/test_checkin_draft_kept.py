"""Answers given on the Check-in screen, and answers typed from a paper questionnaire, are kept
as an encrypted draft when the profile locks or the language changes, offered back after
unlocking with a way to start over, and gone once saved."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtGui import QShortcut

from reflect.domain.form_draft import CheckinDraft, InstrumentDraft
from reflect.storage.draft_repository import CHECKIN_SLOT, DraftRepository
from reflect.ui import i18n
from reflect.ui.screens.checkin_screen import CheckinScreen
from tests.ui.app_windows import unlock


def _ctrl_l(win):
    shortcut = next(s for s in win.findChildren(QShortcut) if s.key().toString() == "Ctrl+L")
    shortcut.activated.emit()


def _answer_some(screen):
    rows = list(screen.item_rows.values())
    rows[0].set_value(3)
    rows[1].set_value(1)
    screen.sleep_row.set_value(2)
    screen.note.setText("a hard week, half said")
    screen.after_work.helped.setText("the walk home")
    return rows


def test_ctrl_l_keeps_the_answers_and_saving_records_them_once(qtbot, window):
    unlock(qtbot, window)
    window.workspace.arrive_at("checkin")
    _answer_some(window.workspace.checkin)
    _ctrl_l(window)
    assert window.is_locked

    unlock(qtbot, window)
    window.workspace.show_screen("checkin")
    screen = window.workspace.checkin
    rows = list(screen.item_rows.values())
    assert [rows[0].value(), rows[1].value(), rows[2].value()] == [3, 1, None]
    assert screen.sleep_row.value() == 2
    assert screen.note.text() == "a hard week, half said"
    assert screen.after_work.helped.text() == "the walk home"
    assert screen.kept.banner.isVisibleTo(screen)
    assert "kept" in screen.kept.banner.message.text()
    with qtbot.waitSignal(screen.checkin_saved):
        screen.save_button.click()
    session = window.session
    assert session.checkins.count() == 1
    assert session.checkins.latest().note == "a hard week, half said"
    assert session.checkins.draft.load() is None
    assert not screen.kept.banner.isVisibleTo(screen)

    window.lock()  # nothing left to keep: the next unlock shows an empty form
    unlock(qtbot, window)
    screen = window.workspace.checkin
    assert all(row.value() is None for row in screen.item_rows.values())
    assert not screen.kept.banner.isVisibleTo(screen)
    assert window.session.checkins.count() == 1


def test_the_idle_lock_keeps_the_answers(qtbot, window):
    unlock(qtbot, window)
    window.workspace.arrive_at("checkin")
    _answer_some(window.workspace.checkin)
    window.set_idle_timeout_ms(100)
    qtbot.waitUntil(lambda: window.is_locked, timeout=3000)
    unlock(qtbot, window)
    screen = window.workspace.checkin
    assert list(screen.item_rows.values())[0].value() == 3
    assert screen.note.text() == "a hard week, half said"
    assert window.session.checkins.count() == 0  # kept, never submitted


def test_switching_the_language_keeps_the_answers(qtbot, window):
    unlock(qtbot, window)
    window.workspace.arrive_at("checkin")
    _answer_some(window.workspace.checkin)
    old = window.workspace
    try:
        window.session.settings.set("language", "fr")
        window.workspace.setting_changed.emit("language", "fr")
        qtbot.waitUntil(lambda: window.workspace is not old, timeout=5000)
        window.workspace.show_screen("checkin")
        screen = window.workspace.checkin
        assert list(screen.item_rows.values())[0].value() == 3
        assert screen.note.text() == "a hard week, half said"
        assert screen.kept.banner.isVisibleTo(screen)
        assert screen.kept.banner.start_over_button.text() == i18n.tr("Start over")
        assert screen.kept.banner.start_over_button.text() != "Start over"
    finally:
        from reflect.ui.qt_language import apply_qt_language

        apply_qt_language("en")
        i18n.set_language("en")


def test_start_over_clears_the_form_and_the_draft(qtbot, session):
    first = next(item.id for item in session.checkins.definition.items)
    session.checkins.draft.save(CheckinDraft(item_scores={first: 4}, note="kept"))
    screen = CheckinScreen(session)
    qtbot.addWidget(screen)
    assert screen.item_rows[first].value() == 4
    screen.kept.banner.start_over_button.click()
    assert screen.item_rows[first].value() is None and screen.note.text() == ""
    assert session.checkins.draft.load() is None
    assert not screen.kept.banner.isVisibleTo(screen)
    screen.save_draft_now()  # a lock right after starting over keeps nothing
    assert session.checkins.draft.load() is None


def test_a_restored_draft_is_not_rewritten_by_a_lock_without_changes(qtbot, session):
    """Its date stays the date the answers were given, so an old draft keeps looking old."""
    first = next(item.id for item in session.checkins.definition.items)
    old = datetime.now().replace(microsecond=0) - timedelta(days=3)
    DraftRepository(session.db).save_form(CHECKIN_SLOT, {"item_scores": {first: 2}}, old)
    screen = CheckinScreen(session)
    qtbot.addWidget(screen)
    text = screen.kept.banner.message.text()
    assert "more than a day" in text and str(old.day) in text
    screen.save_draft_now()
    assert session.checkins.draft.load().saved_at == old
    assert session.checkins.count() == 0


def test_a_saved_checkin_leaves_no_draft(qtbot, session):
    screen = CheckinScreen(session)
    qtbot.addWidget(screen)
    _answer_some(screen)
    screen.save_draft_now()
    assert session.checkins.draft.load() is not None
    screen.save_checkin()
    assert session.checkins.count() == 1
    assert session.checkins.draft.load() is None
    screen.save_draft_now()  # the result page is showing: nothing is kept
    assert session.checkins.draft.load() is None


def test_undo_after_saving_keeps_the_answers_again(qtbot, session):
    screen = CheckinScreen(session)
    qtbot.addWidget(screen)
    _answer_some(screen)
    screen.save_checkin()
    screen.result_view.undo_button.click()
    screen.save_draft_now()
    kept = session.checkins.draft.load()
    assert kept is not None and kept.note == "a hard week, half said"


# --- the paper questionnaire --------------------------------------------------------------


def test_a_paper_questionnaire_entry_survives_a_lock(qtbot, window):
    unlock(qtbot, window)
    window.workspace.arrive_at("checkin")
    panel = window.workspace.checkin.instruments
    panel.select("who5")
    panel.answers.setText("3 4 2")
    window.lock()

    unlock(qtbot, window)
    window.workspace.show_screen("checkin")
    screen = window.workspace.checkin
    panel = screen.instruments
    assert screen.tabs.currentWidget() is panel  # only the questionnaire was in progress
    assert panel.picker.currentData() == "who5"
    assert panel.answers.text() == "3 4 2"
    assert screen.kept.questionnaire.banner.isVisibleTo(panel)
    panel.answers.setText("3 4 2 5 1")
    panel.score_now()
    with qtbot.waitSignal(panel.result_saved):
        panel.save_button.click()
    assert len(window.session.instruments.results()) == 1
    assert window.session.instruments.draft.load() is None
    window.lock()
    unlock(qtbot, window)
    assert window.workspace.checkin.instruments.answers.text() == ""


def test_the_questionnaire_entry_survives_a_language_switch(qtbot, window):
    unlock(qtbot, window)
    window.workspace.arrive_at("checkin")
    window.workspace.checkin.instruments.select("stss")
    window.workspace.checkin.instruments.answers.setText("1 2 3 4")
    old = window.workspace
    try:
        window.session.settings.set("language", "fr")
        window.workspace.setting_changed.emit("language", "fr")
        qtbot.waitUntil(lambda: window.workspace is not old, timeout=5000)
        panel = window.workspace.checkin.instruments
        assert panel.picker.currentData() == "stss" and panel.answers.text() == "1 2 3 4"
    finally:
        from reflect.ui.qt_language import apply_qt_language

        apply_qt_language("en")
        i18n.set_language("en")


def test_starting_the_questionnaire_over_clears_its_draft(qtbot, session):
    session.instruments.draft.save(InstrumentDraft("who5", typed="1 1"))
    screen = CheckinScreen(session)
    qtbot.addWidget(screen)
    panel = screen.instruments
    assert panel.answers.text() == "1 1"
    screen.kept.questionnaire.banner.start_over_button.click()
    assert panel.answers.text() == ""
    assert session.instruments.draft.load() is None
    screen.save_draft_now()
    assert session.instruments.draft.load() is None


def test_items_answered_on_an_imported_definition_are_kept(qtbot, session, tmp_path):
    import json

    from reflect.resources import asset_path

    data = json.loads(asset_path("instruments", "who5.json").read_text(encoding="utf-8"))
    data["id"] = "who5org"
    data["item_text"] = [f"Our licensed item {n}" for n in range(1, 6)]
    definition = tmp_path / "who5-org.json"
    definition.write_text(json.dumps(data), encoding="utf-8")
    screen = CheckinScreen(session)
    qtbot.addWidget(screen)
    assert screen.instruments.import_file(definition)
    rows = screen.instruments._rows
    rows[0].set_value(4)
    rows[2].set_value(1)
    screen.save_draft_now()
    screen.deleteLater()

    again = CheckinScreen(session)
    qtbot.addWidget(again)
    values = [row.value() for row in again.instruments._rows]
    assert again.instruments.picker.currentData() == "who5org"
    assert values == [4, None, 1, None, None]


def test_a_lock_while_a_questionnaire_was_just_saved_keeps_nothing(qtbot, session):
    screen = CheckinScreen(session)
    qtbot.addWidget(screen)
    panel = screen.instruments
    panel.select("who5")
    panel.answers.setText("3 3 3 3 3")
    panel.score_now()
    panel.save_now()
    screen.save_draft_now()
    assert session.instruments.draft.load() is None
    assert len(session.instruments.results()) == 1


def test_closing_the_window_keeps_the_answers(qtbot, window):
    """Closing (to the tray, or quitting) locks first, as SIGTERM does."""
    unlock(qtbot, window)
    window.workspace.arrive_at("checkin")
    _answer_some(window.workspace.checkin)
    window.close()
    assert window.is_locked
    unlock(qtbot, window)
    assert window.workspace.checkin.note.text() == "a hard week, half said"


def test_the_kept_line_is_in_french_too(qtbot, session):
    from reflect.ui.widgets.kept_answers_banner import KeptAnswersBanner

    session.checkins.draft.save(CheckinDraft(note="kept"))
    i18n.set_language("fr")
    try:
        screen = CheckinScreen(session)
        qtbot.addWidget(screen)
        text = screen.kept.banner.message.text()
        assert "conservées" in text and "kept" not in text
        old = KeptAnswersBanner()
        qtbot.addWidget(old)
        old.show_kept("Your answers from {when} were kept.", datetime(2026, 1, 2, 9, 30))
        assert "plus d'un jour" in old.message.text()
    finally:
        i18n.set_language("en")
