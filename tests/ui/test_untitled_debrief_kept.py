"""A debrief whose title was emptied keeps what was typed in it through a lock.

Before: the save on the way to the lock screen refused the empty title ("Please give the
debrief a title"), the lock screen said something could not be kept, and the topics and
supervisor typed into the debrief were gone after unlocking.
"""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt

from reflect.ui.i18n import interface_words
from tests.ui.app_windows import unlock

TOPICS = "Sleep after the court week\nThe call on Tuesday night"


def _debrief_screen(window):
    window.workspace.show_screen("debrief")
    return window.workspace.debrief


def test_text_typed_into_a_debrief_without_a_title_is_there_after_unlock(qtbot, window):
    unlock(qtbot, window)
    screen = _debrief_screen(window)
    screen.supervisor.setText("Sam Rivera")
    screen.topics.setPlainText(TOPICS)
    screen.title.setText("")
    window.lock()
    assert window.is_locked
    assert "could not be kept" not in window.lock_screen.status_label.text()
    unlock(qtbot, window)
    screen = _debrief_screen(window)
    assert screen.topics.toPlainText() == TOPICS
    assert screen.supervisor.text() == "Sam Rivera"
    today = interface_words().day(datetime.now())
    assert screen.title.text() == f"Untitled debrief, {today}"
    # The person is told why it has that title, and the history shows it selected.
    assert "had no title" in screen.status.text()
    assert screen.debrief.id is not None
    assert screen.sidebar.history.currentItem() is not None
    # Offered once: the next time the screen is built it starts on a new debrief again.
    window.lock()
    unlock(qtbot, window)
    assert _debrief_screen(window).debrief.id is None


def test_a_saved_debrief_whose_title_was_emptied_keeps_its_title_and_the_new_text(qtbot, window):
    unlock(qtbot, window)
    screen = _debrief_screen(window)
    screen.title.setText("Tuesday supervision")
    assert screen.save()
    screen.topics.setPlainText(TOPICS)
    screen.title.setText("  ")
    window.lock()
    assert "could not be kept" not in window.lock_screen.status_label.text()
    unlock(qtbot, window)
    screen = _debrief_screen(window)
    assert screen.title.text() == "Tuesday supervision"
    assert screen.topics.toPlainText() == TOPICS
    assert [d.title for d in window.session.debrief.history()] == ["Tuesday supervision"]


def test_emptying_the_title_of_a_new_debrief_alone_saves_nothing(qtbot, window):
    """Nothing was typed, so nothing is kept: no "Untitled" debrief appears in the history."""
    unlock(qtbot, window)
    screen = _debrief_screen(window)
    screen.title.setText("")
    window.lock()
    unlock(qtbot, window)
    assert window.session.debrief.history() == []
    assert _debrief_screen(window).debrief.id is None


def test_the_french_placeholder_title(qtbot, window):
    from reflect.ui.i18n import set_language

    unlock(qtbot, window)
    window.session.settings.set("language", "fr")
    set_language("fr")
    try:
        window._rebuild_workspace()
        screen = _debrief_screen(window)
        screen.topics.setPlainText(TOPICS)
        screen.title.setText("")
        window.lock()
        unlock(qtbot, window)
        screen = _debrief_screen(window)
        assert screen.title.text().startswith("Débreffage sans titre, ")
        assert screen.topics.toPlainText() == TOPICS
    finally:
        set_language("en")


@pytest.mark.parametrize(
    "stored",
    [
        {"id": 1, "created_at": "2020-01-01T00:00:00"},  # another profile's debrief 1
        {"id": 999, "created_at": None},
        {"id": True, "created_at": None},
        "1",
        [1],
        7,
    ],
)
def test_a_value_that_does_not_name_this_profiles_debrief_opens_nothing(qtbot, session, stored):
    from reflect.ui.screens.debrief_screen import DebriefScreen
    from reflect.ui.screens.debrief_untitled import REOPEN_KEY

    session.debrief.save(session.debrief.new(title="Tuesday supervision"))
    session.settings.set(REOPEN_KEY, stored)
    screen = DebriefScreen(session)
    qtbot.addWidget(screen)
    assert screen.debrief.id is None
    assert screen.status.text() == ""
    assert session.settings.get(REOPEN_KEY) is None


def test_home_says_where_the_kept_debrief_is_and_takes_the_person_there(qtbot, window):
    unlock(qtbot, window)
    screen = _debrief_screen(window)
    screen.topics.setPlainText(TOPICS)
    screen.title.setText("")
    window.lock()
    unlock(qtbot, window)
    window.workspace.show_screen("home")
    home = window.workspace.screens["home"]
    home.refresh()
    note = home.kept_debrief_note
    assert note.isVisible()
    assert "Untitled debrief" in note.label.text() and "when Reflect locked" in note.label.text()
    note.button.click()
    assert window.workspace.nav.currentItem().data(Qt.ItemDataRole.UserRole) == "debrief"
    assert window.workspace.debrief.topics.toPlainText() == TOPICS
    home.refresh()  # offered once: the Debrief screen opened it
    assert not note.isVisible()
