"""Scores come with support, and Understanding vicarious trauma is one click from a score.

The questionnaire panel shows coping ideas, My plan and Get help now as buttons as soon as a
result needs support (before saving); the check-in history carries the not-a-diagnosis
line; the Resources screen has a cited Understanding page that the first check-in and every
early-warning note link to; the trauma-informed form shows the hint for the chosen stage.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from reflect.ui.screens.checkin_screen import CheckinScreen
from reflect.ui.screens.resources_screen import TABS, ResourcesScreen
from reflect.ui.widgets.early_warning_card import EarlyWarningCard


def _checkin_screen(qtbot, session):
    screen = CheckinScreen(session)
    qtbot.addWidget(screen)
    screen.resize(1000, 700)
    screen.show()
    return screen


def _score(qtbot, panel, instrument, answers):
    panel.select(instrument)
    qtbot.keyClicks(panel.answers, answers)
    qtbot.keyClick(panel.answers, Qt.Key.Key_Return)


def test_a_notice_band_shows_the_three_support_buttons_before_saving(qtbot, session):
    screen = _checkin_screen(qtbot, session)
    panel = screen.instruments
    assert not panel.support_row.isVisibleTo(panel)
    _score(qtbot, panel, "stss", "5" * 17)
    assert panel.save_button.isEnabled()  # not saved yet
    assert panel.support_row.isVisibleTo(panel)
    with qtbot.waitSignal(screen.open_resources_requested):
        qtbot.mouseClick(panel.coping_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(screen.open_plan_requested):
        qtbot.mouseClick(panel.plan_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(screen.help_requested):
        qtbot.mouseClick(panel.help_button, Qt.MouseButton.LeftButton)


def test_a_calm_result_shows_no_support_row(qtbot, session):
    screen = _checkin_screen(qtbot, session)
    panel = screen.instruments
    _score(qtbot, panel, "stss", "1" * 17)
    assert not panel.support_row.isVisibleTo(panel)


def test_a_who5_answer_of_0_or_1_adds_the_closer_look_note(qtbot, session):
    screen = _checkin_screen(qtbot, session)
    panel = screen.instruments
    _score(qtbot, panel, "who5", "55515")  # a high total, one low answer
    assert "closer look" in panel.result.text()
    assert panel.support_row.isVisibleTo(panel)
    panel.answers.clear()
    _score(qtbot, panel, "who5", "55545")
    assert "closer look" not in panel.result.text()
    assert not panel.support_row.isVisibleTo(panel)


def test_history_says_a_checkin_is_not_a_diagnosis(qtbot, session):
    screen = _checkin_screen(qtbot, session)
    assert "not a test or a diagnosis" in screen.history.disclaimer.text()


def test_the_first_checkin_links_to_understanding_and_later_ones_do_not(qtbot, session):
    screen = _checkin_screen(qtbot, session)
    assert screen.understanding_link.isVisibleTo(screen)
    with qtbot.waitSignal(screen.open_understanding_requested):
        qtbot.mouseClick(screen.understanding_link, Qt.MouseButton.LeftButton)
    first = next(iter(screen.item_rows.values()))
    first.set_value(2)
    screen.save_checkin()
    assert not screen.understanding_link.isVisibleTo(screen)


def test_strengths_are_saved_with_the_checkin_and_shown_on_their_own(qtbot, session):
    screen = _checkin_screen(qtbot, session)
    assert len(screen.strength_rows) >= 2
    next(iter(screen.item_rows.values())).set_value(1)
    for row in screen.strength_rows.values():
        row.set_value(4)
    screen.save_checkin()
    saved = session.checkins.latest()
    assert all(saved.item_scores[key] == 4 for key in screen.strength_rows)
    assert saved.item_scores and session.checkins.scored(saved.id).scores.overall == 1
    assert "4" in screen.result_view.strengths.text()
    assert "most of the time" not in screen.result_view.support.text()


def test_every_early_warning_note_links_to_understanding(qtbot, session):
    session.instruments.record("proqol5", [1] * 30)
    card = EarlyWarningCard(session.early_warning)
    qtbot.addWidget(card)
    card.show()
    assert card.understanding_button.isVisible()
    with qtbot.waitSignal(card.open_understanding_requested):
        qtbot.mouseClick(card.understanding_button, Qt.MouseButton.LeftButton)


def test_resources_has_a_cited_understanding_page(qtbot, session):
    screen = ResourcesScreen(session)
    qtbot.addWidget(screen)
    screen.resize(1000, 700)
    screen.show()
    screen.show_understanding()
    assert screen.tabs.currentIndex() == TABS.index("understanding")
    text = screen.understanding.browser.toPlainText()
    for term in (
        "Vicarious trauma",
        "Secondary traumatic stress",
        "Burnout",
        "Compassion fatigue",
        "What organisations can do",
        "Source",
    ):
        assert term in text, term
    with qtbot.waitSignal(screen.help_requested):
        qtbot.mouseClick(screen.understanding.help_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.understanding.plan_button, Qt.MouseButton.LeftButton)
    assert screen.tabs.currentIndex() == TABS.index("plan")


def test_the_understanding_page_in_french(qtbot, session):
    from reflect.ui import i18n

    i18n.set_language("fr")
    try:
        screen = ResourcesScreen(session)
        qtbot.addWidget(screen)
        screen.show_understanding()
        text = screen.understanding.browser.toPlainText()
        assert "Comprendre le traumatisme vicariant" in text
        assert "usure de compassion" in text.lower() and "Source" in text
    finally:
        i18n.set_language("en")


def test_the_trauma_informed_form_shows_the_hint_of_the_chosen_stage(qtbot):
    from reflect.domain.templates import load_templates
    from reflect.resources import asset_path
    from reflect.ui.widgets.template_form import TemplateForm

    template = load_templates(asset_path("templates")).default
    form = TemplateForm(template)
    qtbot.addWidget(form)
    form.show()
    hint = form.choice_hints["stage_of_change"]
    assert not hint.isVisible()
    form.set_answers({"stage_of_change": "returned"})
    assert hint.isVisible() and "not a failure" in hint.text()
    assert form.answers()["stage_of_change"] == "returned"
