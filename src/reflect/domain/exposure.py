"""Exposure logs: what a shift put a person through, in numbers only.

Vicarious trauma is dose-dependent (second-wave-facts.md, "Evidence for exposure, recovery
and positives"), so a light log of hours, encounters, disclosures heard, traumatic material
seen and crises handled lets a person see their load next to their warning signs. Every
number is optional: a log of just "critical incident: yes" is as valid as a full one.
The optional one-line outline of a critical incident is the only text, and the interface
runs the identity guard over it like any reflection.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from reflect.domain.errors import ValidationError
from reflect.domain.message import Term

# Generous ceilings: they catch a typo (2000 instead of 20) without doubting a hard day.
MAX_COUNT = 500
MAX_HOURS = 24.0
OUTLINE_MAX = 160  # one line: what happened in a few words, never a case note
COUNT_FIELDS: tuple[str, ...] = ("encounters", "disclosures", "material", "crises")
COUNT_LABELS: dict[str, str] = {
    "encounters": "Encounters",
    "disclosures": "Disclosures heard",
    "material": "Traumatic material seen",
    "crises": "Crises handled",
}

BREAK_KINDS: tuple[str, ...] = ("day_off", "leave")
BREAK_LABELS: dict[str, str] = {"day_off": "Day off", "leave": "Leave"}
MAX_BREAK_DAYS = 366


def _check_count(name: str, value: int | None) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError("{field} must be a whole number.", field=Term(COUNT_LABELS[name]))
    if not 0 <= value <= MAX_COUNT:
        raise ValidationError(
            "{field} must be between 0 and {high}.", field=Term(COUNT_LABELS[name]), high=MAX_COUNT
        )


def clean_outline(text: str) -> str:
    """One line, trimmed: newlines and runs of spaces become single spaces."""
    return " ".join(str(text or "").split())


@dataclass(frozen=True)
class ShiftLog:
    """One shift or working day. ``day`` is the day the shift started."""

    day: date
    hours: float | None = None
    encounters: int | None = None
    disclosures: int | None = None
    material: int | None = None  # times traumatic images or material were seen
    crises: int | None = None
    critical: bool = False
    outline: str = ""  # only with a critical incident; no identifying details
    reflection_id: int | None = None
    created_at: datetime | None = None
    id: int | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.day, date) or isinstance(self.day, datetime):
            raise ValidationError("A shift needs a date.")
        if self.hours is not None:
            if isinstance(self.hours, bool) or not isinstance(self.hours, (int, float)):
                raise ValidationError("Hours must be a number.")
            if not 0 <= float(self.hours) <= MAX_HOURS:
                raise ValidationError("Hours must be between 0 and {high}.", high=f"{MAX_HOURS:g}")
        for name in COUNT_FIELDS:
            _check_count(name, getattr(self, name))
        if self.outline != clean_outline(self.outline):
            raise ValidationError("The outline must be one line.")
        if len(self.outline) > OUTLINE_MAX:
            raise ValidationError(
                "The outline is limited to {count} characters.", count=OUTLINE_MAX
            )
        if any(unicodedata.category(c) in ("Cc", "Cs") for c in self.outline):
            # A byte that is not UTF-8 (a lone surrogate) cannot be stored; a terminal escape
            # would recolour the screen of whoever later reads an export.
            raise ValidationError("The outline can hold plain text only.")
        if self.outline and not self.critical:
            raise ValidationError("An outline is only kept for a critical incident.")

    @property
    def is_empty(self) -> bool:
        """Nothing recorded at all (the log form refuses to save this)."""
        numbers = [self.hours, *(getattr(self, n) for n in COUNT_FIELDS)]
        return all(v is None for v in numbers) and not self.critical


@dataclass(frozen=True)
class Break:
    """Days off or leave, both ends included."""

    start: date
    end: date
    kind: str = "day_off"
    id: int | None = None

    def __post_init__(self) -> None:
        if self.kind not in BREAK_KINDS:
            raise ValidationError("A break is a day off or leave, not '{kind}'.", kind=self.kind)
        if self.end < self.start:
            raise ValidationError("A break cannot end before it starts.")
        if (self.end - self.start).days + 1 > MAX_BREAK_DAYS:
            raise ValidationError("A break is limited to a year; add another for longer leave.")

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def covers(self, day: date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True)
class WeekExposure:
    """The sums of one week (Monday first). ``shifts`` 0 means nothing was logged."""

    week: date
    shifts: int = 0
    hours: float = 0.0
    encounters: int = 0
    disclosures: int = 0
    material: int = 0
    crises: int = 0
    critical: int = 0

    def count(self, name: str) -> float:
        return self.hours if name == "hours" else float(getattr(self, name))


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def weekly_exposure(logs: Iterable[ShiftLog], start: date, end: date) -> list[WeekExposure]:
    """One entry per week from ``start``'s week to ``end``'s, empty weeks included (so a
    quiet week shows as a gap, not as if it never happened). Logs outside are ignored."""
    first, last = week_start(start), week_start(end)
    sums: dict[date, dict[str, float]] = {}
    for log in logs:
        if not start <= log.day <= end:
            continue
        week = sums.setdefault(week_start(log.day), {})
        week["shifts"] = week.get("shifts", 0) + 1
        week["hours"] = week.get("hours", 0.0) + (log.hours or 0.0)
        for name in COUNT_FIELDS:
            week[name] = week.get(name, 0) + (getattr(log, name) or 0)
        week["critical"] = week.get("critical", 0) + (1 if log.critical else 0)
    weeks = []
    day = first
    while day <= last:
        found = sums.get(day, {})
        weeks.append(
            WeekExposure(
                week=day,
                shifts=int(found.get("shifts", 0)),
                hours=round(float(found.get("hours", 0.0)), 2),
                encounters=int(found.get("encounters", 0)),
                disclosures=int(found.get("disclosures", 0)),
                material=int(found.get("material", 0)),
                crises=int(found.get("crises", 0)),
                critical=int(found.get("critical", 0)),
            )
        )
        day += timedelta(days=7)
    return weeks


def daily_load(logs: Iterable[ShiftLog], start: date, end: date) -> dict[date, float]:
    """0 (light) to 1 (heaviest) per logged day, for the heavy-days calendar.

    Disclosures, material and crises weigh most; a critical incident makes the day the
    heaviest. Scaled by the heaviest ordinary day in the range, so the calendar reads as
    'heavier than my other days', never against anyone else's numbers.
    """
    raw: dict[date, float] = {}
    critical: set[date] = set()
    for log in logs:
        if not start <= log.day <= end:
            continue
        load = (
            (log.disclosures or 0) * 2
            + (log.material or 0) * 2
            + (log.crises or 0) * 3
            + (log.encounters or 0) * 0.5
            + (log.hours or 0) * 0.25
        )
        raw[log.day] = raw.get(log.day, 0.0) + load
        if log.critical:
            critical.add(log.day)
    top = max(raw.values(), default=0.0)
    out = {day: (round(value / top, 3) if top else 0.0) for day, value in raw.items()}
    for day in critical:
        out[day] = 1.0
    return out
