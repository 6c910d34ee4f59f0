"""Tick lists of reflections, check-ins and charts to share; nothing is ticked by default.

What is ticked is kept apart from what is listed, so narrowing the reflections with a search
never unshares one that is ticked but not among the results.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reflect.services.debrief import Choice
from reflect.ui.i18n import interface_words, tr
from reflect.ui.widgets.wrapping_list import WrappingList

TABS = (("reflection", "Reflections"), ("checkin", "Check-ins"), ("chart", "Charts"))
KINDS = tuple(kind for kind, _ in TABS)
EMPTY = {
    "reflection": "No reflections yet.",
    "checkin": "No check-ins yet.",
    "chart": "No charts available.",
}
NO_MATCH = "No reflection matches that search."
LIST_NAMES = {  # what a screen reader announces for each list
    "reflection": "Reflections to share",
    "checkin": "Check-ins to share",
    "chart": "Charts to share",
}


def share_counts(reflections: int, checkins: int, charts: int) -> str:
    """ "Sharing 1 reflection, 2 check-ins." (real plurals; kinds with none are left out)."""
    w = interface_words()
    parts = [
        w.plural(count, one, many)
        for count, one, many in (
            (reflections, "{count} reflection", "{count} reflections"),
            (checkins, "{count} check-in", "{count} check-ins"),
            (charts, "{count} chart", "{count} charts"),
        )
        if count
    ]
    if not parts:
        return tr("Nothing shared yet.")
    return tr("Sharing {items}.").format(items=", ".join(parts))


class SharePicker(QWidget):
    changed = Signal()
    current_changed = Signal(str, str)  # kind, ref of the highlighted item ("" when none)
    search_changed = Signal(str)  # the reflection search, after a short pause in typing
    reflection_ticked = Signal(str)  # a reflection newly ticked: the screen picks its parts

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._chosen: list[tuple[str, str]] = []
        self._parts: dict[str, tuple[str, ...]] = {}  # reflection ref -> parts shared
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        hint = QLabel(
            tr(
                "Nothing is shared unless you tick it. Only ticked items appear in debrief mode "
                "and exports."
            )
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.tabs = QTabWidget()
        self.lists: dict[str, QListWidget] = {}
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Find reflections by a word, tag or setting"))
        self.search.setAccessibleName(tr("Search reflections to share"))
        self.search.setClearButtonEnabled(True)
        for kind, label in TABS:
            widget = WrappingList()
            widget.setAccessibleName(tr(LIST_NAMES[kind]))
            # Long labels wrap at a word (again on resize) instead of ending mid-word in "…".
            widget.itemChanged.connect(self._on_item_changed)
            widget.currentItemChanged.connect(self._emit_current)
            self.lists[kind] = widget
            page: QWidget = widget
            if kind == "reflection":
                page = QWidget()
                box = QVBoxLayout(page)
                box.setContentsMargins(4, 4, 4, 4)
                box.addWidget(self.search)
                box.addWidget(widget, 1)
            self.tabs.addTab(page, tr(label))
        self.tabs.currentChanged.connect(self._emit_current)
        layout.addWidget(self.tabs, 1)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self._search_timer = QTimer(self, singleShot=True, interval=250)
        self._search_timer.timeout.connect(lambda: self.search_changed.emit(self.query()))
        self.search.textChanged.connect(self._search_timer.start)

    def query(self) -> str:
        return self.search.text().strip()

    def set_choices(
        self,
        choices: Sequence[Choice],
        shared: Sequence[tuple[str, str]],
        parts: dict[str, tuple[str, ...]] | None = None,
    ) -> None:
        """Load a debrief: every list, and what it shares (a fresh start for the search)."""
        self._chosen = [(str(k), str(r)) for k, r in shared]
        self._parts = dict(parts or {})
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        for kind in KINDS:
            self._fill(kind, [c for c in choices if c.kind == kind], tr(EMPTY[kind]))
        self._update_summary()
        self._emit_current()

    def set_kind_choices(self, kind: str, choices: Sequence[Choice]) -> None:
        """Re-list one kind (e.g. search results), keeping every tick as it was."""
        self._fill(
            kind, choices, tr(NO_MATCH if kind == "reflection" and self.query() else EMPTY[kind])
        )
        self._emit_current()

    def _fill(self, kind: str, choices: Sequence[Choice], empty: str) -> None:
        widget = self.lists[kind]
        widget.blockSignals(True)
        widget.clear()
        for choice in choices:
            item = QListWidgetItem(choice.label)
            item.setData(Qt.ItemDataRole.UserRole, choice.ref)
            item.setToolTip(choice.label)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = (kind, choice.ref) in self._chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            widget.addItem(item)
        if widget.count() == 0:
            placeholder = QListWidgetItem(empty)
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            widget.addItem(placeholder)
        widget.blockSignals(False)

    def shared(self) -> list[tuple[str, str]]:
        """Everything ticked, listed or not: reflections, then check-ins, then charts."""
        return [ref for kind in KINDS for ref in self._chosen if ref[0] == kind]

    def parts(self) -> dict[str, tuple[str, ...]]:
        """The chosen parts of each ticked reflection (absent: shared whole, as before)."""
        ticked = {ref for kind, ref in self._chosen if kind == "reflection"}
        return {ref: parts for ref, parts in self._parts.items() if ref in ticked}

    def parts_of(self, ref: str) -> tuple[str, ...] | None:
        return self._parts.get(ref)

    def set_parts(self, ref: str, parts: tuple[str, ...]) -> None:
        self._parts[ref] = tuple(parts)
        self.changed.emit()

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

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        ref = item.data(Qt.ItemDataRole.UserRole)
        kind = next((k for k, w in self.lists.items() if w is item.listWidget()), None)
        if ref is None or kind is None:
            return
        key = (kind, str(ref))
        if item.checkState() == Qt.CheckState.Checked and key not in self._chosen:
            self._chosen.append(key)
            if kind == "reflection":
                self.reflection_ticked.emit(key[1])
        elif item.checkState() != Qt.CheckState.Checked and key in self._chosen:
            self._chosen.remove(key)
            self._parts.pop(key[1], None)
        self._update_summary()
        self.changed.emit()

    def _update_summary(self) -> None:
        counts = dict.fromkeys(KINDS, 0)
        for kind, _ref in self._chosen:
            counts[kind] = counts.get(kind, 0) + 1
        self.summary.setText(share_counts(counts["reflection"], counts["checkin"], counts["chart"]))
