"""Resources → Exercises fits the smallest window in French, light or dark: it made the
window about 960 pixels wide (a heading and two buttons side by side kept on one line) and,
squeezed in height, drew the breathing circle over its Start button."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt

from reflect.domain.coping import EXERCISES
from reflect.ui.theme import apply_theme
from reflect.ui.widgets.breathing_exercise import BreathingExercise
from reflect.ui.workspace import Workspace
from tests.ui.text_fit import cut_texts


@pytest.fixture(params=["light", "dark"])
def exercises(request, qtbot, session, french):
    apply_theme(request.param)
    workspace = Workspace(session)
    qtbot.addWidget(workspace)
    workspace.show()
    workspace.show_screen("resources")
    workspace.resources.show_exercise()
    qtbot.wait(5)
    return workspace


def _smallest_window(workspace: Workspace) -> tuple[int, int]:
    """window_size.workspace_minimum_size, without the bound of this test's small screen."""
    line = workspace.fontMetrics().height()
    return line * 58, line * 37


def _in(widget, workspace: Workspace) -> QRect:
    return QRect(widget.mapTo(workspace, widget.rect().topLeft()), widget.size())


@pytest.mark.parametrize("key", EXERCISES)
def test_every_exercise_fits_the_smallest_window(qtbot, exercises, key):
    exercises.resources.show_exercise(key)
    qtbot.wait(5)
    wide, high = _smallest_window(exercises)
    needed = exercises.minimumSizeHint()
    assert needed.width() <= wide and needed.height() <= high
    exercises.resize(wide, high)
    qtbot.wait(5)
    assert cut_texts(exercises.resources, skip_scrolled=False) == []


def test_the_breathing_circle_leaves_its_words_and_buttons_alone(qtbot, exercises):
    exercises.resize(*_smallest_window(exercises))
    qtbot.wait(5)
    breathing = exercises.resources.findChild(BreathingExercise)
    circle = _in(breathing.circle, exercises)
    below = (breathing.status_label, breathing.start_button, breathing.muscle_button)
    for widget in below:
        assert not circle.intersects(_in(widget, exercises)), widget
    # Tab reaches the alternatives under the fold, and the page scrolls to them.
    breathing.start_button.setFocus()
    for _ in range(5):  # Stop (when enabled), then the two alternatives
        if breathing.grounding_button.hasFocus():
            break
        qtbot.keyClick(exercises.focusWidget(), Qt.Key.Key_Tab)
    assert breathing.grounding_button.hasFocus()
    assert breathing.grounding_button.visibleRegion().boundingRect().size() == (
        breathing.grounding_button.size()
    )
