"""After a check-in: this week next to the person's usual, in plain words, never a label."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reflect.domain.checkin import CATEGORIES, CATEGORY_LABELS, ITEM_MAX
from reflect.domain.checkin_scoring import (
    BASELINE_MINIMUM,
    OVERALL,
    ScoredCheckIn,
    strong_items,
)
from reflect.domain.strengths import strength_score
from reflect.domain.usual import HIGHER, UsualComparison, compare_with_usual
from reflect.ui.i18n import interface_words, number, tr
from reflect.ui.widgets.scroll_page import scroll_page
from reflect.ui.widgets.tab_chain import chain_tab_order, focusable_in


def _fmt(value: float | None) -> str:
    if value is None:
        return "–"
    return number(value, ".1f")


class CheckinResultView(QWidget):
    done_requested = Signal()
    undo_requested = Signal()
    open_resources_requested = Signal()
    open_plan_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(tr("How this check-in compares with your usual"))
        # The page scrolls: at the smallest window its table, words and note need more height
        # than there is, and were squeezed until their rows overlapped and the note was cut.
        # Its buttons are the Tab stops (focusing one scrolls it into view), not the page.
        layout = scroll_page(self, (24, 16, 24, 16), focusable=False)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)

        self.grid_host = QFrame()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setHorizontalSpacing(16)
        layout.addWidget(self.grid_host)
        # Strengths are a separate dimension: their own line, never folded into the grid above.
        self.strengths = QLabel()
        self.strengths.setWordWrap(True)
        self.strengths.setObjectName("checkinStrengths")
        layout.addWidget(self.strengths)

        self.support = QLabel()
        self.support.setWordWrap(True)
        self.support.setObjectName("checkinSupport")
        layout.addWidget(self.support)
        self._note_slot = QVBoxLayout()
        self._note_slot.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._note_slot)

        links = QHBoxLayout()
        self.resources_button = QPushButton(tr("Coping ideas"))
        self.plan_button = QPushButton(tr("My plan"))
        links.addWidget(self.resources_button)
        links.addWidget(self.plan_button)
        links.addStretch(1)
        layout.addLayout(links)
        # The closing actions get a row of their own: side by side with the support links
        # they made the window wider than a laptop screen at large type in French.
        actions = QHBoxLayout()
        actions.addStretch(1)
        self.undo_button = QPushButton(tr("Undo: delete this check-in"))
        self.done_button = QPushButton(tr("Done"))
        self.done_button.setDefault(True)
        actions.addWidget(self.undo_button)
        actions.addWidget(self.done_button)
        layout.addLayout(actions)
        note = QLabel(tr("A check-in is a moment of reflection, not a test or a diagnosis."))
        note.setWordWrap(True)
        note.setObjectName("checkinDisclaimer")
        layout.addWidget(note)
        layout.addStretch(1)

        self.resources_button.clicked.connect(self.open_resources_requested)
        self.plan_button.clicked.connect(self.open_plan_requested)
        self.undo_button.clicked.connect(self.undo_requested)
        self.done_button.clicked.connect(self.done_requested)

    def add_note(self, card: QWidget) -> None:
        """The early-warning note, shown in full under the result (the screen owns it)."""
        self._note_slot.addWidget(card)
        # Tab reaches the note where it is drawn, above the buttons under it (it was built
        # after them, so Tab went to Done first and to the note's buttons last).
        buttons = [self.resources_button, self.plan_button, self.undo_button, self.done_button]
        chain_tab_order([*focusable_in(card), *buttons])

    def show_result(self, entry: ScoredCheckIn) -> None:
        self.entry = entry
        while self.grid.count():
            item = self.grid.takeAt(0)
            old = item.widget() if item is not None else None
            if old is not None:
                old.deleteLater()
        baseline = entry.baseline
        self.heading.setText("<h2>" + tr("Saved. Thank you for checking in.") + "</h2>")
        self.summary.setText(_summary_text(baseline.available, baseline.based_on))
        compared = compare_with_usual(entry)
        self._fill_grid(entry, compared)
        strengths = strength_score(entry.checkin)
        self.strengths.setVisible(strengths is not None)
        if strengths is not None:
            self.strengths.setText(
                tr(
                    "Strengths this week (what the work gave back): {value} of {top}. "
                    "They are counted on their own, not subtracted from the signs."
                ).format(value=_fmt(strengths), top=ITEM_MAX)
            )
        self.support.setText(_support_text(entry, compared))
        self.done_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fill_grid(self, entry: ScoredCheckIn, compared: UsualComparison) -> None:
        """One row per part: name, this week's value and bar, the usual, the comparison."""
        baseline = entry.baseline
        headers = ("", tr("This week"), "", tr("Your usual"), tr("Compared with your usual"))
        for column, text in enumerate(headers):
            self.grid.addWidget(_wrapping("<b>" + text + "</b>"), 0, column)
        rows = [(OVERALL, tr("Overall"))] + [(c, tr(CATEGORY_LABELS[c])) for c in CATEGORIES]
        for row, (key, label) in enumerate(rows, start=1):
            value = entry.scores.get(key)
            wording = compared.wording(key) if compared.available and value is not None else ""
            name = QLabel("<b>" + label + "</b>" if key == OVERALL else label)
            bar = QProgressBar()
            bar.setRange(0, ITEM_MAX * 10)
            bar.setValue(int(round((value or 0) * 10)))
            bar.setTextVisible(False)
            bar.setFixedHeight(10)
            bar.setMinimumWidth(48)  # wider when there is room (the column stretches)
            bar.setAccessibleName(
                tr("{label}: {value} of {top}").format(label=label, value=_fmt(value), top=ITEM_MAX)
            )
            self.grid.addWidget(name, row, 0)
            self.grid.addWidget(QLabel(_fmt(value)), row, 1)
            self.grid.addWidget(bar, row, 2)
            self.grid.addWidget(QLabel(_fmt(baseline.get(key))), row, 3)
            # The comparison wraps: on one line ("plus élevé que votre habitude") the table
            # was wider than the smallest window and the page scrolled sideways.
            comparison = _wrapping(tr(wording) if wording else "")
            # Two lines at the most ("plus élevé que / votre habitude"), never a word a line.
            half = comparison.fontMetrics().horizontalAdvance(comparison.text()) // 2
            comparison.setMinimumWidth(half + comparison.fontMetrics().averageCharWidth() * 6)
            self.grid.addWidget(comparison, row, 4)
        self.grid.setColumnStretch(2, 1)
        self.grid.setColumnStretch(4, 2)


