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
            widget.itemChanged.connect(self._on_item_changed)
            self.lists[kind] = widget
            self.tabs.addTab(widget, label)
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
