"""Dialogs (and a few panels) never cut a wrapped sentence in half.

Qt gives a window the minimum height its layout needs at the *widest* wrapping of its
labels; when the person makes the window narrower, a word-wrapped label needs more lines
than that minimum allows and its first and last lines are cut off (most visibly in French,
whose sentences are longer). This filter raises the window's minimum height to what the
layout needs at the window's current width, and lowers it again when the window widens.
Installed on a panel inside a window, the panel's raised minimum reaches the window through
its layouts in the same way.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from reflect.ui.widgets.refit_filter import ON_LAYOUT_AND_RESIZE, RefitFilter


class _WrappedTextFit(RefitFilter):
    events = ON_LAYOUT_AND_RESIZE

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._floor = window.minimumHeight()  # what the dialog asked for itself
        self._ours = -1  # the minimum this filter set last

    def fit(self) -> None:
        window = self._target
        layout = window.layout()
        if layout is None or not layout.hasHeightForWidth():
            return
        if window.minimumHeight() != self._ours:
            self._floor = window.minimumHeight()  # the dialog set its own since
        needed = max(self._floor, layout.totalMinimumHeightForWidth(window.width()))
        if needed != window.minimumHeight():
            self._ours = needed
            window.setMinimumHeight(needed)


def keep_wrapped_text_whole(window: QWidget) -> None:
    """Call in a dialog's ``__init__``: the layout is read when the window shows and resizes."""
    window.installEventFilter(_WrappedTextFit(window))
