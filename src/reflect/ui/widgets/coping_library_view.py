"""The whole coping library, browsable by ABC area or by warning-sign category, searchable."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reflect.domain.checkin import CATEGORIES, CATEGORY_LABELS, HELPING_AREAS, HELPING_LABELS
from reflect.domain.coping import CopingItem, CopingLibrary
from reflect.ui.i18n import tr
from reflect.ui.widgets.card_list import CardList
from reflect.ui.widgets.coping_card import CopingCard

ALL = "__all__"
# How the library is browsed (item data of the combo box, not shown).
BY_AREA, BY_CATEGORY = "area", "category"


class CopingLibraryView(QWidget):
    exercise_requested = Signal(str)
    link_requested = Signal(str)

    def __init__(self, library: CopingLibrary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        browse_label = QLabel(tr("&Browse by"))  # Alt+B reaches the choice
        top.addWidget(browse_label)
        self.mode_combo = QComboBox()
        browse_label.setBuddy(self.mode_combo)
        self.mode_combo.addItem(tr("Awareness, balance, connection"), BY_AREA)
        self.mode_combo.addItem(tr("Warning sign"), BY_CATEGORY)
        self.mode_combo.setAccessibleName(tr("Browse the library by"))
        top.addWidget(self.mode_combo)
        top.addStretch(1)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(tr("Search the library"))
        self.search_edit.setAccessibleName(tr("Search the coping library"))
        self.search_edit.setClearButtonEnabled(True)
        hint = self.search_edit.fontMetrics()
        self.search_edit.setMinimumWidth(
            max(220, hint.horizontalAdvance(self.search_edit.placeholderText()) + hint.height() * 2)
        )
        top.addWidget(self.search_edit)
        layout.addLayout(top)

        body = QHBoxLayout()
        self.group_list = QListWidget()
        self.group_list.setAccessibleName(tr("Library sections"))
        # As wide as the longest section name in this language (both ways of browsing).
        names = [tr(label) for label in (*CATEGORY_LABELS.values(), *HELPING_LABELS.values())]
        names.append(tr("Everything ({count})").format(count=99))
        metrics = self.group_list.fontMetrics()
        widest = max(metrics.horizontalAdvance(f"{name} (99)") for name in names)
        self.group_list.setFixedWidth(max(220, widest + metrics.height() * 2))
        body.addWidget(self.group_list)
        right = QVBoxLayout()
        self.description_label = QLabel("")
        self.description_label.setWordWrap(True)
        right.addWidget(self.description_label)
        self.cards = CardList()
        self.cards.setAccessibleName(tr("Items in this section"))
        right.addWidget(self.cards, 1)
        body.addLayout(right, 1)
        layout.addLayout(body, 1)

        self.mode_combo.currentIndexChanged.connect(self._fill_groups)
        self.group_list.currentRowChanged.connect(lambda _row: self._show_items())
        self.search_edit.textChanged.connect(lambda _text: self._show_items())
        self._fill_groups()

    # --- public ---------------------------------------------------------------------------

    def select(self, mode: str, key: str | None) -> None:
        """Show one area or category (``mode`` "area" or "category"); None shows everything."""
        self.mode_combo.setCurrentIndex(self.mode_combo.findData(mode))
        for row in range(self.group_list.count()):
            if self.group_list.item(row).data(Qt.ItemDataRole.UserRole) == (key or ALL):
                self.group_list.setCurrentRow(row)
                return

    def shown_items(self) -> list[CopingItem]:
        return [card.item for card in self.cards.cards if isinstance(card, CopingCard)]

    # --- internals ------------------------------------------------------------------------

    def _fill_groups(self) -> None:
        mode = self.mode_combo.currentData()
        self.group_list.blockSignals(True)
        self.group_list.clear()
        keys = HELPING_AREAS if mode == "area" else CATEGORIES
        labels = HELPING_LABELS if mode == "area" else CATEGORY_LABELS
        everything = QListWidgetItem(
            tr("Everything ({count})").format(count=len(self.library.items))
        )
        everything.setData(Qt.ItemDataRole.UserRole, ALL)
        self.group_list.addItem(everything)
        for key in keys:
            count = len(
                self.library.by_area(key) if mode == "area" else self.library.by_category(key)
            )
            item = QListWidgetItem(f"{tr(labels[key])} ({count})")
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.group_list.addItem(item)
        self.group_list.blockSignals(False)
        self.group_list.setCurrentRow(1)

    def _show_items(self) -> None:
        current = self.group_list.currentItem()
        key = current.data(Qt.ItemDataRole.UserRole) if current else ALL
        mode = self.mode_combo.currentData()
        if key == ALL:
            items = list(self.library.items)
            self.description_label.setText(
                tr("Every item, short and practical. Pick one that fits today.")
            )
        elif mode == "area":
            items = self.library.by_area(key)
            self.description_label.setText(
                tr("<b>{area}</b>: {description}").format(
                    area=escape(tr(HELPING_LABELS[key]), quote=False),
                    description=escape(tr(self.library.area_descriptions[key]), quote=False),
                )
            )
        else:
            items = self.library.by_category(key)
            self.description_label.setText(
                tr("Ideas for when <b>{category}</b> signs are showing up.").format(
                    category=tr(CATEGORY_LABELS[key]).lower()
                )
            )
        words = self.search_edit.text().lower().split()
        if words:
            # Search what the person reads (the translation) as well as the English original.
            items = [
                i
                for i in items
                if all(w in f"{i.title} {i.text} {tr(i.title)} {tr(i.text)}".lower() for w in words)
            ]
        cards = []
        for item in items:
            card = CopingCard(item)
            card.exercise_requested.connect(self.exercise_requested)
            card.link_requested.connect(self.link_requested)
            cards.append(card)
        self.cards.set_cards(cards, tr("Nothing matches that search. Try a shorter word."))
