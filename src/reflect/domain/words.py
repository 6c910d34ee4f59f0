"""The words of pure code (charts, chart summaries, the debrief) in the language in use.

Charts, summaries and the debrief services cannot import Qt or the interface, so the
interface hands them a ``Words``: a translate function for the English texts plus the month
and weekday names and the decimal mark of the language. Dates are then written with these
names, never with the C library's ``strftime`` names (which follow the system, not Reflect).
The default is English, so the command line, tests and anything that passes nothing read
as before.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTHS_LONG = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
WEEKDAYS_LONG = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _same(text: str) -> str:
    return text


@dataclass(frozen=True)
class Words:
    """``words("English")`` translates; ``words.date(day, "%d %b %Y")`` writes a date.

    Patterns use ``strftime`` codes; %a %A %b %B take this language's names and ``%-d`` is
    the day without a leading zero. ``day_first`` writes every %d without its zero ("5 nov.
    2026") and orders the date axis "5 nov." rather than "Nov-05"; ``zero_is_singular``
    says "0 réflexion" the French way; ``num`` writes decimals with ``decimal``.
    """

    translate: Callable[[str], str] = _same
    months: tuple[str, ...] = MONTHS
    months_long: tuple[str, ...] = MONTHS_LONG
    weekdays: tuple[str, ...] = WEEKDAYS
    weekdays_long: tuple[str, ...] = WEEKDAYS_LONG
    day_first: bool = False
    zero_is_singular: bool = False
    decimal: str = "."  # "," in French: "3,5 sur 4"
    first_of_month: str = ""  # "er" in French: "1er décembre" (with "%-d")

    def __call__(self, text: str) -> str:
        return self.translate(text)

    def num(self, value: float, spec: str = ".1f") -> str:
        """A number with this language's decimal mark ('3.5' / '3,5')."""
        return format(value, spec).replace(".", self.decimal)

    def plural(self, count: int, one: str, many: str) -> str:
        """``one`` or ``many`` (both English templates with {count}), translated and filled."""
        singular = count == 1 or (count == 0 and self.zero_is_singular)
        return self.translate(one if singular else many).format(count=count)

    def date(self, moment: dt.date | dt.datetime, pattern: str = "%d %b %Y") -> str:
        if self.day_first:
            pattern = pattern.replace("%d", "%-d")
        out: list[str] = []
        index = 0
        while index < len(pattern):
            char = pattern[index]
            if char != "%" or index + 1 == len(pattern):
                out.append(char)
                index += 1
                continue
            code = pattern[index + 1]
            index += 2
            if code == "b":
                out.append(self.months[moment.month - 1])
            elif code == "B":
                out.append(self.months_long[moment.month - 1])
            elif code == "a":
                out.append(self.weekdays[moment.weekday()])
            elif code == "A":
                out.append(self.weekdays_long[moment.weekday()])
            elif code == "-" and pattern[index : index + 1] == "d":
                out.append(f"{moment.day}{self.first_of_month if moment.day == 1 else ''}")
                index += 1
            else:
                out.append(moment.strftime(f"%{code}"))
        return "".join(out)

    def long(self, moment: dt.date | dt.datetime) -> str:
        """'5 November 2026' / '5 novembre 2026'."""
        return self.date(moment, "%-d %B %Y")

    def day(self, moment: dt.date | dt.datetime) -> str:
        """'5 Nov 2026' / '5 nov. 2026' (no ordinal: the debrief's dates and lists)."""
        return f"{moment.day} {self.months[moment.month - 1]} {moment.year}"

    def month(self, moment: dt.date) -> str:
        """'Nov 2026' / 'nov. 2026'."""
        return f"{self.months[moment.month - 1]} {moment.year}"

    def of(self, value: float, maximum: int) -> str:
        """'2.5 of 4' / '2,5 sur 4'."""
        return self.translate("{value} of {maximum}").format(value=self.num(value), maximum=maximum)


ENGLISH = Words()
