"""Cards for shared items in debrief mode: plain text and simple bars, from the shared view.

``i18n.interface_words()`` hands the debrief services the interface language: they build the
cards, the agenda and the Markdown summary, and cannot import the catalogue themselves."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from reflect.services.debrief_view import SharedCard, label_colon
from reflect.ui.i18n import interface_words, tr
from reflect.ui.widgets.bars_view import BarsView
from reflect.ui.widgets.card_line import CardLine

KIND_LABELS = {"reflection": "Reflection", "checkin": "Check-in", "chart": "Chart"}


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
            # Italic through the font, not a style sheet: a style sheet fixed the whole font,
            # so the date line stayed small while debrief mode's zoom enlarged the rest.
            italic = QFont()
            italic.setItalic(True)  # only the style is set: the size follows the window
            subtitle.setFont(italic)
            layout.addWidget(subtitle)
        words = interface_words()
        for label, text in card.lines:
            layout.addWidget(CardLine(label_colon(label, words), text))
        if card.bars:
            layout.addWidget(BarsView(card.bars))


def _esc(text: str) -> str:
    from html import escape

    return escape(text).replace("\n", "<br>")
