"""Fictional exposure for the demo profile: shifts, breaks, two critical incidents.

Shifts follow the demo's load curve (heavier stretches bring more disclosures and crises),
so the Exposure tab shows the same story as the warning signs. The first critical incident
is weeks old and both of its self-checks were done; the second was three days before the
demo's last day, so its first self-check is waiting on Home. Outlines are generic, as real
ones should be. A separate random stream keeps the rest of the demo unchanged.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from reflect.domain.exposure import Break, ShiftLog
from reflect.domain.recovery import DONE, SelfCheck, plan_self_checks
from reflect.services.session import Session

OUTLINES = (
    "Aggressive visitor at the drop-in; police called",
    "A disclosure of severe harm late in the shift",
)
LEAVE_EVERY_DAYS = (110, 150)  # a stretch of leave every four or five months
DAY_OFF_EVERY_DAYS = (18, 40)  # and an odd day off midweek


def _count(rng: random.Random, mean: float) -> int:
    return max(0, round(rng.gauss(mean, max(0.6, mean * 0.45))))


def _breaks(rng: random.Random, start: date, end: date) -> list[Break]:
    spans: list[Break] = []
    day = start + timedelta(days=rng.randint(40, 90))
    while day < end - timedelta(days=20):
        length = rng.randint(7, 14)
        spans.append(Break(day, min(end, day + timedelta(days=length - 1)), "leave"))
        day += timedelta(days=rng.randint(*LEAVE_EVERY_DAYS))
    day = start + timedelta(days=rng.randint(5, 20))
    while day < end:
        if day.weekday() < 5 and not any(s.covers(day) for s in spans):
            spans.append(Break(day, day, "day_off"))
        day += timedelta(days=rng.randint(*DAY_OFF_EVERY_DAYS))
    recent = end - timedelta(days=12)  # a recent day off, so Home's count reads gently
    while recent.weekday() >= 5 or any(s.covers(recent) for s in spans):
        recent -= timedelta(days=1)
    spans.append(Break(recent, recent, "day_off"))
    return sorted(spans, key=lambda s: s.start)


def _working_day(day: date, off: set[date]) -> date:
    """``day``, or the working day before it."""
    while day.weekday() >= 5 or day in off:
        day -= timedelta(days=1)
    return day


def fill_exposure(
    session: Session,
    start: date,
    end: date,
    load_on: Callable[[date], float],
    seed: int = 19,
) -> dict[str, int]:
    rng = random.Random(seed)
    breaks = _breaks(rng, start, end)
    off = {s.start + timedelta(days=i) for s in breaks for i in range(s.days)}
    incidents = {
        _working_day(end - timedelta(days=3), off),
        _working_day(end - timedelta(days=45), off),
    }
    logs: list[ShiftLog] = []
    day = start
    while day <= end:
        if day.weekday() < 5 and day not in off:
            load = load_on(day)
            critical = day in incidents
            logs.append(
                ShiftLog(
                    day,
                    hours=round(rng.uniform(6.5, 9.5) * 4) / 4,
                    encounters=_count(rng, 4 + 6 * load),
                    disclosures=_count(rng, 0.4 + 4.5 * load),
                    material=_count(rng, 0.1 + 1.6 * load),
                    crises=_count(rng, 0.1 + 1.3 * load) + (1 if critical else 0),
                    critical=critical,
                    outline=OUTLINES[0 if day == min(incidents) else 1] if critical else "",
                    created_at=datetime.combine(day, time(18, 30)),
                )
            )
        day += timedelta(days=1)
    exposure = session.exposure
    exposure.add_shifts(logs)
    exposure.add_breaks(breaks)
    checks = 0
    for shift in exposure.shifts(min(incidents), end):
        if not shift.critical or shift.id is None:
            continue
        planned = plan_self_checks(shift.day, shift.id)
        if shift.day == min(incidents):  # weeks ago: both self-checks were done
            planned = [
                SelfCheck(
                    c.kind,
                    c.due,
                    DONE,
                    shift.id,
                    datetime.combine(c.due, time(19, 0)),
                    answers={"returns": 3 - i * 2, "sleep": 2 - i, "rest": 2 + i, "support": 3},
                )
                for i, c in enumerate(planned)
            ]
        checks += exposure.add_self_checks(planned)
    return {"shift_logs": len(logs), "breaks": len(breaks), "self_checks": checks}
