"""The journal calendar's month and year are readable on its accent-coloured bar, in both
themes (the default dark text was about 2:1 on the accent)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QToolButton

from reflect.ui.theme import apply_theme
from reflect.ui.widgets.journal_calendar import JournalCalendar


def _luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def _contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_month_and_year_are_readable_on_the_bar(qtbot, scheme):
    app = QApplication.instance()
    apply_theme(scheme, app)
    try:
        calendar = JournalCalendar()
        qtbot.addWidget(calendar)
        calendar.show()
        qtbot.waitExposed(calendar)
        month = calendar.findChild(QToolButton, "qt_calendar_monthbutton")
        bar = calendar.findChild(QToolButton, "qt_calendar_monthbutton").parentWidget()
        text = month.palette().color(QPalette.ColorRole.ButtonText)
        background = bar.palette().color(QPalette.ColorRole.Highlight)
        assert _contrast(text, background) >= 4.5
    finally:
        apply_theme("light", app)
