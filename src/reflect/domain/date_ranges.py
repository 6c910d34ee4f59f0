"""Date ranges for the Trends dashboard: the picker's choices and the days each covers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from reflect.domain.errors import ValidationError

RANGE_LABELS: dict[str, str] = {
    "4w": "4 weeks",
    "3m": "3 months",
    "1y": "A year",
    "all": "All",
    "custom": "Custom…",
}
_RANGE_DAYS = {"4w": 28, "3m": 91, "1y": 365}


@dataclass(frozen=True)
class DateRange:
    """Inclusive days ``start``..``end``; ``start`` None means from the first entry."""

    key: str
    start: date | None
    end: date

    @property
    def since(self) -> datetime | None:
        return None if self.start is None else datetime.combine(self.start, datetime.min.time())

    @property
    def until(self) -> datetime:
        return datetime.combine(self.end, datetime.max.time()).replace(microsecond=0)

    def contains(self, moment: datetime | date) -> bool:
        day = moment.date() if isinstance(moment, datetime) else moment
        return (self.start is None or day >= self.start) and day <= self.end

    @property
    def days(self) -> int | None:
        return None if self.start is None else (self.end - self.start).days + 1

    def describe(self) -> str:
        if self.start is None:
            return f"everything up to {self.end:%d %b %Y}"
        return f"{self.start:%d %b %Y} to {self.end:%d %b %Y}"


def date_range(
    key: str, today: date, start: date | None = None, end: date | None = None
) -> DateRange:
    """The range for a picker choice; ``custom`` needs ``start`` and ``end``."""
    if key in _RANGE_DAYS:
        return DateRange(key, today - timedelta(days=_RANGE_DAYS[key] - 1), today)
    if key == "all":
        return DateRange(key, None, today)
    if key == "custom":
        if start is None or end is None:
            raise ValidationError("Choose both a first and a last day for a custom range.")
        if start > end:
            raise ValidationError("The first day comes after the last day; please swap them.")
        return DateRange(key, start, end)
    raise ValidationError(
        "Unknown range {key}; choose one of {choices}.",
        key=repr(key),
        choices=", ".join(RANGE_LABELS),
    )


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())
