"""One tab of the trends dashboard: an optional "show" selector, the chart and its export.

Imports matplotlib (through chart_canvas), so only the trends screen creates it, lazily.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QStyleOptionComboBox,
    QVBoxLayout,
    QWidget,
)

from reflect.ui.i18n import tr
from reflect.ui.widgets.chart_canvas import ChartCanvas
from reflect.ui.widgets.wrapping_combo import WrappingComboBox


def _no_wider_than_its_longest_item(combo: QComboBox) -> None:
    """Let ``combo`` grow with the row up to its longest option, no further: a short
    option list stays compact, a long questionnaire name gets the room there is."""
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    metrics = combo.fontMetrics()
    widest = max(
        (metrics.horizontalAdvance(combo.itemText(i)) for i in range(combo.count())), default=0
    )
    content = QSize(widest, metrics.height())
    size = combo.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, option, content, combo)
    combo.setMaximumWidth(max(size.width(), combo.minimumSizeHint().width()))


class TrendChartPanel(QWidget):
    selection_changed = Signal()
    export_requested = Signal()

    def __init__(self, key: str, label: str, selector_label: str = "") -> None:
        """``label`` and ``selector_label`` come already in the language in use."""
        super().__init__()
        self.key = key
        self.setAccessibleName(label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        row = QHBoxLayout()
        self.selector: QComboBox | None = None
        if selector_label:
            caption = QLabel(selector_label)
            # A long questionnaire name shows whole, on two lines when narrow.
            self.selector = WrappingComboBox()
            self.selector.setAccessibleName(selector_label.rstrip(": \u00a0"))
            self.selector.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            self.selector.setMinimumContentsLength(18)
            policy = self.selector.sizePolicy()
            policy.setHorizontalPolicy(QSizePolicy.Policy.Expanding)
            self.selector.setSizePolicy(policy)
            caption.setBuddy(self.selector)
            row.addWidget(caption)
            row.addWidget(self.selector, 1)
            self.selector.currentIndexChanged.connect(lambda _i: self.selection_changed.emit())
        row.addStretch(0 if self.selector is not None else 1)  # the selector takes it first
        self.export_button = QPushButton(tr("Export chart…"))
        self.export_button.setToolTip(tr("Save this chart as a PNG image or a PDF (Ctrl+E)"))
        self.export_button.setAccessibleName(
            tr("Export the {chart} chart").format(chart=label.lower())
        )
        row.addWidget(self.export_button)
        layout.addLayout(row)
        # The chart and its words scroll together when the window is too short for both:
        # squeezed below the chart's minimum, its dates and legend were cut off at the foot.
        page = QScrollArea()
        page.setWidgetResizable(True)
        page.setFrameShape(QScrollArea.Shape.NoFrame)
        page.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        page.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        page.setWidget(body)
        layout.addWidget(page, 1)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        self.chart = ChartCanvas(tr("{chart} chart").format(chart=label))
        layout.addWidget(self.chart, 1)
        # The chart's key numbers in words: read by screen readers, handy without a mouse.
        self.summary = QLabel()
        self.summary.setObjectName("mutedLabel")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setAccessibleName(tr("{chart} in words").format(chart=label))
        layout.addWidget(self.summary)
        self.export_button.clicked.connect(self.export_requested)

    def set_summary(self, text: str) -> None:
        self.summary.setText(text)
        self.chart.summary = text
        self.chart.setAccessibleDescription(f"{self.chart.title}. {text}")

    def selection(self) -> str | None:
        if self.selector is None or self.selector.currentIndex() < 0:
            return None
        return self.selector.currentData()

    def set_options(self, options: list[tuple[str, str]]) -> None:
        """Replace the selector's (key, label) options, keeping the current choice if offered."""
        if self.selector is None:
            return
        current = self.selection()
        self.selector.blockSignals(True)
        self.selector.clear()
        for key, label in options:
            self.selector.addItem(label, key)
        index = self.selector.findData(current) if current is not None else -1
        self.selector.setCurrentIndex(max(0, index) if options else -1)
        self.selector.setEnabled(bool(options))
        self.selector.blockSignals(False)
        _no_wider_than_its_longest_item(self.selector)
        self.selector.updateGeometry()  # its height follows the name now shown
