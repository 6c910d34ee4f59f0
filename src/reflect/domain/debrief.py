"""Guided debriefs with a supervisor: what the provider chose to share and the agenda they walk.

The agenda follows a supportive supervision shape (check in first, look at impact and what
helped, then standards, self-care and next steps). It is voluntary throughout: the prompts
invite reflection and never ask for a retelling of graphic detail, because compulsory
single-session debriefing did not help and may harm (content-facts.md section 5).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from reflect.domain.content_files import load_content_file
from reflect.domain.errors import ContentError, ValidationError
from reflect.domain.message import Message

SHARE_KINDS: tuple[str, ...] = ("reflection", "checkin", "chart")

# Charts that can be shared: aggregate numbers only, never free text.
CHARTS: dict[str, str] = {
    "warning_signs": "Warning signs over recent check-ins",
    "practice_ratings": "Practice ratings, average per area (last 90 days)",
    "intensity": "Emotional intensity of reflections, by month",
    "exposure": "Exposure per week: disclosures, crises and material seen (last 12 weeks)",
}


@dataclass(frozen=True)
class AgendaStep:
    id: str
    title: str
    prompt: str


# Saved notes are filed under these ids, so they are fixed here; the words of each step (and
# the voluntary note) are content: assets/resources/debrief_agenda.json, read by the services.
AGENDA_IDS: tuple[str, ...] = (
    "check_in",
    "what_happened",
    "impact",
    "helped_hard",
    "standards",
    "self_care",
    "next_steps",
)
AGENDA_FORMAT = "reflect-debrief-agenda/1"


@dataclass(frozen=True)
class DebriefWording:
    agenda: tuple[AgendaStep, ...]
    voluntary_note: str
    share_banner: str


def parse_debrief_wording(data: Any, source: str) -> DebriefWording:
    """The agenda file: one step per id of ``AGENDA_IDS``, in that order, each with words."""
    if not isinstance(data, dict) or data.get("format") != AGENDA_FORMAT:
        raise ContentError(
            source, "format", Message("must be {format}", format=repr(AGENDA_FORMAT))
        )
    texts = {}
    for key in ("voluntary_note", "share_banner"):
        value = data.get(key)
        if not isinstance(value, str) or not value.strip():
            raise ContentError(source, key, Message("must be a non-empty text"))
        texts[key] = value.strip()
    raw_steps = data.get("steps")
    if not isinstance(raw_steps, list):
        raise ContentError(source, "steps", Message("must be a list"))
    ids = [raw.get("id") if isinstance(raw, dict) else None for raw in raw_steps]
    if ids != list(AGENDA_IDS):
        raise ContentError(
            source, "steps", Message("must be, in order: {ids}", ids=", ".join(AGENDA_IDS))
        )
    steps = []
    for index, raw in enumerate(raw_steps):
        for key in ("title", "prompt"):
            value = raw.get(key)
            if not isinstance(value, str) or not value.strip():
                raise ContentError(
                    source, f"steps[{index}].{key}", Message("must be a non-empty text")
                )
        steps.append(AgendaStep(raw["id"], raw["title"].strip(), raw["prompt"].strip()))
    return DebriefWording(tuple(steps), texts["voluntary_note"], texts["share_banner"])


def load_debrief_wording(path: Path) -> DebriefWording:
    data = load_content_file(path)
    return parse_debrief_wording(data, path.name)


# One sentence per kind rather than the kind as a value: French needs the noun's gender.
_NEEDS_NUMBER: dict[str, str] = {
    "reflection": "A reflection to share needs its number, not {text}.",
    "checkin": "A checkin to share needs its number, not {text}.",
}

SharedRef = tuple[str, str]  # (kind, id); ids are text so chart keys and row ids fit alike

# Parts of a reflection that are not template questions. A shared reflection shows only the
# parts the person ticked (its date, setting and template name always head the card).
REFLECTION_EXTRA_PARTS: tuple[str, ...] = ("intensity", "feelings", "tags", "follow_ups")
EXTRA_PART_LABELS: dict[str, str] = {
    "intensity": "Emotional intensity",
    "feelings": "Feelings",
    "tags": "Tags",
    "follow_ups": "Follow-ups",
}
_MAX_PARTS = 64


@dataclass
class Debrief:
    title: str
    supervisor: str = ""
    scheduled_for: datetime | None = None
    topics: list[str] = field(default_factory=list)
    shared: list[SharedRef] = field(default_factory=list)  # nothing shared by default
    notes: dict[str, str] = field(default_factory=dict)  # agenda step id -> notes
    # Reflection id -> the parts of it that are shared (field ids and REFLECTION_EXTRA_PARTS).
    # A shared reflection without an entry is shared whole: debriefs prepared before parts
    # could be chosen keep showing what the person chose then.
    parts: dict[str, tuple[str, ...]] = field(default_factory=dict)
    completed_at: datetime | None = None
    created_at: datetime | None = None
    id: int | None = None

    @property
    def is_completed(self) -> bool:
        return self.completed_at is not None

    def is_shared(self, kind: str, item_id: object) -> bool:
        return (kind, str(item_id)) in self.shared

    def parts_of(self, reflection_id: object) -> tuple[str, ...] | None:
        """The shared parts of a shared reflection; None means the whole reflection."""
        return self.parts.get(str(reflection_id))


def shared_ref(kind: str, item_id: object) -> SharedRef:
    """A validated (kind, id) pair; unknown kinds or charts are refused, not stored."""
    if kind not in SHARE_KINDS:
        raise ValidationError(
            "Only reflections, check-ins and charts can be shared, not {kind}.", kind=repr(kind)
        )
    text = str(item_id).strip()
    if kind == "chart" and text not in CHARTS:
        raise ValidationError("There is no chart called {name}.", name=repr(text))
    if kind != "chart" and not text.isdigit():
        raise ValidationError(_NEEDS_NUMBER[kind], text=repr(text))
    return (kind, text)


def clean_topics(topics: list[str]) -> list[str]:
    """Trimmed, non-empty, without repeats (case-insensitive), in the order given."""
    seen: set[str] = set()
    result: list[str] = []
    for topic in topics:
        text = " ".join(topic.split())
        if text and text.lower() not in seen:
            seen.add(text.lower())
            result.append(text)
    return result


def clean_parts(parts: object) -> tuple[str, ...]:
    """Part names as stored: short identifiers, without repeats, in the order given."""
    if not isinstance(parts, list | tuple):
        raise ValidationError("The shared parts of a reflection must be a list of names.")
    result: list[str] = []
    for part in parts:
        text = str(part).strip()
        if not text or len(text) > 80 or not all(c.isalnum() or c in "_.-" for c in text):
            raise ValidationError("{part} is not a part of a reflection.", part=repr(text))
        if text not in result:
            result.append(text)
    if len(result) > _MAX_PARTS:
        raise ValidationError("Too many parts of one reflection were chosen.")
    return tuple(result)
