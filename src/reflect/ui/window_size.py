"""The width of the navigation and the smallest size of the unlocked window."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QListWidget, QPushButton, QWidget

from reflect.ui.widgets.refit_filter import RefitFilter


def workspace_minimum_size(widget: QWidget) -> QSize:
    """The smallest window every screen is drawn for, in either language.

    Without it the window could be dragged to 400 pixels wide with Home built (the only
    screen made at unlock), and every screen then scrolled sideways. In lines of the
    interface font, so a larger font gets a larger floor; never more than the screen.
    """
    line = widget.fontMetrics().height()
    wanted = QSize(line * 58, line * 37)
    screen = widget.screen()
    if screen is not None:
        room = screen.availableGeometry().size()
        wanted = wanted.boundedTo(room)
    return wanted


def size_workspace(workspace: QWidget, nav: QListWidget, buttons: Iterable[QPushButton]) -> None:
    """The navigation as wide as its longest label (or the buttons under it) in this
    language and font size, no wider; the workspace no smaller than its screens need."""
    metrics = nav.fontMetrics()
    labels = [nav.item(i).text() for i in range(nav.count())]
    widest = max(metrics.horizontalAdvance(text) for text in labels)
    under = max(button.sizeHint().width() for button in buttons)
    nav.setFixedWidth(max(widest + metrics.lineSpacing() * 3, under))
    floor = _Floor(workspace, workspace_minimum_size(workspace))
    workspace.installEventFilter(floor)
    floor.refit()


class _Floor(RefitFilter):
    """The workspace's minimum: the floor, or more when a screen built later needs more.

    An explicit minimum replaces the layout's own, so it is set again, as the larger of the
    two, whenever the layout changes (a screen is built, a language or font is applied).
    """

    def __init__(self, workspace: QWidget, floor: QSize) -> None:
        super().__init__(workspace)
        self._floor = floor

    def fit(self) -> None:
        layout = self._target.layout()
        if layout is None:
            return
        wanted = self._floor.expandedTo(layout.totalMinimumSize())
        if wanted != self._target.minimumSize():
            self._target.setMinimumSize(wanted)
