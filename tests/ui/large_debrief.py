"""A debrief sharing many long reflections, for the tests of drawing it in batches."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from reflect.ui.widgets.card_batches import CardBatches
from reflect.ui.widgets.debrief_cards import SharedCardView

LONG = "A long evening at the outreach van, thinking it through again. " * 16


def debrief_sharing(session, reflections: int, title: str = "A very long debrief") -> int:
    """A saved debrief sharing ``reflections`` long reflections ("Shift 0." first, in the
    order they were ticked); returns its id."""
    journal = session.journal
    start = datetime(2026, 11, 1, 9, 0)
    shared = []
    for n in range(reflections):
        draft = replace(
            journal.new_reflection(),
            occurred_at=start + timedelta(hours=n),
            answers={"what_happened": f"Shift {n}. {LONG}", "my_reaction": LONG},
        )
        saved = journal.save(draft)
        shared.append(("reflection", str(saved.id)))
    debrief = session.debrief.new(title=title)
    debrief.shared = shared
    saved_debrief = session.debrief.save(debrief)
    assert saved_debrief.id is not None
    return saved_debrief.id


def drawn_cards(root: QWidget) -> list[SharedCardView]:
    """The cards drawn so far under ``root``, in the order they are laid out."""
    cards: list[SharedCardView] = []
    for batches in root.findChildren(CardBatches):
        layout = batches.layout()
        items = (layout.itemAt(i).widget() for i in range(layout.count()))
        cards += [item for item in items if isinstance(item, SharedCardView)]
    return cards


def shift_numbers(root: QWidget) -> list[int]:
    """The "Shift N." each drawn card opens with, in the order the cards are laid out."""
    numbers = []
    for card in drawn_cards(root):
        text = " ".join(label.text() for label in card.findChildren(QLabel))
        numbers.append(int(text.split("Shift ", 1)[1].split(".", 1)[0]))
    return numbers


def more_button(root: QWidget) -> QPushButton | None:
    """The "Show the next items" button, while there is anything left to show."""
    found = [
        b
        for b in root.findChildren(QPushButton)
        if b.text().startswith(("Show the next items", "Afficher les éléments suivants"))
        and b.isVisibleTo(root)
    ]
    return found[0] if found else None
