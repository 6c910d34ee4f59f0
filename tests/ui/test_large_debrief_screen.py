"""A very large debrief on the provider's Debrief screen: opening it keeps every tick, the
preview tells shared from not shared, and debrief mode started from it reaches every item,
batch after batch, with exactly what is ticked."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from reflect.ui.screens.debrief_screen import DebriefScreen
from tests.ui.large_debrief import debrief_sharing, more_button, shift_numbers
from tests.ui.test_debrief_ui import all_texts

SHARED = 230  # more than the 200 recent reflections the screen lists


@pytest.fixture
def opened(qtbot, session):
    debrief_id = debrief_sharing(session, SHARED)
    screen = DebriefScreen(session)
    qtbot.addWidget(screen)
    screen.resize(1100, 760)
    screen.show()
    screen.open_debrief(debrief_id)
    return screen, session.debrief.get(debrief_id)


def _checked_rows(screen: DebriefScreen) -> dict[str, bool]:
    widget = screen.picker.lists["reflection"]
    return {
        widget.item(row).data(Qt.ItemDataRole.UserRole): (
            widget.item(row).checkState() == Qt.CheckState.Checked
        )
        for row in range(widget.count())
    }


def _highlight(screen: DebriefScreen, ref: str) -> None:
    widget = screen.picker.lists["reflection"]
    for row in range(widget.count()):
        if widget.item(row).data(Qt.ItemDataRole.UserRole) == ref:
            widget.setCurrentRow(row)
            return
    raise AssertionError(f"reflection {ref} not listed")


def test_opening_keeps_every_tick_listed_or_not(opened):
    screen, debrief = opened
    assert screen.picker.shared() == debrief.shared
    rows = _checked_rows(screen)
    # Every shared reflection is listed ticked (the older ones as "Shared earlier").
    assert {ref for ref, checked in rows.items() if checked} == {r for _, r in debrief.shared}
    assert f"{SHARED} reflections" in screen.picker.summary.text()


def test_the_preview_says_which_items_are_shared(opened):
    screen, debrief = opened
    oldest, newest = debrief.shared[0][1], debrief.shared[-1][1]
    _highlight(screen, newest)
    assert screen.preview.state.text().startswith("Shared")
    assert f"Shift {SHARED - 1}." in all_texts(screen.preview)
    screen.picker.set_checked("reflection", oldest, False)
    _highlight(screen, oldest)
    assert screen.preview.state.text().startswith("Not shared")
    _highlight(screen, newest)
    assert screen.preview.state.text().startswith("Shared")


def test_debrief_mode_reaches_exactly_what_is_ticked(opened, session):
    screen, debrief = opened
    unticked = debrief.shared[150][1]  # deep in a later batch
    screen.picker.set_checked("reflection", unticked, False)
    mode = screen.start_mode()
    assert mode is not None
    while (more := more_button(mode)) is not None:
        more.click()
    assert shift_numbers(mode) == [n for n in range(SHARED) if n != 150]
    mode.leave_without_asking()
    # Leaving reloads the debrief: the untick was saved, every other tick kept.
    assert screen.picker.shared() == [ref for ref in debrief.shared if ref[1] != unticked]
    assert session.debrief.get(debrief.id).shared == screen.picker.shared()
