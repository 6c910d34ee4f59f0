"""The Tab stops a screen offers, for keyboard tests."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


def visible_tab_stops(screen: QWidget) -> list[QWidget]:
    """The screen's visible, enabled Tab stops in the order Tab reaches them from the
    navigation (widgets that hand their focus to a proxy are left out)."""
    stops: list[QWidget] = []
    start = screen.window()
    widget = start.nextInFocusChain()
    for _ in range(20000):
        if widget is start:
            break
        if (
            screen.isAncestorOf(widget)
            and widget.isVisibleTo(screen)
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.focusProxy() is None
        ):
            stops.append(widget)
        widget = widget.nextInFocusChain()
    return stops
