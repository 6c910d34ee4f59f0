"""Cards for shared items in debrief mode: plain text and simple bars, from the shared view."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from reflect.services.debrief_view import Bar, SharedCard, label_colon

KIND_LABELS = {"reflection": "Reflection", "checkin": "Check-in", "chart": "Chart"}


class BarsView(QWidget):
    """Horizontal bars with their label and value text; readable when shared on a screen."""

    ROW = 24

    def __init__(self, bars: tuple[Bar, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars = bars
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(self.ROW * len(bars) + 4)
        self.setAccessibleName("; ".join(f"{b.label}: {b.text}" for b in bars))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        return QSize(360, self.ROW * len(self.bars) + 4)

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt naming
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = self.width()
        label_w = min(180, int(width * 0.32))
        text_w = min(220, int(width * 0.36))
        bar_w = max(20, width - label_w - text_w - 16)
        pal = self.palette()
        for row, bar in enumerate(self.bars):
            y = row * self.ROW + 2
            painter.setPen(pal.windowText().color())
            painter.drawText(
                QRectF(0, y, label_w - 6, self.ROW),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                bar.label,
            )
            track = QRectF(label_w, y + 6, bar_w, self.ROW - 12)
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
                QRectF(label_w + bar_w + 8, y, text_w, self.ROW),
                Qt.AlignmentFlag.AlignVCenter,
                bar.text,
            )
        painter.end()


class SharedCardView(QFrame):
    def __init__(self, card: SharedCard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sharedCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setSpacing(4)
        kind = KIND_LABELS.get(card.kind, card.kind)
        tag = "" if kind == card.title else f" <small>· {kind}</small>"
        title = QLabel(f"<b>{_esc(card.title)}</b>{tag}")
        title.setTextFormat(Qt.TextFormat.RichText)
        title.setWordWrap(True)
        layout.addWidget(title)
        if card.subtitle:
            subtitle = QLabel(card.subtitle)
            subtitle.setWordWrap(True)
            subtitle.setStyleSheet("font-style: italic;")  # palette colours: dark theme too
            layout.addWidget(subtitle)
        for label, text in card.lines:
            line = QLabel(f"<b>{_esc(label_colon(label))}</b> {_esc(text)}")
            line.setTextFormat(Qt.TextFormat.RichText)
            line.setWordWrap(True)
            line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(line)
        if card.bars:
            layout.addWidget(BarsView(card.bars))


def _esc(text: str) -> str:
    from html import escape

    return escape(text).replace("\n", "<br>")
