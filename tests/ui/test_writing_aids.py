"""Word counts, offline spell-checking and tag completion in the reflection editor."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QTextCharFormat

from reflect.domain.reflection import Reflection
from reflect.ui.screens.reflect_screen import ReflectScreen


@pytest.fixture
def screen(qtbot, session):
    widget = ReflectScreen(session, autosave_ms=10_000)
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    return widget


def _underlined(edit) -> list[str]:
    block = edit.document().firstBlock()
    found = []
    for r in block.layout().formats():
        if r.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SpellCheckUnderline:
            found.append(block.text()[r.start : r.start + r.length])
    return found


def test_each_answer_and_the_whole_reflection_show_a_word_count(qtbot, screen):
    edit = screen.form.texts["what_happened"]
    qtbot.keyClicks(edit, "Evening outreach, short and calm")
    counts = [
        w.text() for w in screen.form.findChildren(type(screen.word_total)) if "word" in w.text()
    ]
    assert "5 words" in counts
    qtbot.keyClicks(screen.form.texts["my_reaction"], "Relieved")
    assert screen.word_total.text() == "In all: 6 words"


def test_misspelt_words_are_underlined_with_suggestions_and_can_be_added(qtbot, screen, session):
    edit = screen.form.texts["what_happened"]
    qtbot.waitUntil(lambda: screen.speller.service.ready, timeout=20_000)
    edit.setPlainText("I recieve the colour of the organisation")
    qtbot.waitUntil(lambda: _underlined(edit) == ["recieve"], timeout=5000)
    cursor_rect = edit.cursorRect(edit.document().find("recieve"))
    menu, cursor = screen.speller.actions_for(edit, cursor_rect.center() + QPoint(2, 0))
    labels = [a.text() for a in menu.actions()]
    assert "receive" in labels and any("to my words" in t for t in labels)
    next(a for a in menu.actions() if a.text() == "receive").trigger()
    assert edit.toPlainText() == "I receive the colour of the organisation"
    edit.setPlainText("Zorblat helped")
    qtbot.waitUntil(lambda: _underlined(edit) == ["Zorblat"], timeout=5000)
    rect = edit.cursorRect(edit.document().find("Zorblat"))
    menu, _ = screen.speller.actions_for(edit, rect.center() + QPoint(2, 0))
    next(a for a in menu.actions() if "to my words" in a.text()).trigger()
    assert _underlined(edit) == []
    assert "zorblat" in session.settings.get("spelling_words")


def test_spell_check_can_be_turned_off(qtbot, session):
    session.settings.set("spell_check", False)
    widget = ReflectScreen(session, autosave_ms=10_000)
    qtbot.addWidget(widget)
    assert widget.speller is None
    widget.form.texts["what_happened"].setPlainText("recieve")
    assert _underlined(widget.form.texts["what_happened"]) == []


def test_tags_complete_from_the_ones_already_used(qtbot, session):
    session.journal.save(
        Reflection("quick", datetime(2026, 1, 1, 9), tags=["night shift", "court"], answers={})
    )
    widget = ReflectScreen(session, autosave_ms=10_000)
    qtbot.addWidget(widget)
    widget.show()
    tags = widget.details.tags
    tags.setFocus()
    qtbot.keyClicks(tags, "court, ni")
    completer = widget.tag_completer
    assert completer.currentCompletion() == "night shift"
    completer.activated.emit("night shift")
    assert tags.text().rstrip(", ") == "court, night shift"
