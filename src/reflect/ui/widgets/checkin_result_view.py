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
    compare_wording,
    strong_items,
)


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


class CheckinResultView(QWidget):
    done_requested = Signal()
    undo_requested = Signal()
    open_resources_requested = Signal()
    open_plan_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("How this check-in compares with your usual")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
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

        self.support = QLabel()
        self.support.setWordWrap(True)
        self.support.setObjectName("checkinSupport")
        layout.addWidget(self.support)

        links = QHBoxLayout()
        self.resources_button = QPushButton("Coping ideas")
        self.plan_button = QPushButton("My plan")
        links.addWidget(self.resources_button)
        links.addWidget(self.plan_button)
        links.addStretch(1)
        self.undo_button = QPushButton("Undo: delete this check-in")
        self.done_button = QPushButton("Done")
        self.done_button.setDefault(True)
        links.addWidget(self.undo_button)
        links.addWidget(self.done_button)
        layout.addLayout(links)
        note = QLabel("A check-in is a moment of reflection, not a test or a diagnosis.")
        note.setObjectName("checkinDisclaimer")
        layout.addWidget(note)
        layout.addStretch(1)

        self.resources_button.clicked.connect(self.open_resources_requested)
        self.plan_button.clicked.connect(self.open_plan_requested)
        self.undo_button.clicked.connect(self.undo_requested)
        self.done_button.clicked.connect(self.done_requested)

    def show_result(self, entry: ScoredCheckIn) -> None:
        self.entry = entry
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        baseline = entry.baseline
        self.heading.setText("<h2>Saved. Thank you for checking in.</h2>")
        if baseline.available:
            self.summary.setText(
                "Here is this week next to your usual (the middle of your last "
                f"{baseline.based_on} check-ins). "
                f"Each part is an average from 0 (not at all) to {ITEM_MAX} (most of the time)."
            )
        else:
            left = BASELINE_MINIMUM - baseline.based_on
            self.summary.setText(
                f"Here is this week. After {left} more check-in{'s' if left != 1 else ''}, "
                "Reflect can also "
                f"show how each part compares with your usual."
            )
        headers = ("", "This week", "", "Your usual", "Compared with your usual")
        for column, text in enumerate(headers):
            label = QLabel(f"<b>{text}</b>")
            self.grid.addWidget(label, 0, column)
        rows = [(OVERALL, "Overall")] + [(c, CATEGORY_LABELS[c]) for c in CATEGORIES]
        higher = []
        for row, (key, label) in enumerate(rows, start=1):
            value = entry.scores.get(key)
            difference = entry.difference(key)
            wording = compare_wording(difference) if baseline.available else ""
            if key != OVERALL and wording == "higher than your usual":
                higher.append(label.lower())
            name = QLabel(f"<b>{label}</b>" if key == OVERALL else label)
            bar = QProgressBar()
            bar.setRange(0, ITEM_MAX * 10)
            bar.setValue(int(round((value or 0) * 10)))
            bar.setTextVisible(False)
            bar.setFixedHeight(10)
            bar.setMinimumWidth(120)
            bar.setAccessibleName(f"{label}: {_fmt(value)} of {ITEM_MAX}")
            self.grid.addWidget(name, row, 0)
            self.grid.addWidget(QLabel(_fmt(value)), row, 1)
            self.grid.addWidget(bar, row, 2)
            self.grid.addWidget(QLabel(_fmt(baseline.get(key))), row, 3)
            self.grid.addWidget(QLabel(wording), row, 4)
        self.grid.setColumnStretch(4, 1)

        strong = strong_items(entry.checkin)
        parts = []
        if higher:
            parts.append(f"Some parts were higher than your usual ({', '.join(higher)}).")
        if strong:
            parts.append(
                f"You marked {len(strong)} thing{'s' if len(strong) != 1 else ''} "
                "as 'most of the time'."
            )
        if parts:
            parts.append(
                "That is worth being kind to yourself about. A few coping ideas or your own plan "
                "may help, "
                "and consider talking with your supervisor or someone you trust."
            )
        else:
            parts.append("Coping ideas and your own plan are always one click away.")
        self.support.setText(" ".join(parts))
        self.done_button.setFocus(Qt.FocusReason.OtherFocusReason)
