"""The journal's month view: days with reflections in bold with a mark, a check-in as a quiet dot.

Built on QCalendarWidget, so arrows, Page Up/Down and Home/End move through days and months
from the keyboard; Enter or a click on a day filters the list to that day.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QEvent, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QResizeEvent, QTextCharFormat
from PySide6.QtWidgets import QCalendarWidget, QWidget

from reflect.domain.journal_calendar import MonthMarks
from reflect.ui.i18n import follow_language, tr
from reflect.ui.theme import colour

_SHORT = QCalendarWidget.HorizontalHeaderFormat.ShortDayNames
_ONE_LETTER = QCalendarWidget.HorizontalHeaderFormat.SingleLetterDayNames


class JournalCalendar(QCalendarWidget):
    day_chosen = Signal(object)  # datetime.date

    def __init__(
        self, parent: QWidget | None = None, today: Callable[[], date] = date.today
    ) -> None:
        super().__init__(parent)
        self._today = today
        self._short_width = 0  # set by _measure_names, before the first layout
        self._narrow_size = QSize()
        self.setAccessibleName(
            tr("Journal calendar. Days with reflections are in bold; Enter shows that day.")
        )
        self.setGridVisible(False)
        follow_language(self)
        self.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self._measure_names()
        self.setMaximumDate(self._today_as_qdate())
        plain = QTextCharFormat()  # weekends in the ordinary text colour: no alarm-red days
        for weekend in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
            self.setWeekdayTextFormat(weekend, plain)
        self.marks: MonthMarks | None = None
        # QCalendarWidget's own parts have no names; a screen reader needs them.
        for name, label in (
            ("qt_calendar_calendarview", tr("Days of the month")),
            ("qt_calendar_prevmonth", tr("Previous month")),
            ("qt_calendar_nextmonth", tr("Next month")),
            ("qt_calendar_yearedit", tr("Year")),
            ("qt_calendar_monthbutton", tr("Month")),
        ):
            part = self.findChild(QWidget, name)
            if part is not None:
                part.setAccessibleName(label)
        self.clicked.connect(self._on_day)
        self.activated.connect(self._on_day)

    def _measure_names(self) -> None:
        """The widths with short day names ("Mon", "lun.") and with one letter ("M", "L").

        Short names made the calendar 250 pixels wide at the least, which left the journal's
        list too little room at the smallest window; one letter each when it is that narrow.
        """
        self.setHorizontalHeaderFormat(_ONE_LETTER)
        self._narrow_size = super().minimumSizeHint()
        self.setHorizontalHeaderFormat(_SHORT)
        self._short_width = super().minimumSizeHint().width()
        self._choose_names()

    def _choose_names(self) -> None:
        wanted = _SHORT if self.width() >= self._short_width else _ONE_LETTER
        if self.horizontalHeaderFormat() != wanted:
            self.setHorizontalHeaderFormat(wanted)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(self._narrow_size)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._choose_names()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.LocaleChange):
            self._measure_names()
            self.updateGeometry()

    def _today_as_qdate(self) -> QDate:
        day = self._today()
        return QDate(day.year, day.month, day.day)

    def _reach_today(self) -> None:
        """Days up to today can be chosen: the app may have stayed open past midnight (a
        clock set back never takes a day away)."""
        today = self._today_as_qdate()
        if today > self.maximumDate():
            self.setMaximumDate(today)

    def show_marks(self, marks: MonthMarks) -> None:
        self._reach_today()
        self.setDateTextFormat(QDate(), QTextCharFormat())  # clear the previous month's
        bold = QTextCharFormat()
        bold.setFontWeight(QFont.Weight.Bold)
        bold.setForeground(QColor(colour("accent")))
        for day, count in marks.reflections.items():
            bold.setToolTip(
                tr("1 reflection") if count == 1 else tr("{n} reflections").format(n=count)
            )
            self.setDateTextFormat(QDate(day.year, day.month, day.day), bold)
        self.marks = marks
        self.updateCells()

    def paintCell(self, painter: QPainter, rect: QRect, qdate: QDate) -> None:  # noqa: N802
        super().paintCell(painter, rect, qdate)
        if self.marks is None:
            return
        day = qdate.toPython()
        if not isinstance(day, date):
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        if day in self.marks.reflections:  # a short bar under the number
            painter.setBrush(QColor(colour("accent")))
            bar = QRect(rect.center().x() - 6, rect.bottom() - 5, 12, 2)
            painter.drawRect(bar)
        if day in self.marks.checkins:  # a quiet dot in the corner
            painter.setBrush(QColor(colour("muted")))
            painter.drawEllipse(rect.right() - 8, rect.top() + 4, 4, 4)
        painter.restore()

    def _on_day(self, qdate: QDate) -> None:
        day = qdate.toPython()
        if isinstance(day, date):
            self.day_chosen.emit(day)
