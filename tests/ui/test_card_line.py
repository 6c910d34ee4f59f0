"""A card's line remembers its height per width, yet always has room for all of its text.

CardLine answers the layouts' size questions from memory (that is what makes a large
debrief open quickly); these tests compare its answers with a plain QLabel's, which lays
the same text out afresh each time, including after the font changes (debrief mode's zoom).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from reflect.ui.screens.debrief_mode import DebriefMode
from reflect.ui.theme import apply_theme
from reflect.ui.widgets.card_line import REMEMBERED_WIDTHS, CardLine, card_line_html
from tests.ui.large_debrief import LONG, debrief_sharing, drawn_cards

WIDTHS = (120, 333, 640, 1500)
TEXT = "First paragraph about the van.\n\nSecond one, " + LONG


def _reference(label: str, text: str, line: CardLine) -> QLabel:
    plain = QLabel(card_line_html(label, text))
    plain.setTextFormat(Qt.TextFormat.RichText)
    plain.setWordWrap(True)
    plain.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    plain.setFont(line.font())
    return plain


def _fresh_height(line: CardLine, width: int) -> int:
    return _reference("What happened?", TEXT, line).heightForWidth(width)


def test_heights_are_a_labels_own_at_every_width_and_after_a_font_change(qtbot):
    line = CardLine("What happened?", TEXT)
    qtbot.addWidget(line)
    for width in (*WIDTHS, *WIDTHS):  # asked twice: the second answer is the remembered one
        assert line.heightForWidth(width) == _fresh_height(line, width)
    before = line.heightForWidth(640)
    font = line.font()
    font.setPointSizeF(font.pointSizeF() * 1.6)
    line.setFont(font)
    assert line.heightForWidth(640) > before  # not the height remembered at the old size
    for width in WIDTHS:
        assert line.heightForWidth(width) == _fresh_height(line, width)


def test_a_long_session_of_resizing_still_gets_true_heights(qtbot):
    line = CardLine("What happened?", TEXT)
    qtbot.addWidget(line)
    for width in range(200, 200 + 3 * REMEMBERED_WIDTHS):  # past what it remembers
        line.heightForWidth(width)
    for width in (*WIDTHS, 200, 200 + 3 * REMEMBERED_WIDTHS - 1):
        assert line.heightForWidth(width) == _fresh_height(line, width)


def test_the_widest_word_always_fits(qtbot):
    word = "https://example.org/" + "a-very-long-unbroken-address" * 3
    line = CardLine("Link", f"see {word} for the form")
    qtbot.addWidget(line)
    reference = _reference("Link", f"see {word} for the form", line)
    assert line.minimumSizeHint().width() >= reference.minimumSizeHint().width()
    assert line.sizeHint().width() >= line.minimumSizeHint().width()
    assert line.sizeHint().height() == line.heightForWidth(line.sizeHint().width())


def test_short_lines_ask_for_no_more_width_than_their_text(qtbot):
    line = CardLine("Tags", "outreach, night")
    qtbot.addWidget(line)
    assert line.sizeHint().width() <= line.fontMetrics().averageCharWidth() * 40


@pytest.fixture(params=["plain", "themed"])
def styled(request):
    """Without and with the theme's application style sheet (the app runs with it; under
    it, a font set on the window once stopped short of the cards). The conftest puts the
    application's look back afterwards."""
    if request.param == "themed":
        apply_theme("light")


def test_zoomed_debrief_mode_enlarges_every_line_and_cuts_none(qtbot, session, styled):
    mode = DebriefMode(session.debrief.room(debrief_sharing(session, 4)))
    mode._confirm_leave = False
    qtbot.addWidget(mode)
    mode.resize(1200, 800)
    mode.show()
    before = mode.notes.font().pointSizeF()
    for _ in range(4):
        mode.change_zoom(1)  # every remembered height is stale now
    qtbot.wait(10)
    zoomed = mode.notes.font().pointSizeF()
    assert zoomed > 1.7 * before
    # Every label of a card grew with the zoom, the italic date line included.
    labels = [label for card in drawn_cards(mode) for label in card.findChildren(QLabel)]
    assert {round(label.font().pointSizeF(), 1) for label in labels} == {round(zoomed, 1)}
    assert any(label.font().italic() for label in labels)
    assert mode.step_title.font().pointSizeF() > 1.2 * zoomed
    lines = [line for card in drawn_cards(mode) for line in card.findChildren(CardLine)]
    assert len(lines) == 8
    for line in lines:
        needed = _reference("x", "x", line)
        needed.setText(line.text())
        assert line.height() >= needed.heightForWidth(line.width())
