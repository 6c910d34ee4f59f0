"""When the post-shift reminder fires next: pure schedule logic, no clock and no Qt.

The tray code asks ``next_reminder(now, ...)`` and sets one timer; keeping the arithmetic here
means it is tested without waiting for anything. Days are Python weekdays (Monday is 0).
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import datetime, time, timedelta

SNOOZE_MINUTES = 30
DAY_NAMES: tuple[str, ...] = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

# Gentle on purpose: no counts, no streaks, nothing about what was or was not written, and
# nothing a person glancing at the screen could read anything private into.
REMINDER_TITLE = "Reflect"
REMINDER_MESSAGE = "If you have a few minutes after your shift, Reflect is here."


@dataclass(frozen=True)
class ReminderSchedule:
    enabled: bool
    at: time
    days: frozenset[int]

    @classmethod
    def from_settings(cls, enabled: object, at: object, days: object) -> ReminderSchedule:
        """Build from stored settings, tolerating junk (a bad value means 'use the default')."""
        return cls(bool(enabled), parse_time(at), parse_days(days))


def parse_time(value: object, default: time = time(17, 30)) -> time:
    """'HH:MM' (24 h) to a time; anything unreadable gives ``default``."""
    if isinstance(value, time):
        return value.replace(second=0, microsecond=0)
    if not isinstance(value, str):
        return default
    parts = value.strip().split(":")
    if len(parts) != 2 or not all(p.isdigit() for p in parts):
        return default
    hour, minute = int(parts[0]), int(parts[1])
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return default
    return time(hour, minute)


def format_time(value: time) -> str:
    return f"{value.hour:02d}:{value.minute:02d}"


def parse_days(value: object) -> frozenset[int]:
    """A list of weekday numbers 0-6; other entries are dropped."""
    if not isinstance(value, (list, tuple, set, frozenset)):
        return frozenset()
    return frozenset(
        d for d in value if isinstance(d, int) and not isinstance(d, bool) and 0 <= d <= 6
    )


def next_reminder(now: datetime, schedule: ReminderSchedule) -> datetime | None:
    """The first moment strictly after ``now`` at the chosen time on a chosen day, or None."""
    if not schedule.enabled or not schedule.days:
        return None
    for offset in range(8):  # today plus a full week always finds a chosen day
        day = (now + timedelta(days=offset)).date()
        if day.weekday() not in schedule.days:
            continue
        candidate = datetime.combine(day, schedule.at, tzinfo=now.tzinfo)
        if candidate > now:
            return candidate
    return None


def snoozed_until(now: datetime, minutes: int = SNOOZE_MINUTES) -> datetime:
    return now + timedelta(minutes=minutes)


def next_event(
    now: datetime, schedule: ReminderSchedule, snooze: datetime | None
) -> datetime | None:
    """The sooner of a pending snooze and the next scheduled reminder.

    Turning the reminder off is a clear 'not now', so a disabled schedule drops a snooze too.
    """
    if not schedule.enabled:
        return None
    scheduled = next_reminder(now, schedule)
    pending = snooze if snooze is not None and snooze > now else None
    candidates = [t for t in (scheduled, pending) if t is not None]
    return min(candidates) if candidates else None


def milliseconds_until(now: datetime, when: datetime) -> int:
    """Real milliseconds from ``now`` to ``when``, both local wall-clock times.

    Wall-clock arithmetic is an hour off across the night clocks change (07:00 is 4.5 real
    hours after 01:30 when 02:00 becomes 03:00), so zone-less times are placed in this
    computer's zone first.
    """
    if now.tzinfo is None and when.tzinfo is None:
        # A year the platform cannot place keeps wall-clock arithmetic.
        with contextlib.suppress(OverflowError, OSError, ValueError):
            now, when = now.astimezone(), when.astimezone()
    return max(0, int((when - now).total_seconds() * 1000))
