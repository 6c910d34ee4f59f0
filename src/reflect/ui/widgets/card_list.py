"""A scrolling column of cards that can be replaced in one call."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget


class CardList(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # Cards scroll up and down only: a card cut at the right edge, with a second scroll
        # bar under it, reads as broken. The list asks for a card's width instead.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.cards: list[QWidget] = []
        self.set_cards([])

    def set_cards(self, cards: Sequence[QWidget], empty_text: str = "") -> None:
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 6, 0)
        for card in cards:
            column.addWidget(card)
        if not cards and empty_text:
            empty = QLabel(empty_text)
            empty.setWordWrap(True)
            column.addWidget(empty)
        column.addStretch(1)
        old = self.takeWidget()
        if old is not None:
            old.deleteLater()
        self.setWidget(body)
        self.cards = list(cards)
        scroll_bar = self.verticalScrollBar().sizeHint().width()
        self.setMinimumWidth(body.minimumSizeHint().width() + scroll_bar)