def _wrapping(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def _summary_text(available: bool, based_on: int) -> str:
    """What the table shows: this week beside the usual, or how many check-ins until then."""
    if available:
        return tr(
            "Here is this week next to your usual (the middle of your last "
            "{count} check-ins). "
            "Each part is an average from 0 (not at all) to {top} (most of the time)."
        ).format(count=based_on, top=ITEM_MAX)
    left = BASELINE_MINIMUM - based_on
    if left == 1:
        return tr(
            "Here is this week. After 1 more check-in, Reflect can also "
            "show how each part compares with your usual."
        )
    return tr(
        "Here is this week. After {count} more check-ins, Reflect can also "
        "show how each part compares with your usual."
    ).format(count=left)


def _support_text(entry: ScoredCheckIn, compared: UsualComparison) -> str:
    """The words under the table: what stood out, then a kind pointer to support."""
    strong = strong_items(entry.checkin)
    parts = []
    if compared.available:
        parts.append(compared.summary(interface_words()))  # the words Home uses too
    if len(strong) == 1:
        parts.append(tr("You marked 1 thing as 'most of the time'."))
    elif strong:
        parts.append(
            tr("You marked {count} things as 'most of the time'.").format(count=len(strong))
        )
    if compared.overall == HIGHER or compared.parts_with(HIGHER) or strong:
        parts.append(
            tr(
                "That is worth being kind to yourself about. A few coping ideas or your own "
                "plan may help, and consider talking with your supervisor or someone you trust."
            )
        )
    else:
        parts.append(tr("Coping ideas and your own plan are always one click away."))
    return " ".join(parts)
