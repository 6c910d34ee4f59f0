"""The Journal's list of reflections: one row each, the excerpt given the width, and every
column fitted to the list's own width so it never scrolls sideways.

At the smallest window the date, template, setting, intensity and tags columns took more
than the list had, and the list scrolled sideways to show the excerpt. Now, when room runs
short, those columns shrink together towards a floor (the date keeps its day, the others two
letters), cut with "…" and whole in the tooltip, and the excerpt takes what is left: a third
of the list or more whenever the floors allow it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableView, QWidget

from reflect.ui.i18n import tr
from reflect.ui.models.reflection_table_model import ReflectionTableModel
from reflect.ui.widgets.refit_filter import ON_LAYOUT_AND_RESIZE, RefitFilter

DATE, TEMPLATE, SETTING, INTENSITY, TAGS, EXCERPT = range(6)
SHRINKING = (DATE, TEMPLATE, SETTING, INTENSITY, TAGS)
# The least a tag column keeps: two letters and the "…", enough to tell rows apart.
_LEAST = "Ab…"
_EXCERPT_SHARE = 3  # the excerpt keeps at least a third of the list


class JournalTable(QTableView):
    def __init__(self, model: ReflectionTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setAccessibleName(tr("Reflections. Enter opens one, Delete removes it."))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Tab leaves the list (arrows move in it); otherwise Tab walked every cell of every row.
        self.setTabKeyNavigation(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        # Widths set here, not measured from the rows: measuring asked the model about every
        # row of a page at each layout, and let a long name push the excerpt out of view.
        for column in range(EXCERPT):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(EXCERPT, QHeaderView.ResizeMode.Stretch)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._fit = _ColumnFit(self)
        self.viewport().installEventFilter(self._fit)
        self._fit.refit()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
            self._fit.refit()


class _ColumnFit(RefitFilter):
    """Sets the column widths for the list's width (watches the viewport, whose width is the
    room the columns share)."""

    events = ON_LAYOUT_AND_RESIZE

    def __init__(self, table: JournalTable) -> None:
        super().__init__(table.viewport())
        self._table = table

    def fit(self) -> None:
        table = self._table
        header = table.horizontalHeader()
        wanted, least = column_widths(table.fontMetrics(), header, _cell_padding(table))
        room = table.viewport().width()
        spare = room - room // _EXCERPT_SHARE
        want = sum(wanted[c] for c in SHRINKING)
        floor = sum(least[c] for c in SHRINKING)
        share = 1.0 if spare >= want else max(0.0, (spare - floor) / max(1, want - floor))
        header.setMinimumSectionSize(min(least.values()))
        for column in SHRINKING:
            header.resizeSection(
                column, least[column] + round((wanted[column] - least[column]) * share)
            )


def column_widths(
    metrics: QFontMetrics, header: QHeaderView, padding: int
) -> tuple[dict[int, int], dict[int, int]]:
    """Each column's width when there is room, and the least it shrinks to."""
    heading = header.fontMetrics()
    digit = max(metrics.horizontalAdvance(d) for d in "0123456789")
    # The date reads like "2026-06-29 19:10": twelve digits, two dashes, a space, a colon.
    date = digit * 12 + metrics.horizontalAdvance("-- :") + padding
    # The template, setting and tags are short tags of one width (whole in the tooltip), so a
    # long template name or many tags cannot squeeze the text people look for.
    tag = metrics.horizontalAdvance("Free write") + padding
    intensity = max(header.sectionSizeHint(INTENSITY), digit * 2 + padding)
    wanted = {
        DATE: max(date, header.sectionSizeHint(DATE)),
        TEMPLATE: tag,
        SETTING: tag,
        INTENSITY: intensity,
        TAGS: tag,
    }
    few = max(metrics.horizontalAdvance(_LEAST), heading.horizontalAdvance(_LEAST)) + padding
    least = {column: min(wanted[column], few) for column in (TEMPLATE, SETTING, TAGS)}
    least[INTENSITY] = digit * 2 + padding  # the numbers whole; the heading in the tooltip
    least[DATE] = digit * 8 + metrics.horizontalAdvance("-- …") + padding  # the day whole
    return wanted, least


def _cell_padding(table: QTableView) -> int:
    """The room a cell keeps around its text (the delegate's margins and the grid line),
    with a little air so neighbouring columns do not run together."""
    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    return 2 * margin + 10
