"""A dialog that can never be made smaller than what it has to say.

Qt lets a person shrink a top-level window below its content in two ways, and both showed in
French and at small sizes: an explicit ``setMinimumWidth`` smaller than a check box's caption
wins over the layout, so the caption was cut off; and a top-level window does not ask its
word-wrapped labels how tall they must be at its width, so the fields were squashed to a
hairline and the text overlapped. ``keep_content_visible`` follows the content: whenever the
layout changes (a problem line appears, a page turns) the minimum becomes at least the
layout's own minimum width and the height the content needs at that width.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

_FITTED = "reflectFitsContent"


class _ContentFit(QObject):
    def __init__(self, window: QWidget, wanted_width: int) -> None:
        super().__init__(window)
        self._window = window
        self._wanted_width = wanted_width  # the width the dialog asked for itself
        self._busy = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self._window and event.type() in (
            QEvent.Type.LayoutRequest,
            QEvent.Type.Show,
        ):
            self.fit()
        return False

    def fit(self) -> None:
        layout = self._window.layout()
        if layout is None or self._busy:
            return
        self._busy = True
        try:
            layout.activate()
            width = max(self._wanted_width, layout.totalMinimumSize().width())
            height = self._window.heightForWidth(width)
            if height < 0:
                height = layout.totalMinimumSize().height()
            else:
                height = max(height, layout.totalMinimumSize().height())
            self._window.setMinimumSize(width, height)
        finally:
            self._busy = False


def keep_content_visible(window: QWidget) -> None:
    """Keep ``window`` (a dialog with a layout) at least as large as its content needs."""
    if window.property(_FITTED):
        return
    window.setProperty(_FITTED, True)
    fit = _ContentFit(window, window.minimumWidth())
    window.installEventFilter(fit)
    fit.fit()
