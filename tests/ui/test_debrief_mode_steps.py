"""Debrief mode shows all seven agenda steps without a scroll bar, at any zoom.

Before: the list measured its rows before it joined the window, in the smaller default
type, so once shown in the window's larger type the last step hid behind a scroll bar.
"""

from __future__ import annotations

from reflect.ui.screens.debrief_mode import DebriefMode


def _all_steps_fit(mode: DebriefMode) -> bool:
    steps = mode.steps
    bottom = max(steps.visualItemRect(steps.item(row)).bottom() for row in range(steps.count()))
    return bottom < steps.viewport().height() and not steps.verticalScrollBar().isVisible()


def test_every_step_fits_once_shown_and_after_zooming(qtbot, session):
    debrief = session.debrief.save(session.debrief.new(title="Tuesday"))
    assert debrief.id is not None
    mode = DebriefMode(session.debrief.room(debrief.id))
    mode._confirm_leave = False
    qtbot.addWidget(mode)
    mode.resize(1200, 800)
    mode.show()
    qtbot.waitExposed(mode)
    assert mode.steps.count() == 7
    assert _all_steps_fit(mode)
    for _ in range(4):
        mode.change_zoom(1)
    qtbot.wait(10)
    assert _all_steps_fit(mode)
