"""Strict readers for one stored row (a dict of column -> SQLite value) from outside.

A row read from an archive was written by someone else's program until proven otherwise:
every value is checked for the type and range the app itself would have written, and the
first problem becomes a ``RowProblem`` naming the column. The repositories read trusted rows
leniently; these readers are for rows about to be merged into a profile.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime
from typing import Any

from reflect.domain import safe_json
from reflect.domain.kept_dates import OUTSIDE_KEPT_YEARS, is_kept
from reflect.domain.message import Clause, Message, as_message
from reflect.domain.safe_json import shorten

# One cell may hold a long journal entry, but not a whole disk: 4 MB of text is far more
# than any reflection, and JSON columns are parsed, so they are held to the same size.
MAX_CELL_CHARS = 4_000_000
MAX_JSON_DEPTH = 16
_SURROGATE = re.compile("[\ud800-\udfff]")


def _written_forms(moment: datetime) -> tuple[str, ...]:
    seconds = moment.isoformat(timespec="seconds")
    if moment.second or moment.microsecond:
        return (seconds,)
    return seconds, moment.isoformat(timespec="minutes")


class RowProblem(Exception):
    """One column of one row cannot be accepted; ``str()`` is the problem alone."""

    def __init__(self, column: str, problem: str) -> None:
        self.column = column
        # A Message (or a quoted rule), so whoever reports it can keep its template.
        self.problem: str = problem if isinstance(problem, Clause) else as_message(problem)
        super().__init__(self.problem)


class RowReader:
    """Typed access to one row; every reader raises RowProblem rather than guessing."""

    def __init__(self, row: dict[str, Any]) -> None:
        self.row = row

    def _value(self, column: str) -> Any:
        return self.row.get(column)

    def text(self, column: str, *, required: bool = False, max_chars: int = MAX_CELL_CHARS) -> str:
        value = self._value(column)
        if value is None:
            if required:
                raise RowProblem(column, "is missing")
            return ""
        if not isinstance(value, str):
            raise RowProblem(column, Message("must be text, found {value}", value=shorten(value)))
        if len(value) > max_chars:
            raise RowProblem(column, Message("is longer than {count} characters", count=max_chars))
        if _SURROGATE.search(value):
            raise RowProblem(column, "holds characters that are not valid Unicode")
        if required and not value.strip():
            raise RowProblem(column, "must not be empty")
        return value

    def integer(self, column: str, low: int, high: int, *, required: bool = False) -> int | None:
        value = self._value(column)
        if value is None:
            if required:
                raise RowProblem(column, "is missing")
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise RowProblem(
                column, Message("must be a whole number, found {value}", value=shorten(value))
            )
        if not low <= value <= high:
            raise RowProblem(
                column,
                Message(
                    "must be from {low} to {high}, found {value}",
                    low=low,
                    high=high,
                    value=shorten(value),
                ),
            )
        return value

    def row_id(self, column: str = "id") -> int | None:
        return self.integer(column, 1, 2**63 - 1)

    def moment(self, column: str, *, required: bool = False) -> datetime | None:
        raw = self.text(column, required=required, max_chars=64)
        if not raw:
            return None
        try:
            moment = datetime.fromisoformat(raw)
        except ValueError:
            moment = None
        # Only the spellings Reflect writes (to the second; packets to the minute): queries
        # compare this text, so "2026-03-31 21:05:00" or "20260331T210500" would sort
        # outside its own day.
        if moment is None or (moment.tzinfo is None and raw not in _written_forms(moment)):
            raise RowProblem(
                column,
                Message(
                    "{value} is not a date and time like 2026-03-31T21:05:00", value=shorten(raw)
                ),
            ) from None
        if moment.tzinfo is not None:  # Reflect keeps local times; mixing them cannot sort
            raise RowProblem(
                column,
                Message(
                    "{value} carries a time zone; Reflect keeps local times", value=shorten(raw)
                ),
            )
        if not is_kept(moment):
            raise RowProblem(column, Message(OUTSIDE_KEPT_YEARS, value=shorten(raw)))
        return moment

    def day(self, column: str) -> date | None:
        raw = self.text(column, max_chars=64)
        if not raw:
            return None
        try:
            day = date.fromisoformat(raw)
        except ValueError:
            day = None
        if day is None or day.isoformat() != raw:  # "20260331" would sort as another day
            raise RowProblem(
                column, Message("{value} is not a date like 2026-03-31", value=shorten(raw))
            )
        if not is_kept(day):
            raise RowProblem(column, Message(OUTSIDE_KEPT_YEARS, value=shorten(raw)))
        return day

    def json(self, column: str, kind: type, *, required: bool = False) -> Any:
        """The column's JSON text decoded; it must decode to ``kind`` (list or dict)."""
        raw = self.text(column, required=required)
        if not raw:
            return kind()
        try:
            value = safe_json.loads(raw, MAX_JSON_DEPTH)
        except safe_json.JsonLimitError as exc:
            # str(exc) is the problem, after the place in the JSON where there is one.
            raise RowProblem(column, exc.args[0]) from None
        if not isinstance(value, kind):
            template = (
                "must be a JSON list, found {value}"
                if kind is list
                else "must be a JSON object, found {value}"
            )
            raise RowProblem(column, Message(template, value=shorten(raw)))
        return value


def text_list(values: list[Any], column: str) -> list[str]:
    if not all(isinstance(v, str) for v in values):
        raise RowProblem(column, "must be a list of texts")
    return list(values)


def rating_map(values: dict[str, Any], column: str, low: int, high: int) -> dict[str, int]:
    for key, value in values.items():
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise RowProblem(
                column,
                Message(
                    "{key} must be rated from {low} to {high}, found {value}",
                    key=shorten(key),
                    low=low,
                    high=high,
                    value=shorten(value),
                ),
            )
    return dict(values)


def finite_number(value: Any, column: str, limit: float) -> float:
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(value)
        or abs(value) > limit
    ):
        raise RowProblem(
            column,
            Message(
                "must hold numbers up to {limit}, found {value}",
                limit=f"{limit:g}",
                value=shorten(value),
            ),
        )
    return float(value)
