"""Date-and-time editors for Reflect's moments, which are wall-clock times with no zone.

A reflection written at 02:30 is kept as 02:30 on that day wherever it is opened later. Qt's
local date-times follow this computer's zone, where that minute may not exist (the hour
skipped when clocks go forward, or a zone the person has since travelled to): Qt then moves
it an hour on, and saving the form would change the record silently. The editors hold the
time in UTC instead, where every minute of every day exists and none repeats; only the
numbers on screen matter, never the zone.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit

from reflect.domain.kept_dates import FIRST_DAY, FIRST_MOMENT, LAST_DAY, LAST_MOMENT


def to_qdatetime(moment: datetime) -> QDateTime:
    return QDateTime(
        QDate(moment.year, moment.month, moment.day),
        QTime(moment.hour, moment.minute, moment.second),
        QTimeZone.utc(),
    )


def from_qdatetime(value: QDateTime) -> datetime:
    """The numbers the editor shows, as a zone-less datetime (``toPython`` may add a zone)."""
    day, moment = value.date(), value.time()
    return datetime(
        day.year(), day.month(), day.day(), moment.hour(), moment.minute(), moment.second()
    )


def now_qdatetime() -> QDateTime:
    """This computer's clock as it reads now, for a "Now" button."""
    return to_qdatetime(datetime.now())


def hold_wall_clock(edit: QDateTimeEdit) -> None:
    """Make ``edit`` keep the numbers it is given (set before any value), within the years
    Reflect keeps."""
    edit.setTimeZone(QTimeZone.utc())
    edit.setDateTimeRange(to_qdatetime(FIRST_MOMENT), to_qdatetime(LAST_MOMENT))
    edit.setDateTime(now_qdatetime())


def keep_kept_years(edit: QDateEdit) -> None:
    """Offer only the years Reflect keeps (Qt offers 1752 to 9999); a narrower range that is
    already set stays."""
    first = QDate(FIRST_DAY.year, FIRST_DAY.month, FIRST_DAY.day)
    last = QDate(LAST_DAY.year, LAST_DAY.month, LAST_DAY.day)
    edit.setDateRange(max(edit.minimumDate(), first), min(edit.maximumDate(), last))
