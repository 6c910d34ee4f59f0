"""Coping items suggested after the latest check-in, each with the reason it is there."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from reflect.domain.coping import Suggestion
from reflect.domain.errors import ReflectError
from reflect.ui.error_text import message_in_language
from reflect.ui.i18n import current_language, tr
from reflect.ui.widgets.card_list import CardList
from reflect.ui.widgets.coping_card import CopingCard
from reflect.ui.widgets.tab_chain import chain_tab_order, focusable_in
from reflect.ui.widgets.wrapped_text_fit import keep_wrapped_text_whole

FOOTNOTE = (
    "These are ideas, not treatment. If things feel heavy, consider talking with your supervisor "
    "or someone you trust, or use Get help now."
)


SHORT_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec"


def _day_month(when) -> str:
    months = tr(
        "January February March April May June July August September October November December"
    )
    return f"{when.day} {months.split()[when.month - 1]}"


def reason_in_language(suggestion: Suggestion) -> str:
    """The reason in the current language; category and area names are translated too."""
    if current_language() == "en" or not suggestion.reason_template:
        return suggestion.reason
    args = {key: tr(value) for key, value in suggestion.reason_args}
    if args.get("when"):  # " (22 Nov)": the month abbreviation is English
        english, local = SHORT_MONTHS.split(), tr(SHORT_MONTHS).split()
        for short, translated in zip(english, local, strict=True):
            args["when"] = args["when"].replace(f" {short})", f" {translated})")
    return tr(suggestion.reason_template).format(**args)


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
        self.header_label.setAccessibleName(tr("Why these suggestions"))
        layout.addWidget(self.header_label)
        self.cards = CardList()
        self.cards.setAccessibleName(tr("Suggested ideas"))
        layout.addWidget(self.cards, 1)
        # The note on its own line above the buttons: beside them, a narrow window squeezed
        # it into a column of single words, cut off at the top and bottom.
        note = QLabel(tr(FOOTNOTE))
        note.setWordWrap(True)
        layout.addWidget(note)
        foot = QHBoxLayout()
        foot.addStretch(1)
        self.checkin_button = QPushButton(tr("Take a check-in"))
        self.more_button = QPushButton(tr("Show other ideas"))
        self.more_button.setToolTip(tr("Different items for the same check-in"))
        foot.addWidget(self.checkin_button)
        foot.addWidget(self.more_button)
        layout.addLayout(foot)
        keep_wrapped_text_whole(self)  # the header and the note stay whole in a small window
        self.more_button.clicked.connect(self._on_more_clicked)
        self.checkin_button.clicked.connect(self.checkin_requested)

    def refresh(self) -> None:
        try:
            snapshot = self.resources.latest_checkin()
            self.suggestions = self.resources.suggestions_for_latest(rotation=self.rotation)
        except ReflectError as exc:
            self.header_label.setText(
                tr("Suggestions are unavailable: {error}").format(error=message_in_language(exc))
            )
            self.cards.set_cards([])
            return
        if snapshot is None:
            self.header_label.setText(
                tr(
                    "<b>A mix to start with.</b> After your first check-in, suggestions will "
                    "follow the areas that were highest for you, and say why each one is here."
                )
            )
        else:
            when = snapshot.taken_at
            date_text = tr(" from {date}").format(date=_day_month(when)) if when else ""
            if any(s.category for s in self.suggestions):
                rest = tr("The areas that were highest for you come first.")
            else:
                rest = tr("No warning-sign area stood out, so here is a mix to keep you steady.")
            self.header_label.setText(
                tr("<b>Suggested after your latest check-in{when}.</b>").format(when=date_text)
                + f" {rest}"
            )
        cards = []
        for suggestion in self.suggestions:
            card = CopingCard(suggestion.item, reason_in_language(suggestion))
            card.exercise_requested.connect(self.exercise_requested)
            card.link_requested.connect(self.link_requested)
            cards.append(card)
        self.cards.set_cards(cards)
        # The cards were built after the footer: Tab reaches them first all the same.
        chain_tab_order(
            [self.cards, *focusable_in(self.cards.widget()), self.checkin_button, self.more_button]
        )

    def _on_more_clicked(self) -> None:
        self.rotation += 1
        self.refresh()
