"""Home says when check-in or questionnaire answers are kept as a draft, as it does for a
reflection, with a button to the Check-in screen where they wait."""

from __future__ import annotations

from datetime import datetime

from reflect.domain.form_draft import CheckinDraft, InstrumentDraft
from reflect.ui.screens.home_screen import HomeScreen

NOW = datetime(2026, 11, 20, 19, 0)


def _home(qtbot, session) -> HomeScreen:
    home = HomeScreen(session, clock=lambda: NOW)
    qtbot.addWidget(home)
    home.show()
    return home


def test_nothing_kept_nothing_said(qtbot, session):
    home = _home(qtbot, session)
    assert not home.form_draft_note.isVisible()


def test_kept_checkin_answers_are_mentioned_and_lead_to_the_checkin(qtbot, session):
    home = _home(qtbot, session)
    session.checkins.draft.save(CheckinDraft(item_scores={"emotional.flat": 2}))
    home.refresh()
    assert home.form_draft_note.isVisible()
    text = home.form_draft_note.label.text()
    assert text.startswith("Check-in answers from ")
    assert text.endswith(" are kept for you on the Check-in screen.")
    assert not home.draft_note.isVisible()  # the reflection note is another matter
    with qtbot.waitSignal(home.checkin_requested):
        home.form_draft_note.button.click()
    session.checkins.draft.discard()
    home.refresh()
    assert not home.form_draft_note.isVisible()


def test_kept_questionnaire_answers_are_mentioned(qtbot, session):
    home = _home(qtbot, session)
    session.instruments.draft.save(InstrumentDraft("who5", typed="3 3 2"))
    home.refresh()
    assert home.form_draft_note.isVisible()
    assert home.form_draft_note.label.text().startswith("Questionnaire answers from ")


def test_the_note_in_french(qtbot, session, french):
    session.checkins.draft.save(CheckinDraft(item_scores={"emotional.flat": 2}))
    home = _home(qtbot, session)
    text = home.form_draft_note.label.text()
    assert text.startswith("Des réponses de bilan du ") and "écran Bilan" in text
    assert home.form_draft_note.button.text() == "Aller au bilan"
