"""Journal rows for a QTableView: date, template, setting, intensity, tags and a snippet."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from reflect.domain.journal import ReflectionSummary
from reflect.ui.i18n import local_date, tr

# Shown through tr(). "Excerpt", not "Text": the French catalogue already gives "Text" as a
# text message (SMS).
COLUMNS = ("Date", "Template", "Setting", "Intensity", "Tags", "Excerpt")
ID_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
_ID = int(ID_ROLE)
# The date and intensity columns resize to their contents: Qt asks each of their rows for
# eight roles (font, colours, size hint...) on construction and again at every layout of the
# shown table, about 15,000 calls for a 300-row page. Roles this model never answers return at
# once, and the date is formatted once per row, not at every call.
_ANSWERED = frozenset({_DISPLAY, _TOOLTIP, _ALIGNMENT, _ACCESSIBLE, _ID})


class ReflectionTableModel(QAbstractTableModel):
    def __init__(self, template_names: dict[str, str] | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ReflectionSummary] = []
        self._dates: list[str | None] = []  # each row's date text, formatted when first asked
        self._names = template_names or {}

    def set_rows(self, rows: list[ReflectionSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._dates = [None] * len(self._rows)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def row_at(self, row: int) -> ReflectionSummary:
        return self._rows[row]

    def row_of(self, reflection_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == reflection_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        # The tooltip too: a narrow list cuts a heading ("Intensité" becomes "Int…").
        roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
        if role in roles and orientation == Qt.Orientation.Horizontal:
            return tr(COLUMNS[section])
        return None

    def _date(self, row: int) -> str:
        text = self._dates[row]
        if text is None:
            text = self._dates[row] = self._rows[row].occurred_at.isoformat(" ", "minutes")
        return text

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        role = int(role)
        if role not in _ANSWERED or not index.isValid():
            return None
        row = index.row()
        item = self._rows[row]
        column = index.column()
        if role == _ID:
            return item.id
        if role == _DISPLAY:
            if column == 0:
                return self._date(row)
            if column == 1:
                return tr(self._names.get(item.template_id, item.template_id))
            if column == 2:
                return tr(item.setting).capitalize()
            if column == 3:
                return "" if item.intensity is None else str(item.intensity)
            if column == 4:
                return ", ".join(item.tags)
            return item.snippet
        if role == _TOOLTIP and column == 0:  # a narrow list keeps only the day
            return self._date(row)
        if role == _TOOLTIP and column == 5:
            return item.snippet
        if role == _TOOLTIP and column == 1:  # the tag may be cut
            return tr(self._names.get(item.template_id, item.template_id))
        if role == _TOOLTIP and column == 4:
            return ", ".join(item.tags)
        if role == _TOOLTIP and column == 2:  # the setting may be cut too
            return tr(item.setting).capitalize()
        if role == _ALIGNMENT and column == 3:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == _ACCESSIBLE:
            return (
                f"{local_date(item.occurred_at, 'dd MMMM yyyy HH:mm')}, "
                f"{tr(self._names.get(item.template_id, item.template_id))}, "
                f"{tr(item.setting)}: {item.snippet}"
            )
        return None
