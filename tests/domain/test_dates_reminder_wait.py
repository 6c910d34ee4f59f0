"""How long the tray reminder waits, in real time, across the nights clocks change.

Reminder times are wall-clock times ("17:30 on weekdays"). The wait before one is real time:
a timer started at 01:30 on the night clocks go forward, for a reminder at 07:00, must run
4.5 hours, not 5.5 (which would ring at 08:00). ``TZ`` and ``time.tzset()`` set the zone
Python's local time follows for each test.
"""

from __future__ import annotations

import time
from datetime import datetime

import pytest

from reflect.domain.reminders import milliseconds_until

HOUR_MS = 3_600_000


@pytest.fixture
def zone(monkeypatch):
    def use(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield use
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize(
    ("name", "start", "end", "hours"),
    [
        ("Europe/Paris", datetime(2026, 3, 29, 1, 30), datetime(2026, 3, 29, 7, 0), 4.5),
        ("Europe/Paris", datetime(2026, 10, 25, 1, 30), datetime(2026, 10, 25, 7, 0), 6.5),
        ("America/New_York", datetime(2026, 3, 8, 1, 0), datetime(2026, 3, 8, 6, 0), 4),
        ("America/New_York", datetime(2026, 11, 1, 0, 30), datetime(2026, 11, 1, 6, 0), 6.5),
        ("Europe/Paris", datetime(2026, 6, 1, 17, 0), datetime(2026, 6, 1, 17, 30), 0.5),
    ],
)
def test_the_wait_is_real_time_across_a_clock_change(zone, name, start, end, hours):
    zone(name)
    assert milliseconds_until(start, end) == hours * HOUR_MS


def test_a_moment_already_past_waits_nothing(zone):
    zone("Europe/Paris")
    assert milliseconds_until(datetime(2026, 3, 29, 3, 0), datetime(2026, 3, 29, 1, 59)) == 0
