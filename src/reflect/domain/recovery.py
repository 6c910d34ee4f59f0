"""Recovery: days since a real break, and the two gentle self-checks after a critical incident.

Pure logic with no clock: callers pass ``today``/``now``. Self-checks are stored as due
*dates*, not timers, so whether they are due is worked out afresh from the wall clock every
time: a restart, a week with the laptop asleep or a changed time zone cannot lose or repeat
one. TRiM-style peer follow-up checks in at about 72 hours and again at about one month
(second-wave-facts.md); these are the person's own, offered and never forced.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from reflect.domain.errors import ValidationError
from reflect.domain.exposure import Break, ShiftLog

# --- days since a real break ---------------------------------------------------------------

# How far back inference looks: a person who stopped logging months ago is not "on a break".
INFER_LOOKBACK_DAYS = 60


def days_since_break(
    today: date,
    breaks: Iterable[Break],
    logs: Iterable[ShiftLog] = (),
    *,
    infer: bool = False,
) -> int | None:
    """Whole days since the last day of a real break (0 while on one), or None if unknown.

    A real break is a day marked off or on leave. With ``infer`` (the person's choice), a day
    with no logged shift between the first logged shift and today counts as a break too; that
    only makes sense for someone who logs every shift, hence opt-in. Future breaks are ignored.
    """
    last: date | None = None
    for span in breaks:
        if span.start > today:
            continue
        end = min(span.end, today)
        if last is None or end > last:
            last = end
    if infer:
        worked = {log.day for log in logs if log.day <= today}
        if worked:
            first = max(min(worked), today - timedelta(days=INFER_LOOKBACK_DAYS))
            # Today is not over: an unlogged today may still become a shift.
            day = today - timedelta(days=1)
            while day >= first and (last is None or day > last):
                if day not in worked:
                    last = day
                    break
                day -= timedelta(days=1)
    if last is None:
        return None
    return (today - last).days


# --- self-checks after a critical incident -------------------------------------------------

SELF_CHECK_KINDS: tuple[str, ...] = ("3d", "1m")
SELF_CHECK_DAYS: dict[str, int] = {"3d": 3, "1m": 30}
PENDING, DONE, DISMISSED = "pending", "done", "dismissed"
STATUSES: tuple[str, ...] = (PENDING, DONE, DISMISSED)
# A due check is offered from this time of day, not at midnight.
OFFER_AT = time(10, 0)
MAX_MOVE_DAYS = 180

# Said on screen and in the tray: nothing about an incident, a shift or the person's state.
SELF_CHECK_TITLE = "Reflect"
SELF_CHECK_MESSAGE = "A short self-check is ready when you have a moment."

# The self-check itself: how the person has been since, in our own words, each 0-4
# (not at all ... a lot). The first two are strain, the last two are what carries them.
SELF_CHECK_QUESTIONS: dict[str, str] = {
    "returns": "It has come back to mind when I did not want it to.",
    "sleep": "My sleep has been unsettled.",
    "rest": "I have been able to rest and switch off.",
    "support": "I have had someone to talk to about how I am.",
}
STRAIN_QUESTIONS: tuple[str, ...] = ("returns", "sleep")
SUPPORT_QUESTIONS: tuple[str, ...] = ("rest", "support")


def still_heavy(answers: dict[str, int]) -> bool:
    """Strain rated 'quite a bit' or more, or support rated 'a little' or less: the response
    then says more plainly that talking it through can help. Never a diagnosis."""
    strain = any(answers.get(q, 0) >= 3 for q in STRAIN_QUESTIONS)
    alone = any(q in answers and answers[q] <= 1 for q in SUPPORT_QUESTIONS)
    return strain or alone


@dataclass(frozen=True)
class SelfCheck:
    """One offered self-check. ``shift_id`` is the log of the critical incident."""

    kind: str
    due: date
    status: str = PENDING
    shift_id: int | None = None
    closed_at: datetime | None = None
    id: int | None = None
    answers: dict[str, int] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        if any(
            q not in SELF_CHECK_QUESTIONS or not isinstance(v, int) or not 0 <= v <= 4
            for q, v in self.answers.items()
        ):
            raise ValidationError("A self-check answer is out of range.")
        if self.kind not in SELF_CHECK_KINDS:
            raise ValidationError("Unknown self-check '{kind}'.", kind=self.kind)
        if self.status not in STATUSES:
            raise ValidationError("Unknown self-check status '{status}'.", status=self.status)

    @property
    def pending(self) -> bool:
        return self.status == PENDING


def plan_self_checks(incident_day: date, shift_id: int | None = None) -> list[SelfCheck]:
    """About three days and about a month after the incident."""
    return [
        SelfCheck(kind, incident_day + timedelta(days=SELF_CHECK_DAYS[kind]), shift_id=shift_id)
        for kind in SELF_CHECK_KINDS
    ]


def due_checks(checks: Iterable[SelfCheck], now: datetime) -> list[SelfCheck]:
    """Pending checks whose moment has come, oldest due first.

    A check becomes due at OFFER_AT on its day; when several incidents' checks fall due
    together, each still counts, but the interface offers one at a time.
    """
    due = [c for c in checks if c.pending and offer_moment(c, now) <= now]
    return sorted(due, key=lambda c: (c.due, c.id or 0))


def offer_moment(check: SelfCheck, now: datetime) -> datetime:
    return datetime.combine(check.due, OFFER_AT, tzinfo=now.tzinfo)


def next_offer(checks: Iterable[SelfCheck], now: datetime) -> datetime | None:
    """When the next pending check becomes due (``now`` if one already is), or None."""
    moments = [offer_moment(c, now) for c in checks if c.pending]
    if not moments:
        return None
    return max(now, min(moments))


def moved(check: SelfCheck, new_due: date, today: date) -> SelfCheck:
    """The same check on another day (not in the past, not more than six months ahead)."""
    if not check.pending:
        raise ValidationError("This self-check is already closed.")
    if new_due < today:
        raise ValidationError("Choose today or a later day.")
    if new_due > today + timedelta(days=MAX_MOVE_DAYS):
        raise ValidationError("Choose a day within the next six months.")
    return SelfCheck(check.kind, new_due, PENDING, check.shift_id, None, check.id)


def closed(
    check: SelfCheck, status: str, when: datetime, answers: dict[str, int] | None = None
) -> SelfCheck:
    if status not in (DONE, DISMISSED):
        raise ValidationError("Unknown self-check status '{status}'.", status=status)
    return SelfCheck(check.kind, check.due, status, check.shift_id, when, check.id, answers or {})
