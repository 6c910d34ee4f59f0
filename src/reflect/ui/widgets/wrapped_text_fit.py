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

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget


class _WrappedTextFit(QObject):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._floor = window.minimumHeight()  # what the dialog asked for itself
        self._ours = -1  # the minimum this filter set last
        self._busy = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        # getattr: while Qt tears the dialog down the Python side may already be gone.
        if watched is getattr(self, "_window", None) and event.type() in (
            QEvent.Type.Resize,
            QEvent.Type.LayoutRequest,
            QEvent.Type.Show,
        ):
            self.fit()
        return False

    def fit(self) -> None:
        layout = self._window.layout()
        if self._busy or layout is None or not layout.hasHeightForWidth():
            return
        if self._window.minimumHeight() != self._ours:
            self._floor = self._window.minimumHeight()  # the dialog set its own since
        needed = max(self._floor, layout.totalMinimumHeightForWidth(self._window.width()))
        if needed != self._window.minimumHeight():
            self._busy = True  # setting the minimum may resize, which calls us again
            try:
                self._ours = needed
                self._window.setMinimumHeight(needed)
            finally:
                self._busy = False


def keep_wrapped_text_whole(window: QWidget) -> None:
    """Call in a dialog's ``__init__``: the layout is read when the window shows and resizes."""
    window.installEventFilter(_WrappedTextFit(window))
