"""Horizontal bars with their label and value text, as shared in a debrief."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from reflect.services.debrief_view import Bar, label_colon
from reflect.ui.i18n import interface_words

LABEL_SHARE = 0.38  # of the width, for labels beside their bars
TEXT_SHARE = 0.40


class BarsView(QWidget):
    """Bars readable when shared on a screen. Labels sit beside their bars while the longest
    fits in its share of the width; in a narrower view (or with longer French labels) each
    label goes on its own line above its bar instead of being cut short."""

    ROW = 24  # at the default font; rows grow with larger type

    def __init__(self, bars: tuple[Bar, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars = bars
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(self._height_for(self.sizeHint().width()))
        words = interface_words()
        names = "; ".join(f"{label_colon(b.label, words)} {b.text}" for b in bars)
        self.setAccessibleName(names)

    def _row(self) -> int:
        return max(self.ROW, self.fontMetrics().height() + 8)

    def _widest(self, texts: list[str]) -> int:
        metrics = self.fontMetrics()
        return max((metrics.horizontalAdvance(t) for t in texts), default=0)

    def stacked(self, width: int | None = None) -> bool:
        """True when the longest label would not fit beside its bar."""
        width = self.width() if width is None else width
        return self._widest([b.label for b in self.bars]) + 10 > int(width * LABEL_SHARE)

    def _height_for(self, width: int) -> int:
        lines = 2 if self.stacked(width) else 1
        return self._row() * lines * len(self.bars) + 4

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        return QSize(360, self._row() * len(self.bars) + 4)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        height = self._height_for(event.size().width())
        if height != self.minimumHeight():
            self.setMinimumHeight(height)
            self.updateGeometry()
        super().resizeEvent(event)

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt naming
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = self.width()
        row_h = self._row()
        stacked = self.stacked(width)
        text_w = min(self._widest([b.text for b in self.bars]) + 4, int(width * TEXT_SHARE))
        if stacked:
            label_w = 0
        else:
            label_w = min(self._widest([b.label for b in self.bars]) + 10, int(width * LABEL_SHARE))
        bar_w = max(20, width - label_w - text_w - 16)
        for row, bar in enumerate(self.bars):
            y = row * row_h * (2 if stacked else 1) + 2
            if stacked:
                self._draw_label(painter, bar, QRectF(0, y, width, row_h), left=True)
                y += row_h
            else:
                self._draw_label(painter, bar, QRectF(0, y, label_w - 6, row_h), left=False)
            self._draw_bar(painter, bar, QRectF(label_w, y + 6, bar_w, row_h - 12))
            text_box = QRectF(label_w + bar_w + 8, y, text_w, row_h)
            self._draw_text(painter, bar.text, text_box)
        painter.end()

    def _draw_label(self, painter: QPainter, bar: Bar, box: QRectF, *, left: bool) -> None:
        side = Qt.AlignmentFlag.AlignLeft if left else Qt.AlignmentFlag.AlignRight
        painter.setPen(self.palette().windowText().color())
        label = self.fontMetrics().elidedText(
            bar.label, Qt.TextElideMode.ElideRight, int(box.width())
        )
        painter.drawText(box, Qt.AlignmentFlag.AlignVCenter | side, label)

    def _draw_bar(self, painter: QPainter, bar: Bar, track: QRectF) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(0, 0, 0, 25))
        painter.drawRoundedRect(track, 4, 4)
        if bar.value is not None and bar.maximum > 0:
            fill = QRectF(track)
            fill.setWidth(track.width() * max(0.0, min(1.0, bar.value / bar.maximum)))
            painter.setBrush(QColor("#5b8db8"))
            painter.drawRoundedRect(fill, 4, 4)

    def _draw_text(self, painter: QPainter, text: str, box: QRectF) -> None:
        painter.setPen(self.palette().windowText().color())
        elided = self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, int(box.width()))
        painter.drawText(box, Qt.AlignmentFlag.AlignVCenter, elided)
