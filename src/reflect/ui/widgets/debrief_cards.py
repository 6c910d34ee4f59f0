"""Cards for shared items in debrief mode: plain text and simple bars, from the shared view.

``i18n.interface_words()`` hands the debrief services the interface language: they build the
cards, the agenda and the Markdown summary, and cannot import the catalogue themselves."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from reflect.services.debrief_view import Bar, SharedCard, label_colon
from reflect.ui.i18n import interface_words, tr

KIND_LABELS = {"reflection": "Reflection", "checkin": "Check-in", "chart": "Chart"}


class BarsView(QWidget):
    """Horizontal bars with their label and value text; readable when shared on a screen."""

    ROW = 24  # at the default font; rows grow with larger type

    def __init__(self, bars: tuple[Bar, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars = bars
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(self._row() * len(bars) + 4)
        words = interface_words()
        names = "; ".join(f"{label_colon(b.label, words)} {b.text}" for b in bars)
        self.setAccessibleName(names)

    def _row(self) -> int:
        return max(self.ROW, self.fontMetrics().height() + 8)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        return QSize(360, self._row() * len(self.bars) + 4)

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt naming
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = self.width()
        metrics = self.fontMetrics()
        row_h = self._row()
        # Wide enough for the longest label and value (French ones are longer), within limits.
        widest_label = max((metrics.horizontalAdvance(b.label) for b in self.bars), default=0)
        widest_text = max((metrics.horizontalAdvance(b.text) for b in self.bars), default=0)
        label_w = min(widest_label + 10, int(width * 0.38))
        text_w = min(widest_text + 4, int(width * 0.40))
        bar_w = max(20, width - label_w - text_w - 16)
        pal = self.palette()
        for row, bar in enumerate(self.bars):
            y = row * row_h + 2
            painter.setPen(pal.windowText().color())
            label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, label_w - 6)
            painter.drawText(
                QRectF(0, y, label_w - 6, row_h),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                label,
            )
            track = QRectF(label_w, y + 6, bar_w, row_h - 12)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(0, 0, 0, 25))
            painter.drawRoundedRect(track, 4, 4)
            if bar.value is not None and bar.maximum > 0:
                fill = QRectF(track)
                fill.setWidth(track.width() * max(0.0, min(1.0, bar.value / bar.maximum)))
                painter.setBrush(QColor("#5b8db8"))
                painter.drawRoundedRect(fill, 4, 4)
            painter.setPen(pal.windowText().color())
            painter.drawText(
                QRectF(label_w + bar_w + 8, y, text_w, row_h),
                Qt.AlignmentFlag.AlignVCenter,
                metrics.elidedText(bar.text, Qt.TextElideMode.ElideRight, text_w),
            )
        painter.end()


class SharedCardView(QFrame):
    def __init__(self, card: SharedCard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sharedCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setSpacing(4)
        kind = tr(KIND_LABELS[card.kind]) if card.kind in KIND_LABELS else card.kind
        tag = "" if kind == card.title else f" <small>· {_esc(kind)}</small>"
        heading = f"<b>{_esc(card.title)}</b>{tag}"
        title = QLabel(heading)
        title.setTextFormat(Qt.TextFormat.RichText)
        title.setWordWrap(True)
        layout.addWidget(title)
        if card.subtitle:
            subtitle = QLabel(card.subtitle)
            subtitle.setWordWrap(True)
            subtitle.setStyleSheet("font-style: italic;")  # palette colours: dark theme too
            layout.addWidget(subtitle)
        words = interface_words()
        for label, text in card.lines:
            html = f"<b>{_esc(label_colon(label, words))}</b> {_esc(text)}"
            line = QLabel(html)
            line.setTextFormat(Qt.TextFormat.RichText)
            line.setWordWrap(True)
            line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(line)
        if card.bars:
            layout.addWidget(BarsView(card.bars))


def _esc(text: str) -> str:
    from html import escape

    return escape(text).replace("\n", "<br>")
