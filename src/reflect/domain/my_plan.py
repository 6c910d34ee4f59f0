"""My plan: the person's own warning signs, what helps, people to call and boundaries.

Written on a calm day so it is there on a hard one. Each section is a short list; the
people section holds names with a way to reach them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from reflect.domain.errors import ValidationError
from reflect.domain.message import Term

LIST_SECTIONS: tuple[str, ...] = ("warning_signs", "what_helps", "boundaries")
PLAN_SECTIONS: tuple[str, ...] = ("warning_signs", "what_helps", "people", "boundaries")
SECTION_LABELS: dict[str, str] = {
    "warning_signs": "My warning signs",
    "what_helps": "What helps me",
    "people": "People I can call",
    "boundaries": "Boundaries I keep",
}
SECTION_PROMPTS: dict[str, str] = {
    "warning_signs": "The first small changes that tell you work is getting to you, "
    "for example snapping at home, skipping lunch, replaying a call at night.",
    "what_helps": "Things that reliably bring you back a little, even on a short day.",
    "people": "Who you can reach when it is heavy: a colleague, your supervisor, a friend.",
    "boundaries": "Limits that protect you, for example no work messages after 8 pm.",
}
MAX_ENTRIES = 40
MAX_ENTRY_LENGTH = 300


@dataclass
class PlanPerson:
    name: str
    how_to_reach: str = ""
    note: str = ""  # when to call them, what they are good for


@dataclass
class MyPlan:
    warning_signs: list[str] = field(default_factory=list)
    what_helps: list[str] = field(default_factory=list)
    people: list[PlanPerson] = field(default_factory=list)
    boundaries: list[str] = field(default_factory=list)
    updated_at: datetime | None = None

    @property
    def is_empty(self) -> bool:
        return not (self.warning_signs or self.what_helps or self.people or self.boundaries)

    def section(self, name: str) -> list[str]:
        if name not in LIST_SECTIONS:
            raise KeyError(name)
        return list(getattr(self, name))

    def cleaned(self) -> MyPlan:
        """Trimmed copy without blank entries; rejects what could not be saved sensibly."""
        lists = {
            name: clean_entries(getattr(self, name), SECTION_LABELS[name]) for name in LIST_SECTIONS
        }
        people = [
            PlanPerson(p.name.strip(), p.how_to_reach.strip(), p.note.strip())
            for p in self.people
            if p.name.strip() or p.how_to_reach.strip() or p.note.strip()
        ]
        for person in people:
            if not person.name:
                raise ValidationError(
                    "A person in “{section}” has no name; add one or clear it.",
                    section=Term(SECTION_LABELS["people"]),
                )
            if max(len(person.name), len(person.how_to_reach), len(person.note)) > MAX_ENTRY_LENGTH:
                raise ValidationError(
                    "The entry for {name} is very long; please shorten it.", name=person.name
                )
        if len(people) > MAX_ENTRIES:
            raise ValidationError(
                "“{section}” holds at most {count} people.",
                section=Term(SECTION_LABELS["people"]),
                count=MAX_ENTRIES,
            )
        return MyPlan(people=people, updated_at=self.updated_at, **lists)


def clean_entries(entries: list[str], label: str) -> list[str]:
    """``label`` is the section's English name (SECTION_LABELS): messages carry it as a Term."""
    cleaned = [entry.strip() for entry in entries if entry.strip()]
    if len(cleaned) > MAX_ENTRIES:
        raise ValidationError(
            "“{section}” holds at most {count} entries; please combine some.",
            section=Term(label),
            count=MAX_ENTRIES,
        )
    for entry in cleaned:
        if len(entry) > MAX_ENTRY_LENGTH:
            raise ValidationError(
                "An entry in “{section}” is longer than {count} characters; short lines are "
                "easier to read on a hard day.",
                section=Term(label),
                count=MAX_ENTRY_LENGTH,
            )
    return cleaned


def entries_from_text(text: str) -> list[str]:
    """One entry per line, as typed in the plan editor (leading bullets removed)."""
    return [
        line.strip().lstrip("-•*").strip()
        for line in text.splitlines()
        if line.strip().lstrip("-•*").strip()
    ]
