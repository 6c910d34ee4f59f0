"""An event filter that fits a widget's minimum size to its content again whenever Qt lays
the widget out, shows it (or resizes it, for fits that depend on the width).

Setting a minimum can itself resize the widget and lay it out again, which would call the
fit from inside itself: a fit never runs inside another.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

ON_LAYOUT = (QEvent.Type.LayoutRequest, QEvent.Type.Show)
ON_LAYOUT_AND_RESIZE = (QEvent.Type.Resize, *ON_LAYOUT)


class RefitFilter(QObject):
    events: tuple[QEvent.Type, ...] = ON_LAYOUT

    def __init__(self, target: QWidget) -> None:
        super().__init__(target)
        self._target = target
        self._busy = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        # getattr: while Qt tears the widget down the Python side may already be gone.
        if watched is getattr(self, "_target", None) and event.type() in self.events:
            self.refit()
        return False

    def refit(self) -> None:
        if self._busy:
            return
        self._busy = True
        try:
            self.fit()
        finally:
            self._busy = False

    def fit(self) -> None:
        raise NotImplementedError
