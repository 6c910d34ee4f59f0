"""A small history that gives every Trends chart something to draw (shared by its tests)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from reflect.domain.reflection import PRACTICE_AREAS, Reflection, rating_key

NOW = datetime.combine(date.today(), datetime.min.time()).replace(hour=12)


def fill_trend_history(session, stage: str = "contemplation"):
    """Six check-ins over forty weeks and four trauma-informed reflections meeting ``stage``."""
    items = [item.id for item in session.checkins.definition.items]
    for weeks_ago, value in ((40, 1), (20, 1), (10, 2), (6, 1), (3, 2), (1, 3)):
        session.checkins.record(
            dict.fromkeys(items, value),
            helping={"awareness": 3, "balance": 2, "connection": 4},
            taken_at=NOW - timedelta(weeks=weeks_ago),
        )
    for days_ago, intensity in ((200, 4), (12, 7), (5, 3), (2, 6)):
        session.journal.save(
            Reflection(
                "trauma_informed",
                NOW - timedelta(days=days_ago),
                intensity=intensity,
                answers={
                    "what_happened": "Long shift.",
                    rating_key(PRACTICE_AREAS[0]): 4,
                    "stage_of_change": stage,
                },
            )
        )
    return session
