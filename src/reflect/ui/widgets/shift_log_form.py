"""The compact shift log: a date, hours, four counts, a critical-incident box and its outline.

Built for the keyboard and for a tired person: type a number, Tab, type a number, Enter.
Every field is optional and an empty box means "not noted" (not zero). Counts are plain text
boxes with a digits-only validator rather than spin boxes, so the mouse wheel can never
change them and there are no arrows to aim at. The identity guard watches the outline, as it
watches a reflection.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from reflect.domain.errors import ValidationError
from reflect.domain.exposure import MAX_HOURS, OUTLINE_MAX
from reflect.ui.i18n import interface_locale, tr
from reflect.ui.widgets.identity_banner import IdentityBanner
from reflect.ui.widgets.identity_watch import IdentityWatch, TextBox
from reflect.ui.widgets.wall_clock import keep_kept_years

# (field, label with mnemonic, accessible description), in tab order.
COUNT_BOXES: tuple[tuple[str, str, str], ...] = (
    ("encounters", "&Encounters:", "People you met or supported"),
    ("disclosures", "&Disclosures heard:", "Times someone told you about trauma"),
    ("material", "&Material seen:", "Times you saw traumatic images or material"),
    ("crises", "C&rises handled:", "Crises you handled"),
)


def _number_box(pattern: str, name: str, description: str) -> QLineEdit:
    box = QLineEdit()
    box.setValidator(QRegularExpressionValidator(QRegularExpression(pattern), box))
    box.setPlaceholderText("–")
    box.setAccessibleName(name)
    box.setAccessibleDescription(description)
    box.setAlignment(Qt.AlignmentFlag.AlignRight)
    # Wide enough for "24.5" at any font size, narrow enough to sit four in a row.
    box.setMaximumWidth(box.fontMetrics().horizontalAdvance("0000000") + 16)
    return box


class ShiftLogForm(QWidget):
    changed = Signal()

    def __init__(self, day: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(tr("Log a shift"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        layout.addLayout(grid)

        self.day = QDateEdit()

        keep_kept_years(self.day)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("d MMM yyyy")
        self.day.setLocale(interface_locale())  # month names in the interface's language
        self.day.setMaximumDate(QDate.currentDate())
        self.day.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the wheel never changes the day
        self.day.setAccessibleName(tr("Day of the shift"))
        self.set_day(day or date.today())
        day_label = QLabel(tr("D&ay:"))
        day_label.setBuddy(self.day)
        self.hours = _number_box(
            r"^\d{0,2}([.,]\d{0,2})?$", tr("Hours worked"), tr("Hours worked, for example 7.5")
        )
        hours_label = QLabel(tr("&Hours:"))
        hours_label.setBuddy(self.hours)
        grid.addWidget(day_label, 0, 0)
        grid.addWidget(self.day, 0, 1)
        grid.addWidget(hours_label, 0, 2)
        grid.addWidget(self.hours, 0, 3)

        self._add_counts(grid)
        grid.setColumnStretch(4, 1)

        self._add_incident(layout)

        self.critical.toggled.connect(self._on_critical_toggled)
        self.outline.textEdited.connect(self._on_outline_edited)
        for box in (self.hours, *self.counts.values()):
            box.textEdited.connect(self.changed)
        self._set_tab_order()

    def _add_counts(self, grid: QGridLayout) -> None:
        """The count boxes, two to a row under the day and hours."""
        self.counts: dict[str, QLineEdit] = {}
        for index, (name, label, description) in enumerate(COUNT_BOXES):
            name_only = tr(label).replace("&", "").rstrip(": \u00a0")
            box = _number_box(r"^\d{0,3}$", name_only, tr(description))
            # A no-break space before French ':' so a wrapped caption keeps the colon with
            # its word (at large text 'Rencontres' and ':' landed on two lines).
            caption = QLabel(tr(label).replace(" :", "\u00a0:"))
            caption.setBuddy(box)
            caption.setWordWrap(True)
            row, column = 1 + index // 2, (index % 2) * 2
            grid.addWidget(caption, row, column)
            grid.addWidget(box, row, column + 1)
            self.counts[name] = box

    def _add_incident(self, layout: QVBoxLayout) -> None:
        """A critical incident: a check box and a one-line outline, watched for names."""
        self.critical = QCheckBox(tr("A &critical incident happened"))
        self.critical.setAccessibleDescription(
            tr("Something unusually distressing, such as a death, a threat or a serious harm")
        )
        layout.addWidget(self.critical)
        self.outline = QLineEdit()
        self.outline.setMaxLength(OUTLINE_MAX)
        self.outline.setPlaceholderText(tr("In one line, optional; no names or details"))
        self.outline.setAccessibleName(tr("Outline of the incident"))
        self.outline.setEnabled(False)
        outline_label = QLabel(tr("&Outline:"))
        outline_label.setBuddy(self.outline)
        outline_row = QGridLayout()
        outline_row.addWidget(outline_label, 0, 0)
        outline_row.addWidget(self.outline, 0, 1)
        outline_row.setColumnStretch(1, 1)
        layout.addLayout(outline_row)
        self.identity_banner = IdentityBanner()
        layout.addWidget(self.identity_banner)
        self.identity = IdentityWatch(self.identity_banner, self._guarded, self)

    def _set_tab_order(self) -> None:
        self.setTabOrder(self.day, self.hours)
        previous: QWidget = self.hours
        for box in self.counts.values():
            self.setTabOrder(previous, box)
            previous = box
        self.setTabOrder(previous, self.critical)
        self.setTabOrder(self.critical, self.outline)

    def _guarded(self) -> list[TextBox]:
        return [self.outline]

    def _on_critical_toggled(self, checked: bool) -> None:
        self.outline.setEnabled(checked)
        if not checked:
            self.identity.reset()
        self.changed.emit()

    def _on_outline_edited(self, _text: str) -> None:
        self.identity.schedule()
        self.changed.emit()

    def set_day(self, day: date) -> None:
        self.day.setDate(QDate(day.year, day.month, day.day))

    def chosen_day(self) -> date:
        value = self.day.date()
        return date(value.year(), value.month(), value.day())

    def hours_value(self) -> float | None:
        text = self.hours.text().strip().replace(",", ".")
        if not text or text == ".":
            return None
        value = float(text)
        if value > MAX_HOURS:
            raise ValidationError(f"Hours must be between 0 and {MAX_HOURS:g}.")
        return value

    def values(self) -> dict[str, object]:
        """Keyword arguments for ``ExposureService.log_shift`` (raises ValidationError)."""
        counts = {
            name: (int(box.text()) if box.text().strip() else None)
            for name, box in self.counts.items()
        }
        critical = self.critical.isChecked()
        return {
            "day": self.chosen_day(),
            "hours": self.hours_value(),
            **counts,
            "critical": critical,
            "outline": self.outline.text() if critical else "",
        }

    def first_input(self) -> QWidget:
        return self.hours
