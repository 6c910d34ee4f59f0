"""Trends left open past midnight: shown again, it draws up to the new day.

Reflect often stays open through a night shift. The ranges ("4 weeks", "3 months") end
today, and the custom range's last day cannot be after today; both must follow the clock
when the screen is shown on the next day, not stay on the day the screen was built.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate

from tests.ui.trend_history import fill_trend_history


def test_trends_shown_after_midnight_ends_its_range_on_the_new_day(qtbot, session):
    from reflect.ui.screens.trends_screen import TrendsScreen

    filled = fill_trend_history(session, "contemplation")
    days = [date.today()]
    filled.trends._today = lambda: days[0]  # the clock the service reads "today" from
    widget = TrendsScreen(filled)
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    with qtbot.waitSignal(widget.charts_ready, timeout=90_000):
        widget.show()
    qtbot.waitUntil(lambda: widget.span is not None and widget.span.end == days[0])
    widget.hide()
    days[0] += timedelta(days=1)
    widget.show()
    qtbot.waitUntil(lambda: widget.span.end == days[0], timeout=30_000)
    tomorrow = QDate(days[0].year, days[0].month, days[0].day)
    assert widget.picker.end_edit.maximumDate() == tomorrow
    assert widget.picker.start_edit.maximumDate() == tomorrow
