"""Fictional team data for the demo: contributions from invented people, one group
self-assessment and an action plan, so a newcomer sees the Team screen alive.

Every figure is drawn from a seeded generator; no real person's data is involved.
"""

from __future__ import annotations

import hashlib
import random
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from reflect.domain.checkin import CATEGORIES
from reflect.domain.org_assessment import ActionItem
from reflect.domain.team_contribution import (
    POSITIVE,
    Contribution,
    QuestionnaireBand,
    month_figures,
    month_token,
)
from reflect.services.team_contribute import month_of, month_range, shift_month

if TYPE_CHECKING:
    from reflect.services.session import Session

DEMO_TEAM_MONTHS = 6
DEFAULT_DEMO_TEAM = 14
MAX_DEMO_TEAM = 200
_BURNOUT = ("low", "moderate", "high")


def demo_contributions(count: int, today: date, seed: int = 18) -> list[Contribution]:
    """``count`` invented people over the last six months; the team has a heavy spell in the
    middle months, as teams do, so the charts have something to show."""
    rng = random.Random(seed)
    last = month_of(today)
    months = month_range(shift_month(last, -(DEMO_TEAM_MONTHS - 1)), last)
    people = []
    for person in range(count):
        # Each invented person has their own team secret, as each real profile does (drawn
        # apart from ``rng`` so the demo's figures stay what they were).
        secret = hashlib.sha256(f"reflect-demo-team:{seed}:{person}".encode()).digest()
        usual = rng.uniform(0.6, 2.0)
        # Some people write a little, most a fair amount, a few a lot: a spread wide enough
        # for some activity groups to reach the minimum in a demo-sized team.
        writes = (1, 5) if person % 14 < 5 else ((6, 15) if person % 14 < 11 else (16, 24))
        joined = rng.choice([0, 0, 0, 0, 1])  # a few people only cover the later months
        figures = []
        for index, month in enumerate(months[joined:], start=joined):
            strain = usual + (0.9 if index in (2, 3) else 0.0) + rng.uniform(-0.4, 0.4)
            scores = {
                key: [max(0.0, min(4.0, strain + rng.uniform(-0.6, 0.6)))]
                for key in CATEGORIES
                if rng.random() > 0.05
            }
            scores[POSITIVE] = [max(0.0, min(4.0, 3.4 - strain / 2 + rng.uniform(-0.4, 0.4)))]
            bands = []
            if rng.random() < 0.85:
                level = 0 if strain < 1.5 else (1 if strain < 2.4 else 2)
                bands.append(QuestionnaireBand("proqol5", "burnout", _BURNOUT[level]))
            reflections = rng.randint(*writes)
            figures.append(
                month_figures(month, scores, bands, reflections, month_token(secret, month))
            )
        people.append(
            Contribution(
                contributor=f"{rng.getrandbits(128):032x}", written=last, months=tuple(figures)
            )
        )
    return people


def fill_demo_team(session: Session, count: int = DEFAULT_DEMO_TEAM, today: date | None = None):
    """Set the demo profile up as a coordinator holding ``count`` fictional contributions."""
    today = today or date.today()
    team = session.team
    team.set_coordinator(True)
    if count <= 0:
        return 0
    from reflect.storage.team_repository import TeamRepository

    added, _ = TeamRepository(session.db).keep_contributions(demo_contributions(count, today))
    # A group agreed on these answers: strengths in supervision, gaps in workload and
    # evaluation, so the action plan has something real-looking to hold.
    answers = [4, 4, 3, 4, 2, 3, 2, 3, 5, 4, 4, 4, 3, 3, 4, 2, 4, 3, 4, 3, 2, 2, 3, None]
    result = team.record_assessment(
        answers, mode="group", participants=6, taken_at=datetime.combine(today, datetime.min.time())
    )
    plans = {
        "workload": ("Review caseload allocation so heavy cases rotate", "Team lead"),
        "evaluation": ("Run this anonymous contribution round every quarter", "Coordinator"),
        "training": ("Book refresher training on secondary traumatic stress", "Manager"),
    }
    for gap in result.gaps:
        what, who = plans.get(gap.domain, ("Agree one change for this area", "Team lead"))
        due = today + timedelta(days=45)
        team.save_action(
            ActionItem(gap.domain, what, who, due, due + timedelta(days=30), result.id)
        )
    return added
