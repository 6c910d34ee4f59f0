"""Debrief mode draws a very large debrief's cards in batches, as the supervisor's side does.

Before: every shared card (and every line of it) became widgets the moment debrief mode
opened, so a debrief sharing many long reflections took seconds to appear on a shared
screen. Counted in widgets, not seconds.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from PySide6.QtWidgets import QLabel, QPushButton

from reflect.ui.screens.debrief_mode import DebriefMode
from reflect.ui.widgets.card_batches import batch_end
from reflect.ui.widgets.debrief_cards import SharedCardView

LONG = "A long evening at the outreach van, thinking it through again. " * 16


def _debrief_sharing(session, reflections: int) -> int:
    journal = session.journal
    start = datetime(2026, 11, 1, 9, 0)
    shared = []
    for n in range(reflections):
        draft = replace(
            journal.new_reflection(),
            occurred_at=start + timedelta(hours=n),
            answers={"what_happened": f"Shift {n}. {LONG}", "my_reaction": LONG},
        )
        saved = journal.save(draft)
        shared.append(("reflection", str(saved.id)))
    debrief = session.debrief.new(title="A very long debrief")
    debrief.shared = shared
    saved_debrief = session.debrief.save(debrief)
    assert saved_debrief.id is not None
    return saved_debrief.id


def _mode(qtbot, session, debrief_id: int) -> DebriefMode:
    mode = DebriefMode(session.debrief.room(debrief_id))
    mode._confirm_leave = False  # closed by qtbot without a question
    qtbot.addWidget(mode)
    return mode


def _cards(mode: DebriefMode) -> list[SharedCardView]:
    return mode.findChildren(SharedCardView)


def _more(mode: DebriefMode) -> QPushButton | None:
    found = [
        b
        for b in mode.findChildren(QPushButton)
        if b.text().startswith("Show the next items") and b.isVisibleTo(mode)
    ]
    return found[0] if found else None


@pytest.fixture
def large(qtbot, session):
    debrief_id = _debrief_sharing(session, 120)
    cards = session.debrief.shared_view(debrief_id).cards
    assert len(cards) == 120
    first_batch = batch_end(cards, 0)
    assert first_batch < 40  # the debrief is several batches long
    return debrief_id, first_batch


def test_a_large_debrief_draws_only_its_first_batch(qtbot, session, large):
    debrief_id, first_batch = large
    mode = _mode(qtbot, session, debrief_id)
    assert len(_cards(mode)) == first_batch
    more = _more(mode)
    assert more is not None and f"({first_batch} of 120 shown)" in more.text()


def test_the_rest_appears_on_request(qtbot, session, large):
    debrief_id, first_batch = large
    mode = _mode(qtbot, session, debrief_id)
    more = _more(mode)
    assert more is not None
    more.click()
    assert first_batch < len(_cards(mode)) <= 2 * first_batch + 1
    clicks = 1
    while (more := _more(mode)) is not None:
        more.click()
        clicks += 1
        assert clicks < 20
    assert len(_cards(mode)) == 120
    shown = " ".join(label.text() for label in mode.findChildren(QLabel))
    assert all(f"Shift {n}." in shown for n in range(120))


def test_an_ordinary_debrief_is_drawn_whole(qtbot, session):
    debrief_id = _debrief_sharing(session, 3)
    mode = _mode(qtbot, session, debrief_id)
    assert len(_cards(mode)) == 3
    assert _more(mode) is None
