"""Post-encounter reflections: the records a provider writes after a shift."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

DEFAULT_SETTINGS: tuple[str, ...] = (
    "outreach",
    "shelter",
    "clinic",
    "court",
    "hotline",
    "phone",
    "other",
)

# Field ids the trauma-informed template uses for its rated practice areas; charts and
# debriefs read ratings through these keys, so templates must keep them stable.
PRACTICE_AREAS: tuple[str, ...] = (
    "safe_environment",
    "communicating_with_care",
    "active_listening",
    "appropriate_action",
)
PRACTICE_AREA_LABELS: dict[str, str] = {
    "safe_environment": "Safe environment",
    "communicating_with_care": "Communicating with care",
    "active_listening": "Active listening",
    "appropriate_action": "Appropriate action",
}

# Stages of change (Prochaska & DiClemente); the answer key for the apparent stage is
# ``STAGE_OF_CHANGE_FIELD`` and its value one of ``STAGES_OF_CHANGE``.
STAGE_OF_CHANGE_FIELD = "stage_of_change"
STAGES_OF_CHANGE: tuple[str, ...] = (
    "precontemplation",
    "contemplation",
    "preparation",
    "action",
    "maintenance",
    # Not a stage of its own: moving back is a common part of change, recorded without blame
    # (charts list it last, after the five stages).
    "returned",
)
STAGE_LABELS: dict[str, str] = {
    "precontemplation": "Not yet considering change",
    "contemplation": "Thinking about it",
    "preparation": "Getting ready",
    "action": "Taking steps",
    "maintenance": "Keeping it going",
    "returned": "Returned to an earlier stage",
}


def rating_key(area: str) -> str:
    return f"{area}.rating"


def note_key(area: str) -> str:
    return f"{area}.note"


@dataclass
class FollowUp:
    """An action the provider (or a debrief) agreed to do, optionally by a date."""

    text: str
    due: date | None = None
    owner: str = ""
    done_at: datetime | None = None
    reflection_id: int | None = None
    debrief_id: int | None = None
    created_at: datetime | None = None
    id: int | None = None

    @property
    def is_open(self) -> bool:
        return self.done_at is None


@dataclass
class Reflection:
    """One reflection. ``answers`` maps a template field id to its value (text, int or str)."""

    template_id: str
    occurred_at: datetime
    setting: str = "other"
    tags: list[str] = field(default_factory=list)
    intensity: int | None = None  # emotional intensity 0-10
    feelings: list[str] = field(default_factory=list)
    answers: dict[str, Any] = field(default_factory=dict)
    follow_ups: list[FollowUp] = field(default_factory=list)
    created_at: datetime | None = None
    updated_at: datetime | None = None
    id: int | None = None

    def practice_ratings(self) -> dict[str, int]:
        """Ratings 1-5 per practice area that the person actually gave."""
        ratings: dict[str, int] = {}
        for area in PRACTICE_AREAS:
            value = self.answers.get(rating_key(area))
            if isinstance(value, int) and 1 <= value <= 5:
                ratings[area] = value
        return ratings

    @property
    def stage_of_change(self) -> str | None:
        value = self.answers.get(STAGE_OF_CHANGE_FIELD)
        return value if value in STAGES_OF_CHANGE else None

    def searchable_text(self) -> str:
        """All free text of the reflection, for the full-text index."""
        parts = [str(v) for v in self.answers.values() if isinstance(v, str) and v.strip()]
        parts.extend(self.feelings)
        parts.extend(f.text for f in self.follow_ups)
        return "\n".join(parts)


@dataclass
class Draft:
    """An unsaved reflection in progress, autosaved so a crash loses at most a few seconds."""

    reflection: Reflection
    saved_at: datetime
    editing_id: int | None = None  # the saved reflection this draft edits, if any
    # That reflection as the editor loaded it, to notice on save a change made meanwhile.
    base: Reflection | None = None
