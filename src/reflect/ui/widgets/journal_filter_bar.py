"""Search box and filters of the journal; emits ``changed`` and builds a JournalFilter."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from reflect.domain.journal import JournalFilter
from reflect.domain.templates import Template
from reflect.ui.i18n import follow_language, tr
from reflect.ui.widgets.wall_clock import keep_kept_years

SEARCH_DELAY_MS = 150  # typing pauses this long before searching, so each key stays instant


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class JournalFilterBar(QWidget):
    changed = Signal()

    def __init__(self, templates: list[Template], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        search_row = self._search_row()
        root.addLayout(search_row)

        # Three rows, so that larger type and the longer French never widen the screen.
        lists_row = QHBoxLayout()
        root.addLayout(lists_row)
        row = QHBoxLayout()
        self._add_dates(row)
        self._add_lists(lists_row, templates)
        self._add_intensity(row)
        row.addStretch(1)
        root.addLayout(row)
        order = (
            self.search, self.clear_button, self.template, self.setting, self.tag,
            self.use_from, self.date_from, self.use_to, self.date_to,
            self.intensity_min, self.intensity_max,
        )  # fmt: skip
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)  # Tab follows the rows as they are seen

        self._connect_signals()

    def _search_row(self) -> QHBoxLayout:
        search_row = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            tr('Search your reflections: words, or a "quoted phrase" (Ctrl+F)')
        )
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(tr("Search reflections"))
        search_row.addWidget(self.search, 1)
        self.clear_button = QPushButton(tr("Clear filters"))
        search_row.addWidget(self.clear_button)
        return search_row

    def _add_dates(self, row: QHBoxLayout) -> None:
        """From and to: each a check box that switches its date on."""
        self.use_from = QCheckBox(tr("From"))
        self.date_from = QDateEdit()
        keep_kept_years(self.date_from)
        self.use_to = QCheckBox(tr("to"))
        self.date_to = QDateEdit()
        keep_kept_years(self.date_to)
        today = date.today()
        for check, edit, start, edit_name, check_name in (
            (
                self.use_from,
                self.date_from,
                date(today.year, today.month, 1),
                tr("Date from"),
                tr("Filter by date: from"),
            ),
            (self.use_to, self.date_to, today, tr("Date to"), tr("Filter by date: to")),
        ):
            edit.setCalendarPopup(True)
            follow_language(edit)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(_qdate(start))
            edit.setEnabled(False)
            edit.setAccessibleName(edit_name)
            check.setAccessibleName(check_name)
            row.addWidget(check)
            row.addWidget(edit)

    def _add_lists(self, lists_row: QHBoxLayout, templates: list[Template]) -> None:
        """Template, setting and tag (settings and tags are filled in later)."""
        self.template = QComboBox()
        self.template.setAccessibleName(tr("Filter by template"))
        self.template.addItem(tr("All templates"), None)
        for template in templates:
            self.template.addItem(tr(template.name), template.id)
        self.setting = QComboBox()
        self.setting.setAccessibleName(tr("Filter by setting"))
        self.setting.addItem(tr("All settings"), None)
        self.tag = QComboBox()
        self.tag.setAccessibleName(tr("Filter by tag"))
        self.tag.addItem(tr("All tags"), None)
        for combo in (self.template, self.setting, self.tag):
            # Long template names (and French) must not widen the whole journal: the lists
            # shrink to a few words and show the full text when open.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(8)
            lists_row.addWidget(combo, 1)

    def _add_intensity(self, row: QHBoxLayout) -> None:
        intensity_label = QLabel(tr("Intensity"))
        row.addWidget(intensity_label)
        self.intensity_min = QSpinBox()
        self.intensity_max = QSpinBox()
        for spin, value, name in (
            (self.intensity_min, 0, tr("Intensity, lowest")),
            (self.intensity_max, 10, tr("Intensity, highest")),
        ):
            spin.setRange(0, 10)
            spin.setValue(value)
            spin.setAccessibleName(name)
        intensity_label.setBuddy(self.intensity_min)
        row.addWidget(self.intensity_min)
        row.addWidget(QLabel(tr("to")))
        row.addWidget(self.intensity_max)

    def _connect_signals(self) -> None:
        """Typing waits a moment before filtering; every other change filters at once."""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.changed)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        for check, edit in ((self.use_from, self.date_from), (self.use_to, self.date_to)):
            check.toggled.connect(edit.setEnabled)
            check.toggled.connect(self.changed)
            edit.dateChanged.connect(self.changed)
        for combo in (self.template, self.setting, self.tag):
            combo.currentIndexChanged.connect(self.changed)
        self.intensity_min.valueChanged.connect(self.changed)
        self.intensity_max.valueChanged.connect(self.changed)
        self.clear_button.clicked.connect(self.clear)

    def _inputs(self) -> tuple[QWidget, ...]:
        return (
            self.search, self.use_from, self.use_to, self.date_from, self.date_to,
            self.template, self.setting, self.tag, self.intensity_min, self.intensity_max,
        )  # fmt: skip

    def set_choices(self, settings: list[str], tags: list[str]) -> None:
        """Refill the setting and tag lists, keeping the current choice when it still exists."""
        for combo, label, values in (
            (self.setting, tr("All settings"), settings),
            (self.tag, tr("All tags"), tags),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(label, None)
            for value in values:
                combo.addItem(tr(value).capitalize() if combo is self.setting else value, value)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)

    def current_filter(self) -> JournalFilter:
        low, high = self.intensity_min.value(), self.intensity_max.value()
        return JournalFilter(
            query=self.search.text(),
            date_from=self.date_from.date().toPython() if self.use_from.isChecked() else None,  # type: ignore[arg-type]
            date_to=self.date_to.date().toPython() if self.use_to.isChecked() else None,  # type: ignore[arg-type]
            template_id=self.template.currentData(),
            setting=self.setting.currentData(),
            tag=self.tag.currentData(),
            intensity_min=low if low > 0 else None,
            intensity_max=high if high < 10 else None,
        )

    def show_day(self, day: date) -> None:
        """Filter to one day (the calendar's choice), keeping the other criteria."""
        for check, edit in ((self.use_from, self.date_from), (self.use_to, self.date_to)):
            for widget in (check, edit):
                widget.blockSignals(True)
            check.setChecked(True)
            edit.setEnabled(True)
            edit.setDate(_qdate(day))
            for widget in (check, edit):
                widget.blockSignals(False)
        self.changed.emit()

    def flush(self) -> None:
        """Apply a pending search at once (Enter in the box, tests)."""
        if self._timer.isActive():
            self._timer.stop()
            self.changed.emit()

    def clear(self) -> None:
        for widget in self._inputs():
            widget.blockSignals(True)
        self.search.clear()
        self.use_from.setChecked(False)
        self.use_to.setChecked(False)
        self.date_from.setEnabled(False)
        self.date_to.setEnabled(False)
        for combo in (self.template, self.setting, self.tag):
            combo.setCurrentIndex(0)
        self.intensity_min.setValue(0)
        self.intensity_max.setValue(10)
        for widget in self._inputs():
            widget.blockSignals(False)
        self.changed.emit()
