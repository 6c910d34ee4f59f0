"""Preview of one item on the prepare screen: the very card debrief mode would show for it.

Reflections are listed by date and template only, so two from the same day look alike; the
preview lets the provider tell them apart and see what a tick reveals before sharing it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from reflect.services.debrief_view import SharedCard
from reflect.ui.i18n import tr
from reflect.ui.widgets.debrief_cards import SharedCardView

EMPTY_TEXT = "Select an item to see exactly what your supervisor would see if you share it."


class SharePreview(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel("<b>{}</b>".format(tr("Preview")))
        layout.addWidget(heading)
        self.state = QLabel()
        self.state.setWordWrap(True)
        layout.addWidget(self.state)
        self._scroll = QScrollArea()
        self._scroll.setWidgetResizable(True)
        self._scroll.setAccessibleName(tr("Preview of the selected item"))
        layout.addWidget(self._scroll, 1)
        self.card: SharedCardView | None = None
        self.show_card(None)

    def show_card(self, card: SharedCard | None, shared: bool = False) -> None:
        inner = QWidget()
        box = QVBoxLayout(inner)
        self.card = None
        if card is None:
            self.state.setText(tr(EMPTY_TEXT))
        else:
            self.state.setText(
                tr("Shared: this appears in debrief mode and exports.")
                if shared
                else tr("Not shared. Tick it to include it.")
            )
            self.card = SharedCardView(card)
            box.addWidget(self.card)
        box.addStretch(1)
        box.setAlignment(Qt.AlignmentFlag.AlignTop)
        self._scroll.setWidget(inner)  # the old contents are deleted with their widget
