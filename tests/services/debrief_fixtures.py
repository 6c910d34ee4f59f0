"""Shared setup for debrief tests: one shared and one unshared record of each kind."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

CANARY = "CANARY-7f3a-do-not-leak"
SHARED_WORDS = "Shared-words-about-the-outreach-van"
SHARED_NOTE = "Shared-checkin-note-slept-badly"


@dataclass
class Seeded:
    shared_reflection: int
    hidden_reflection: int
    shared_checkin: int
    hidden_checkin: int


def seed(session) -> Seeded:
    journal, checkins = session.journal, session.checkins
    now = datetime.now().replace(microsecond=0)

    def reflection(text: str, when: datetime) -> int:
        draft = journal.new_reflection()
        draft = replace(
            draft,
            occurred_at=when,
            answers={"what_happened": text, "my_reaction": text, "safe_environment.rating": 4},
            feelings=[f"feel-{text[:12]}"],
            tags=[f"tag-{text[:10]}"],
            intensity=5,
        )
        saved = journal.save(draft)
        assert saved.id is not None
        return saved.id

    items = [item.id for item in checkins.definition.items]

    def checkin(note: str, when: datetime) -> int:
        saved = checkins.record(
            dict.fromkeys(items, 2), sleep=1, energy=2, helped_note=note, note=note, taken_at=when
        )
        assert saved.id is not None
        return saved.id

    return Seeded(
        shared_reflection=reflection(SHARED_WORDS, now - timedelta(days=3)),
        hidden_reflection=reflection(CANARY, now - timedelta(days=2)),
        shared_checkin=checkin(SHARED_NOTE, now - timedelta(days=5)),
        hidden_checkin=checkin(CANARY, now - timedelta(days=1)),
    )


def prepared_debrief(session, seeded: Seeded):
    service = session.debrief
    debrief = service.new(supervisor="Sam Rivera")
    debrief.topics = ["Sleep after late shifts"]
    debrief.shared = [
        ("reflection", str(seeded.shared_reflection)),
        ("checkin", str(seeded.shared_checkin)),
        ("chart", "warning_signs"),
        ("chart", "practice_ratings"),
    ]
    return service.save(debrief)
