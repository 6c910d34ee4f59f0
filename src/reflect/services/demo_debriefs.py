"""Fictional supervision debriefs for the demo: about every two months, plus one coming up.

Each past debrief shares a couple of reflections and check-ins from the weeks before it and
one chart, has short notes on some agenda steps and one or two agreed actions (done by now,
except for the latest). The next one, a week ahead, is prepared but not held yet. The
supervisor is a role, never a name.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from reflect.domain.debrief import CHARTS, Debrief
from reflect.domain.journal import JournalFilter
from reflect.domain.reflection import FollowUp
from reflect.services.session import Session

EVERY_DAYS = 60
SUPERVISORS = ("Clinical supervisor", "Team lead", "Peer supervisor")
TOPICS = (
    "Heavy weeks on the late rota",
    "Boundaries with after-hours calls",
    "Court support days",
    "What has been helping lately",
    "Waiting lists and feeling helpless",
    "Coming back after leave",
)
NOTES = {
    "check_in": ("Arriving tired but okay. No safety concerns.", "Calmer than last time."),
    "impact": (
        "Sleep has been patchy after late shifts; more replaying of calls.",
        "Less carried home this month; some irritability at the end of long days.",
    ),
    "helped_hard": (
        "Walking home helped; covering two roles at once was hard.",
        "Planning the day with a colleague helped; short notice changes were hard.",
    ),
    "self_care": (
        "Protect lunch, one evening a week with no phone.",
        "Keep the after-work walk; book leave for next month.",
    ),
    "next_steps": ("Check in again in two months, sooner if needed.",),
}
ACTIONS = (
    "Raise rota cover at the team meeting",
    "Try the longer out-breath exercise after late shifts",
    "Book two days of leave",
    "Update My plan with what helped",
    "Ask about the interpreter contact list",
)


def fill_debriefs(session: Session, start: date, end: date, rng: random.Random) -> int:
    from reflect.storage.follow_up_repository import FollowUpRepository

    service = session.debrief
    actions = FollowUpRepository(session.db)
    count = 0
    day = start + timedelta(days=rng.randint(30, EVERY_DAYS))
    with session.db.atomic():
        while day <= end:
            when = datetime.combine(day, time(rng.choice((10, 11, 14, 15)), 0))
            before = JournalFilter(date_from=day - timedelta(days=30), date_to=day)
            reflections = session.journal.search(before, limit=40)
            checkins = session.checkins.all(when - timedelta(days=30), when)
            shared: list[tuple[str, str]] = [
                ("reflection", str(r.id)) for r in rng.sample(reflections, min(2, len(reflections)))
            ]
            shared += [("checkin", str(c.id)) for c in checkins[-1:] if c.id is not None]
            shared.append(("chart", rng.choice(list(CHARTS))))
            notes = {step: rng.choice(texts) for step, texts in NOTES.items() if rng.random() < 0.8}
            debrief = service.save(
                Debrief(
                    title=f"Supervision {day:%B %Y}",
                    supervisor=rng.choice(SUPERVISORS),
                    scheduled_for=when,
                    topics=rng.sample(TOPICS, 2),
                    shared=shared,
                    notes=notes,
                    completed_at=when + timedelta(minutes=50),
                    created_at=when - timedelta(days=2),
                )
            )
            latest = day + timedelta(days=EVERY_DAYS) > end
            for text in rng.sample(ACTIONS, rng.randint(1, 2)):
                due = day + timedelta(days=rng.randint(7, 28))
                done = None if latest else datetime.combine(due, time(16, 0))
                actions.add(
                    FollowUp(
                        text,
                        due=due,
                        owner="me",
                        done_at=done,
                        debrief_id=debrief.id,
                        created_at=when + timedelta(minutes=45),
                    )
                )
            count += 1
            day += timedelta(days=EVERY_DAYS + rng.randint(-7, 7))
        upcoming = datetime.combine(end + timedelta(days=7), time(11, 0))
        service.save(
            Debrief(
                title=f"Supervision {upcoming:%B %Y}",
                supervisor=SUPERVISORS[0],
                scheduled_for=upcoming,
                topics=["What has been helping lately"],
                shared=[("chart", "warning_signs")],
                created_at=datetime.combine(end, time(18, 0)),
            )
        )
    return count + 1
