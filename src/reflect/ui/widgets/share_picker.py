"""Tick lists of reflections, check-ins and charts to share; nothing is ticked by default."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QTabWidget, QVBoxLayout, QWidget

from reflect.services.debrief import Choice

TABS = (("reflection", "Reflections"), ("checkin", "Check-ins"), ("chart", "Charts"))
EMPTY = {
    "reflection": "No reflections yet.",
    "checkin": "No check-ins yet.",
    "chart": "No charts available.",
}


class SharePicker(QWidget):
    changed = Signal()
    current_changed = Signal(str, str)  # kind, ref of the highlighted item ("" when none)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        hint = QLabel(
            "Nothing is shared unless you tick it. Only ticked items appear in debrief mode "
            "and exports."
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.tabs = QTabWidget()
        self.lists: dict[str, QListWidget] = {}
        for kind, label in TABS:
            widget = QListWidget()
            widget.setAccessibleName(f"{label} to share")
            # Long labels end in "…" (the preview shows the whole item) instead of scrolling.
            widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            widget.setTextElideMode(Qt.TextElideMode.ElideRight)
            widget.itemChanged.connect(self._on_item_changed)
            widget.currentItemChanged.connect(self._emit_current)
            self.lists[kind] = widget
            self.tabs.addTab(widget, label)
        self.tabs.currentChanged.connect(self._emit_current)
        layout.addWidget(self.tabs, 1)
        self.summary = QLabel()
        layout.addWidget(self.summary)

    def set_choices(self, choices: Sequence[Choice], shared: Sequence[tuple[str, str]]) -> None:
        chosen = set(shared)
        for widget in self.lists.values():
            widget.blockSignals(True)
            widget.clear()
        for choice in choices:
            item = QListWidgetItem(choice.label)
            item.setData(Qt.ItemDataRole.UserRole, choice.ref)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = (choice.kind, choice.ref) in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.lists[choice.kind].addItem(item)
        for kind, widget in self.lists.items():
            if widget.count() == 0:
                placeholder = QListWidgetItem(EMPTY[kind])
                placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
                widget.addItem(placeholder)
            widget.blockSignals(False)
        self._update_summary()
        self._emit_current()

    def shared(self) -> list[tuple[str, str]]:
        result = []
        for kind, widget in self.lists.items():
            for row in range(widget.count()):
                item = widget.item(row)
                ref = item.data(Qt.ItemDataRole.UserRole)
                if ref is not None and item.checkState() == Qt.CheckState.Checked:
                    result.append((kind, str(ref)))
        return result

    def set_checked(self, kind: str, ref: str, checked: bool = True) -> None:
        widget = self.lists[kind]
        for row in range(widget.count()):
            item = widget.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == ref:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def current(self) -> tuple[str, str]:
        """(kind, ref) of the highlighted item on the visible tab, ref "" when none."""
        kind = TABS[max(0, self.tabs.currentIndex())][0]
        item = self.lists[kind].currentItem()
        ref = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return kind, "" if ref is None else str(ref)

    def _emit_current(self, *_args: object) -> None:
        self.current_changed.emit(*self.current())

    def _on_item_changed(self, _item: QListWidgetItem) -> None:
        self._update_summary()
        self.changed.emit()

    def _update_summary(self) -> None:
        counts = {kind: 0 for kind, _ in TABS}
        for kind, _ref in self.shared():
            counts[kind] += 1
        self.summary.setText(
            f"Sharing {counts['reflection']} reflection(s), {counts['checkin']} check-in(s), "
            f"{counts['chart']} chart(s)."
        )
