"""A list whose rows wrap at a word and grow to their whole text at any width.

QListWidget with word wrap keeps the row heights it measured at the first width: narrowing
the column then cut a long debrief title off mid-word with "…". Here each row's height is
measured again for the viewport's width whenever it changes (a scroll bar appearing
included) or the list is filled.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QSize, Qt, QTimer
from PySide6.QtWidgets import QListView, QListWidget, QStyle, QWidget

ROOM = 10_000  # a height no row reaches, for measuring wrapped text


class WrappingList(QListWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self._fitted_width = -1
        self._pending = QTimer(self, singleShot=True, interval=0)
        self._pending.timeout.connect(self.fit_rows)
        self.model().rowsInserted.connect(lambda *_args: self._pending.start())

    def text_width(self, checkable: bool) -> int:
        """The width left for a row's text: the viewport less the spacing, the item's text
        margins and, on checkable rows, the box."""
        style = self.style()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self) + 1
        width = self.viewport().width() - 2 * self.spacing() - 2 * margin
        if checkable:
            width -= (
                style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, self) + 2 * margin
            )
        return max(40, width)

    def fit_rows(self) -> None:
        # The delegate's own size hint ignores the width it is offered here, so the text is
        # measured wrapped at the width its row will really have.
        self._fitted_width = self.viewport().width()
        metrics = self.fontMetrics()
        # A new size hint is not a change of the item: without this, each row sent
        # itemChanged, and the debrief screen redrew its preview once per row (256 times,
        # about 35 ms, at its first showing on a big profile).
        blocked = self.blockSignals(True)
        try:
            for index in range(self.count()):
                item = self.item(index)
                checkable = bool(item.flags() & Qt.ItemFlag.ItemIsUserCheckable)
                width = self.text_width(checkable)
                text = metrics.boundingRect(
                    QRect(0, 0, width, ROOM), Qt.TextFlag.TextWordWrap, item.text()
                )
                item.setSizeHint(QSize(width, text.height() + 6))
        finally:
            self.blockSignals(blocked)
        self.doItemsLayout()

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 - Qt override
        # The viewport, not the list: a scroll bar appearing narrows the text too.
        if event.type() == QEvent.Type.Resize and self.viewport().width() != self._fitted_width:
            self._pending.start()
        return super().viewportEvent(event)
