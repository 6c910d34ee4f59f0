"""Coping items suggested after the latest check-in, each with the reason it is there."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from reflect.domain.coping import Suggestion
from reflect.domain.errors import ReflectError
from reflect.ui.widgets.card_list import CardList
from reflect.ui.widgets.coping_card import CopingCard

FOOTNOTE = (
    "These are ideas, not treatment. If things feel heavy, consider talking with your supervisor "
    "or someone you trust, or use Get help now."
)


class SuggestionsView(QWidget):
    exercise_requested = Signal(str)
    link_requested = Signal(str)
    checkin_requested = Signal()

    def __init__(self, resources, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.resources = resources
        self.rotation = 0
        self.suggestions: list[Suggestion] = []
        layout = QVBoxLayout(self)
        self.header_label = QLabel("")
        self.header_label.setWordWrap(True)
        self.header_label.setAccessibleName("Why these suggestions")
        layout.addWidget(self.header_label)
        self.cards = CardList()
        layout.addWidget(self.cards, 1)
        foot = QHBoxLayout()
        note = QLabel(FOOTNOTE)
        note.setWordWrap(True)
        foot.addWidget(note, 1)
        self.checkin_button = QPushButton("Take a check-in")
        self.more_button = QPushButton("Show other ideas")
        self.more_button.setToolTip("Different items for the same check-in")
        foot.addWidget(self.checkin_button)
        foot.addWidget(self.more_button)
        layout.addLayout(foot)
        self.more_button.clicked.connect(self._on_more_clicked)
        self.checkin_button.clicked.connect(self.checkin_requested)

    def refresh(self) -> None:
        try:
            snapshot = self.resources.latest_checkin()
            self.suggestions = self.resources.suggestions_for_latest(rotation=self.rotation)
        except ReflectError as exc:
            self.header_label.setText(f"Suggestions are unavailable: {exc}")
            self.cards.set_cards([])
            return
        if snapshot is None:
            self.header_label.setText(
                "<b>A mix to start with.</b> After your first check-in, suggestions will follow "
                "the areas that were highest for you, and say why each one is here."
            )
        else:
            when = snapshot.taken_at
            date_text = f" from {when.day} {when:%B}" if when else ""
            if any(s.category for s in self.suggestions):
                rest = "The areas that were highest for you come first."
            else:
                rest = "No warning-sign area stood out, so here is a mix to keep you steady."
            self.header_label.setText(
                f"<b>Suggested after your latest check-in{date_text}.</b> {rest}"
            )
        cards = []
        for suggestion in self.suggestions:
            card = CopingCard(suggestion.item, suggestion.reason)
            card.exercise_requested.connect(self.exercise_requested)
            card.link_requested.connect(self.link_requested)
            cards.append(card)
        self.cards.set_cards(cards)

    def _on_more_clicked(self) -> None:
        self.rotation += 1
        self.refresh()
