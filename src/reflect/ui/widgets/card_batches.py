"""Shared cards drawn a batch at a time, so a huge packet cannot freeze the window.

Each line of a card is a label; the largest packet a supervisor can receive holds 500 cards
of 200 lines (100,000 labels, over a minute to draw). A real debrief's cards fit in the
first batch; past the budget a button draws the next batch when the person asks for it.

The first batch is the smaller one: it is drawn while the window opens (debrief mode on a
debrief sharing 500 long reflections took 0.8 s to open with a first batch of 60,000
characters). The batches the person asks for are larger, so fewer presses reach the end.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from reflect.services.debrief_view import SharedCard
from reflect.ui.i18n import tr
from reflect.ui.widgets.debrief_cards import SharedCardView

# A batch always holds at least one card, so it can exceed these by one card.
LINES_PER_BATCH = 300
# About four screens of long answers in debrief mode's column (some five long reflections).
FIRST_BATCH_CHARS = 20_000
# What each press of "Show the next items" adds: about a dozen screens.
CHARS_PER_BATCH = 60_000


def batch_end(cards: Sequence[SharedCard], start: int) -> int:
    """The index after the last card of the batch that begins at ``start`` (the first batch,
    at 0, is the smaller one)."""
    chars_budget = FIRST_BATCH_CHARS if start == 0 else CHARS_PER_BATCH
    lines = chars = 0
    end = start
    while end < len(cards):
        card = cards[end]
        lines += len(card.lines) + 1  # the title counts as a line
        chars += sum(len(a) + len(b) for a, b in card.lines)
        end += 1
        if lines >= LINES_PER_BATCH or chars >= chars_budget:
            break
    return end


class CardBatches(QWidget):
    """The cards, a batch at a time, followed by "Show the next items" while any are left."""

    def __init__(self, cards: Sequence[SharedCard], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cards = tuple(cards)
        self.shown = 0
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.more_button = QPushButton()
        # Read with the button's name ("Show the next items (5 of 501 shown)"), which a
        # screen reader announces again when a press changes it.
        self.more_button.setAccessibleDescription(
            tr("Adds the next shared items below the ones already shown.")
        )
        self.more_button.clicked.connect(self.show_next)
        self._layout.addWidget(self.more_button)
        self.show_next()

    def show_next(self) -> None:
        end = batch_end(self.cards, self.shown)
        for card in self.cards[self.shown : end]:
            # Inserted above the button, which stays last.
            self._layout.insertWidget(self._layout.count() - 1, SharedCardView(card))
        self.shown = end
        self.more_button.setText(
            tr("Show the next items ({shown} of {total} shown)").format(
                shown=self.shown, total=len(self.cards)
            )
        )
        self.more_button.setVisible(self.shown < len(self.cards))
