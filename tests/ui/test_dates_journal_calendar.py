"""The journal calendar left open past midnight lets the new day be chosen."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate

from reflect.domain.journal_calendar import MonthMarks


def test_the_calendar_reaches_the_new_day_when_it_is_marked_again(qtbot):
    from reflect.ui.widgets.journal_calendar import JournalCalendar

    days = [date(2026, 12, 31)]
    calendar = JournalCalendar(today=lambda: days[0])
    qtbot.addWidget(calendar)
    assert calendar.maximumDate() == QDate(2026, 12, 31)
    days[0] = date(2027, 1, 1)  # the app stayed open through the night
    calendar.show_marks(MonthMarks(2027, 1, {}, frozenset()))
    assert calendar.maximumDate() == QDate(2027, 1, 1)
