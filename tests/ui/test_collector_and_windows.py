"""Why the UI tests' collector waits for their windows (tests/ui/window_cleanup.py).

The suite crashed with a segmentation fault about one run in four: a test's window, kept only
by a reference cycle but still shown, was collected by Python's cyclic collector while its
chart canvas was drawing. Here the collector is made to wake inside matplotlib's draw, as it
did by chance, in a child process so that a crash cannot take pytest down."""

from __future__ import annotations

import pytest

from tests.ui.child_script import run_child

CHILD = """
import gc, sys
from matplotlib.artist import Artist
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget
from tests.ui.window_cleanup import collector_waits_for_windows

class CollectorWakes(Artist):
    # Drawn with the figure: the next allocation inside the draw starts a full collection,
    # which is what happened by chance in the suite.
    def draw(self, renderer):
        gc.set_threshold(1, 1, 1)

def a_test_that_drops_its_window():
    window = QWidget()
    canvas = FigureCanvasQTAgg(Figure())
    QVBoxLayout(window).addWidget(canvas)
    canvas.figure.subplots().plot(range(100))
    canvas.figure.add_artist(CollectorWakes())
    window.screen_of = window  # a cycle: dropping the name does not free the window
    window.resize(400, 300)
    window.show()
    canvas.draw_idle()

def events_after_the_test(app):
    for _ in range(5):  # what pytest-qt does after each test
        app.processEvents()

app = QApplication([])
gc.set_threshold(10**9)  # no collection before the draw starts
if sys.argv[1] == "guarded":
    with collector_waits_for_windows(app):
        a_test_that_drops_its_window()
        events_after_the_test(app)
else:
    a_test_that_drops_its_window()
    events_after_the_test(app)
print("drawn and collected")
"""


@pytest.mark.parametrize("mode", ["bare", "guarded"])
def test_a_dropped_window_is_never_collected_while_its_chart_draws(mode):
    result = run_child(CHILD, mode)
    deleted_while_drawing = "already deleted" in result.stderr or result.returncode != 0
    if mode == "bare":
        # Without the guard the canvas is deleted in the middle of its own draw (a use of
        # freed memory: the segmentation fault whenever that memory was reused).
        assert deleted_while_drawing, result.stderr
    else:
        assert not deleted_while_drawing, result.stderr
        assert "drawn and collected" in result.stdout
