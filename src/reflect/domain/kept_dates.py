"""The years Reflect keeps: 1900 through 2199.

Every date is kept exactly as written inside these years. Beyond them, the arithmetic the app
does on dates (a check-in due 30 days after a debrief, a review reminder two weeks before its
date, the next day of a range) would run off the end of Python's calendar (years 1 to 9999),
and such a date is in practice a typing slip in an imported file. So files, forms and the
command line refuse it, with the entry named, instead of failing later on some screen.
"""

from __future__ import annotations

from datetime import date, datetime, time

FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2199, 12, 31)
FIRST_MOMENT = datetime.combine(FIRST_DAY, time.min)
LAST_MOMENT = datetime.combine(LAST_DAY, time(23, 59, 59))
# A clause (no full stop): callers put it after a place ("entries[3].date: ") or a field.
OUTSIDE_KEPT_YEARS = "{value} is outside the years Reflect keeps (1900 to 2199)"


def is_kept(value: date | datetime) -> bool:
    day = value.date() if isinstance(value, datetime) else value
    return FIRST_DAY <= day <= LAST_DAY
