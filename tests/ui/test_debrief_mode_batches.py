"""Debrief mode draws a very large debrief's cards in batches, as the supervisor's side does.

Before: every shared card (and every line of it) became widgets the moment debrief mode
opened, so a debrief sharing many long reflections took seconds to appear on a shared
screen. Then the first batch held 60,000 characters and still took 0.8 s. Counted in cards
and characters here, never in seconds (the timing is benchmarks/debrief_bench.py).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox

from reflect.ui.screens.debrief_mode import DebriefMode
from reflect.ui.widgets.card_batches import (
    CHARS_PER_BATCH,
    FIRST_BATCH_CHARS,
    LINES_PER_BATCH,
    batch_end,
)
from tests.ui.large_debrief import debrief_sharing, drawn_cards, more_button, shift_numbers
from tests.ui.test_keyboard_and_names import tab_stops

SHARED = 120


def _mode(qtbot, session, debrief_id: int) -> DebriefMode:
    mode = DebriefMode(session.debrief.room(debrief_id))
    mode._confirm_leave = False  # closed by qtbot without a question
    qtbot.addWidget(mode)
    return mode


def _chars(cards) -> int:
    return sum(len(a) + len(b) for card in cards for a, b in card.lines)


@pytest.fixture
def large(qtbot, session):
    debrief_id = debrief_sharing(session, SHARED)
    cards = session.debrief.shared_view(debrief_id).cards
    assert len(cards) == SHARED
    first_batch = batch_end(cards, 0)
    assert first_batch < 40  # the debrief is several batches long
    return debrief_id, cards, first_batch


def test_the_first_batch_is_small_and_later_ones_larger(large):
    _, cards, first = large
    # The first batch stops at its own budget: one card more would pass it.
    assert _chars(cards[: first - 1]) < FIRST_BATCH_CHARS <= _chars(cards[:first])
    second = batch_end(cards, first)
    assert _chars(cards[first : second - 1]) < CHARS_PER_BATCH <= _chars(cards[first:second])
    assert second - first > 2 * first  # fewer presses reach the end
    assert sum(len(card.lines) + 1 for card in cards[:first]) < LINES_PER_BATCH


def test_a_large_debrief_draws_only_its_first_batch(qtbot, session, large):
    debrief_id, _, first_batch = large
    mode = _mode(qtbot, session, debrief_id)
    assert shift_numbers(mode) == list(range(first_batch))
    more = more_button(mode)
    assert more is not None and f"({first_batch} of {SHARED} shown)" in more.text()


def test_every_card_is_reached_once_in_order(qtbot, session, large):
    debrief_id, cards, first_batch = large
    mode = _mode(qtbot, session, debrief_id)
    more = more_button(mode)
    assert more is not None
    more.click()
    second = batch_end(cards, first_batch)
    assert shift_numbers(mode) == list(range(second))
    assert f"({second} of {SHARED} shown)" in more.text()
    clicks = 1
    while (more := more_button(mode)) is not None:
        more.click()
        clicks += 1
        assert clicks < 20
    # No card lost, none drawn twice, and in the order the provider ticked them.
    assert shift_numbers(mode) == list(range(SHARED))


def test_the_next_items_are_reached_from_the_keyboard(qtbot, session, large):
    debrief_id, _, first_batch = large
    mode = _mode(qtbot, session, debrief_id)
    mode.resize(1200, 800)
    mode.show()
    more = more_button(mode)
    assert more is not None
    assert more in tab_stops(mode)  # Tab reaches it...
    # ...and a screen reader says what it does and how far the list goes.
    assert more.accessibleDescription()
    assert f"{first_batch} of {SHARED}" in more.text()
    more.setFocus()
    qtbot.keyClick(more, Qt.Key.Key_Space)
    assert len(drawn_cards(mode)) > first_batch
    assert mode.focusWidget() is more  # pressing again goes on from there


def test_an_ordinary_debrief_is_drawn_whole(qtbot, session):
    debrief_id = debrief_sharing(session, 3)
    mode = _mode(qtbot, session, debrief_id)
    assert shift_numbers(mode) == [0, 1, 2]
    assert more_button(mode) is None


def test_agreeing_and_ticking_actions_keeps_every_card_drawn(qtbot, session, large):
    debrief_id, cards, first_batch = large
    mode = _mode(qtbot, session, debrief_id)
    more = more_button(mode)
    assert more is not None
    more.click()
    drawn = drawn_cards(mode)
    panel = mode.actions_panel
    panel.text.setText("Ask for a quieter rota")
    panel.add_button.click()
    boxes = [b for b in panel.findChildren(QCheckBox) if b is not panel.has_due]
    boxes = [b for b in boxes if b.isVisibleTo(panel)]
    assert len(boxes) == 1
    boxes[0].click()
    qtbot.waitUntil(lambda: bool(mode._view.actions) and mode._view.actions[0].done)
    assert session.debrief.actions(debrief_id)[0].done_at is not None
    # The cards stay as drawn (the same widgets, as many as before), and the view still
    # holds every shared card.
    assert drawn_cards(mode) == drawn
    assert mode._view.cards == cards
