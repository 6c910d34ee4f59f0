"""The reflection editor and the journal, driven like a person would (keyboard and clicks)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt

from reflect.domain.journal import JournalFilter
from reflect.domain.reflection import FollowUp, Reflection
from reflect.ui.screens.journal_screen import JournalScreen
from reflect.ui.screens.reflect_screen import ReflectScreen


@pytest.fixture
def reflect_screen(qtbot, session):
    screen = ReflectScreen(session, autosave_ms=50)
    qtbot.addWidget(screen)
    screen.resize(1000, 700)
    screen.show()
    return screen


def test_fill_trauma_informed_template_save_and_find_it(qtbot, session, reflect_screen):
    screen = reflect_screen
    form = screen.form
    assert form.template.id == "trauma_informed"
    qtbot.keyClicks(
        form.texts["what_happened"], "Evening outreach, a short conversation near the bus shelter"
    )
    for area, value in (
        ("safe_environment", 4),
        ("communicating_with_care", 5),
        ("active_listening", 3),
        ("appropriate_action", 4),
    ):
        row = form.ratings[f"{area}.rating"]
        row.setFocus()
        qtbot.keyClick(row, str(value))
    qtbot.keyClicks(form.texts["safe_environment.note"], "Stood where she could see the exit")
    form.choices["stage_of_change"].setCurrentIndex(
        form.choices["stage_of_change"].findData("precontemplation")
    )
    assert not form._boxes["not_ready_steps"].isVisibleTo(screen)
    form.yesnos["not_ready"].setFocus()
    qtbot.keyClick(form.yesnos["not_ready"], Qt.Key.Key_Space)
    assert form._boxes["not_ready_steps"].isVisibleTo(screen)
    form.checklists["not_ready_steps"]["validated"].setChecked(True)
    form.checklists["not_ready_steps"]["spoke_options"].setChecked(True)
    qtbot.keyClicks(form.texts["my_reaction"], "Worried, then calmer")
    form.intensity.slider.setValue(6)
    qtbot.keyClicks(form.intensity.words, "worried, steady")
    qtbot.keyClicks(form.texts["body_check"], "tight shoulders")
    form.choices["approach_trauma_informed"].setCurrentIndex(1)
    qtbot.keyClicks(form.texts["do_differently"], "Offer water first")
    screen.details.setting.setCurrentText("outreach")
    qtbot.keyClicks(screen.tags, "night, bus")
    screen.follow_ups.add_button.click()
    qtbot.keyClicks(screen.follow_ups.rows[0].text, "Ask about the women's drop-in hours")

    with qtbot.waitSignal(screen.reflection_saved) as saved_signal:
        qtbot.keyClick(
            form.texts["do_differently"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier
        )
    reflection_id = saved_signal.args[0]
    assert screen.saved_line.isVisible() and "Saved" in screen.saved_line.message.text()
    assert screen.form.texts["what_happened"].toPlainText() == ""  # ready for the next one

    saved = session.journal.get(reflection_id)
    assert saved.practice_ratings() == {
        "safe_environment": 4,
        "communicating_with_care": 5,
        "active_listening": 3,
        "appropriate_action": 4,
    }
    assert saved.stage_of_change == "precontemplation"
    assert saved.answers["not_ready"] is True
    assert saved.answers["not_ready_steps"] == ["validated", "spoke_options"]
    assert saved.intensity == 6 and saved.feelings == ["worried", "steady"]
    assert saved.tags == ["night", "bus"]
    assert saved.follow_ups[0].text == "Ask about the women's drop-in hours"

    journal = JournalScreen(session)
    qtbot.addWidget(journal)
    qtbot.keyClicks(journal.filters.search, "shelter conversation")
    qtbot.waitUntil(
        lambda: (
            journal.model.rowCount() == 1
            and journal.count_label.text() == "1 of 1 reflections match"
        )
    )
    assert journal.model.row_at(0).id == reflection_id
    assert "bus shelter" in journal.model.row_at(0).snippet
    assert [f.text for f in journal.follow_ups.journal.open_follow_ups()] == [
        "Ask about the women's drop-in hours"
    ]


def test_hidden_branch_answers_are_not_saved(reflect_screen, session):
    form = reflect_screen.form
    form.yesnos["not_ready"].setChecked(True)
    form.checklists["not_ready_steps"]["validated"].setChecked(True)
    form.yesnos["not_ready"].setChecked(False)
    saved = reflect_screen.save()
    assert "not_ready_steps" not in saved.answers and "not_ready" not in saved.answers


def test_invalid_input_is_explained_and_nothing_lost(reflect_screen, session, monkeypatch):
    reflect_screen.form.texts["what_happened"].setPlainText("kept text")
    from reflect.domain.errors import ValidationError

    def refuse(_r):
        raise ValidationError("Something is off.")

    monkeypatch.setattr(session.journal, "save", refuse)
    assert reflect_screen.save() is None
    assert "Not saved yet: Something is off." in reflect_screen.status.text()
    assert reflect_screen.form.texts["what_happened"].toPlainText() == "kept text"


def test_draft_autosaves_and_is_offered_back(qtbot, session, reflect_screen):
    reflect_screen.form.texts["what_happened"].setPlainText("typing before a crash")
    qtbot.waitUntil(lambda: session.journal.load_draft() is not None, timeout=2000)
    assert "Draft kept" in reflect_screen.status.text()

    reopened = ReflectScreen(session)  # what the next unlock builds
    qtbot.addWidget(reopened)
    assert reopened.draft_banner.isVisibleTo(reopened)
    assert reopened.form.texts["what_happened"].toPlainText() == "typing before a crash"
    reopened.confirm = lambda *_: True
    reopened.draft_banner.discard_button.click()
    assert session.journal.load_draft() is None
    assert reopened.form.texts["what_happened"].toPlainText() == ""


def test_save_draft_now_before_lock(session, reflect_screen):
    reflect_screen.form.texts["what_happened"].setPlainText("about to lock")
    reflect_screen.save_draft_now()
    assert session.journal.load_draft().reflection.answers["what_happened"] == "about to lock"


def test_identity_guard_banner_replaces_with_initials_and_undo_works(qtbot, reflect_screen):
    edit = reflect_screen.form.texts["what_happened"]
    edit.setPlainText("Met Maria Lopez; she gave 416-555-0199.")
    qtbot.waitUntil(
        lambda: reflect_screen.identity_banner.isVisibleTo(reflect_screen), timeout=2000
    )
    assert "full name" in reflect_screen.identity_banner.message.text()
    reflect_screen.identity_banner.replace_button.click()
    assert edit.toPlainText() == "Met M.L.; she gave [phone]."
    assert not reflect_screen.identity_banner.isVisibleTo(reflect_screen)
    edit.undo()
    assert "Maria Lopez" in edit.toPlainText()


def test_identity_guard_can_be_dismissed_and_never_blocks_saving(qtbot, reflect_screen, session):
    reflect_screen.form.texts["what_happened"].setPlainText("Talked with Maria Lopez.")
    reflect_screen.check_identity()
    assert reflect_screen.identity_banner.isVisibleTo(reflect_screen)
    reflect_screen.identity_banner.dismiss_button.click()
    reflect_screen.check_identity()
    assert not reflect_screen.identity_banner.isVisibleTo(reflect_screen)
    assert reflect_screen.save() is not None


def _seed(session, n=3):
    ids = []
    for i in range(n):
        r = Reflection(
            "quick",
            datetime(2026, 5, 1 + i, 19, 0),
            setting=("clinic", "court", "outreach")[i % 3],
            tags=[f"t{i}"],
            intensity=i * 3,
            answers={"what_happened": f"entry number {i} marker"},
            follow_ups=[FollowUp(f"action {i}", due=date(2026, 6, 1 + i))],
        )
        ids.append(session.journal.save(r).id)
    return ids


def test_journal_filters_delete_with_confirmation_and_undo(qtbot, session):
    ids = _seed(session)
    journal = JournalScreen(session)
    qtbot.addWidget(journal)
    journal.show()
    assert journal.model.rowCount() == 3
    journal.filters.setting.setCurrentIndex(journal.filters.setting.findData("court"))
    assert [journal.model.row_at(i).id for i in range(journal.model.rowCount())] == [ids[1]]
    journal.clear_filters()
    journal.filters.intensity_min.setValue(3)
    assert journal.model.rowCount() == 2
    journal.clear_filters()

    journal.table.selectRow(journal.model.row_of(ids[0]))
    journal.confirm_delete = lambda _text: False
    journal.delete_selected()
    assert session.journal.get(ids[0]) is not None  # cancelled: nothing deleted

    journal.confirm_delete = lambda _text: True
    journal.table.setFocus()
    qtbot.keyClick(journal.table, Qt.Key.Key_Delete)
    assert session.journal.get(ids[0]) is None
    assert journal.model.rowCount() == 2 and journal.undo_bar.isVisibleTo(journal)
    journal.undo_button.click()
    assert session.journal.get(ids[0]) is not None
    assert journal.model.rowCount() == 3 and not journal.undo_bar.isVisibleTo(journal)
    assert journal.selected_id() == ids[0]


def test_journal_empty_state(qtbot, session):
    journal = JournalScreen(session)
    qtbot.addWidget(journal)
    journal.show()
    assert "journal is empty" in journal.empty.text()
    assert not journal.table.isVisibleTo(journal)
    assert journal.write_button.isVisibleTo(journal)


def test_follow_ups_mark_done_and_undo(qtbot, session):
    _seed(session, 2)
    journal = JournalScreen(session)
    qtbot.addWidget(journal)
    panel = journal.follow_ups
    assert panel.list.count() == 2
    panel.list.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: panel.list.count() == 1)
    assert [f.text for f in session.journal.open_follow_ups()] == ["action 1"]
    panel.undo_button.click()
    assert len(session.journal.open_follow_ups()) == 2


def test_opening_from_the_journal_reads_then_edit_opens_the_editor(qtbot, session):
    from reflect.ui.workspace import Workspace

    ids = _seed(session, 2)
    window = Workspace(session)
    qtbot.addWidget(window)
    journal, reflect = window.screens["journal"], window.screens["reflect"]
    window.show_screen("journal")
    journal.table.selectRow(journal.model.row_of(ids[0]))
    journal.open_button.click()
    # Opening reads: a clean view of the answers, from the top, with Edit separate.
    assert window.stack.currentWidget() is journal
    assert journal.pages.currentWidget() is journal.reader
    assert "entry number 0 marker" in journal.reader.view.toPlainText()
    assert journal.reader.view.verticalScrollBar().value() == 0
    assert journal.reader.view.isReadOnly()
    journal.reader.edit_button.click()
    assert window.stack.currentWidget() is reflect
    assert reflect.form.texts["what_happened"].toPlainText() == "entry number 0 marker"
    reflect.form.texts["what_happened"].setPlainText("entry number 0 edited")
    with qtbot.waitSignal(reflect.reflection_saved):
        reflect.save_button.click()
    assert session.journal.count() == 2
    assert [s.id for s in session.journal.search(JournalFilter(query="edited"))] == [ids[0]]
    assert journal.model.rowCount() == 2


def test_broken_organisation_template_is_mentioned(qtbot, paths, profile_service, profile):
    from tests.conftest import PASSPHRASE

    paths.templates_dir.mkdir()
    (paths.templates_dir / "broken.json").write_text("{", encoding="utf-8")
    session = profile_service.unlock(profile, PASSPHRASE)
    try:
        screen = ReflectScreen(session)
        qtbot.addWidget(screen)
        assert screen.template_problems.isVisibleTo(screen)
        assert "broken.json" in screen.template_problems.text()
    finally:
        session.close()


def test_journal_pages_long_lists(qtbot, session, monkeypatch):
    import reflect.ui.screens.journal_screen as journal_module

    monkeypatch.setattr(journal_module, "PAGE_SIZE", 2)
    _seed(session, 3)
    journal = JournalScreen(session)
    qtbot.addWidget(journal)
    assert journal.model.rowCount() == 2
    assert journal.more_button.isVisibleTo(journal)
    assert journal.count_label.text() == "Showing 2 of 3 reflections"
    journal.more_button.click()
    assert journal.model.rowCount() == 3 and not journal.more_button.isVisibleTo(journal)


def test_switching_template_keeps_shared_answers_and_asks_before_dropping(reflect_screen):
    screen = reflect_screen
    screen.form.texts["what_happened"].setPlainText("kept across templates")
    screen.form.texts["my_reaction"].setPlainText("only the trauma-informed template asks this")
    screen.form.intensity.slider.setValue(5)
    asked = []
    screen.confirm = lambda title, text, action: asked.append(text) or False
    screen.template_combo.setCurrentIndex(screen.template_combo.findData("quick"))
    assert asked and screen.template_combo.currentData() == "trauma_informed"
    assert screen.form.texts["my_reaction"].toPlainText().startswith("only the")

    screen.confirm = lambda title, text, action: True
    screen.template_combo.setCurrentIndex(screen.template_combo.findData("quick"))
    assert screen.form.template.id == "quick"
    assert screen.form.texts["what_happened"].toPlainText() == "kept across templates"
    assert screen.form.intensity.value() == 5
    assert "my_reaction" not in screen.current_reflection().answers


def test_an_unexpected_save_failure_keeps_the_text_as_a_draft(reflect_screen, session, monkeypatch):
    reflect_screen.form.texts["what_happened"].setPlainText("precious words")

    def broken(_r):
        raise OSError("disk full")

    monkeypatch.setattr(session.journal, "save", broken)
    assert reflect_screen.save() is None
    assert "could not save" in reflect_screen.status.text()
    assert reflect_screen.form.texts["what_happened"].toPlainText() == "precious words"
    assert session.journal.load_draft().reflection.answers["what_happened"] == "precious words"


def test_intensity_zero_can_be_chosen_from_the_keyboard(qtbot, reflect_screen):
    intensity = reflect_screen.form.intensity
    assert intensity.value() is None
    intensity.slider.setFocus()
    qtbot.keyClick(intensity.slider, Qt.Key.Key_Home)
    assert intensity.value() == 0
    intensity.clear_button.click()
    assert intensity.value() is None
    qtbot.keyClick(intensity.slider, Qt.Key.Key_Right)
    assert intensity.value() == 1
