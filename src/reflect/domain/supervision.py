"""The supervisor's record: supervisees, agreements, hours, ratings and team hot debriefs.

Pure data and rules (fingerprints, review reminders, totals, follow-up dates); storage and
services decide where they live. A supervision agreement sets frequency, aims (Proctor's
normative, formative and restorative functions), confidentiality and record keeping, and a
review date (second-wave-facts.md, "Supervision records"). A team hot debrief is short, keeps
themes and actions only, and schedules check-ins at about three days and one month, as in
TRiM-style follow-up, instead of a single compulsory retelling.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TypeVar

from reflect.domain.errors import ValidationError
from reflect.domain.sealed_json import RECIPIENT_PATTERN

ROLES: tuple[str, ...] = ("provider", "supervisor")
SESSION_KINDS: tuple[str, ...] = ("individual", "group")
SESSION_FORMATS: tuple[str, ...] = ("in_person", "video", "phone")
FORMAT_LABELS: dict[str, str] = {"in_person": "In person", "video": "Video", "phone": "Phone"}
KIND_LABELS: dict[str, str] = {"individual": "Individual", "group": "Group"}

# "How is supervision working?": three short items in our own words, rated 1-5.
RATING_ITEMS: tuple[tuple[str, str], ...] = (
    ("safety", "I could speak openly"),
    ("useful", "It helped my work"),
    ("heard", "I felt listened to"),
)

# The team hot debrief: a few minutes, outline only, no details about the people served.
HOT_DEBRIEF_FIELDS: tuple[tuple[str, str], ...] = (
    ("outline", "What happened, in outline only"),
    ("went_well", "What went well"),
    ("was_hard", "What was hard"),
    ("to_change", "What we would change"),
    ("follow_up", "Who on the team needs a follow-up (roles or first names of staff)"),
)
HOT_DEBRIEF_NOTE = (
    "Record themes and actions only: no names, ages, places or other details about the "
    "people you serve. Check in with everyone involved after a few days and again after "
    "about a month."
)
FOLLOW_UP_CHECKS: tuple[tuple[str, int], ...] = (("after a few days", 3), ("after a month", 30))
REVIEW_WARNING_DAYS = 14


def fingerprint(recipient: str) -> str:
    """A short, readable digest of a public key to compare aloud or side by side (not a
    secret and not cryptography of our own: it only makes a long key easy to check)."""
    digest = hashlib.sha256(recipient.strip().encode("ascii", "replace")).hexdigest().upper()
    return " ".join(digest[i : i + 4] for i in range(0, 20, 4))


def check_recipient(text: str) -> str:
    """A pasted supervision key, trimmed, or a clear refusal."""
    value = "".join(text.split())
    if not RECIPIENT_PATTERN.fullmatch(value):
        raise ValidationError(
            "That is not a supervision key: it starts with age1 and is 62 characters long. "
            "Ask for it again (Settings → My supervision key)."
        )
    return value


# (missing, too long) for each kind of name; written out so each can be translated whole.
_NAME_PROBLEMS = {
    "name": ("Please give a name.", "Please keep the name under 80 characters."),
    "supervisor's name": (
        "Please give a supervisor's name.",
        "Please keep the supervisor's name under 80 characters.",
    ),
}


def clean_name(text: str, what: str = "name") -> str:
    """``text`` with its spaces tidied; ``what`` (a key of _NAME_PROBLEMS) names it in a refusal."""
    missing, too_long = _NAME_PROBLEMS[what]
    value = " ".join(str(text).split())
    if not value:
        raise ValidationError(missing)
    if len(value) > 80:
        raise ValidationError(too_long)
    return value


@dataclass(frozen=True)
class Supervisor:
    """A supervisor a provider sends packets to (added once, fingerprint confirmed)."""

    name: str
    recipient: str
    confirmed_at: datetime | None = None
    id: int | None = None

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.recipient)


@dataclass(frozen=True)
class Supervisee:
    name: str
    recipient: str
    first_seen: datetime | None = None
    id: int | None = None

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.recipient)


Person = TypeVar("Person", "Supervisor", "Supervisee")


def people_called(people: Sequence[Person], name: str) -> list[Person]:
    """Those whose name is ``name`` (case and spacing aside), else those whose key has that
    fingerprint: two people can share a name, and a fingerprint tells them apart."""
    wanted = " ".join(name.split()).casefold()
    found = [p for p in people if p.name.casefold() == wanted]
    if found:
        return found
    compact = "".join(name.split()).casefold()
    return [p for p in people if "".join(p.fingerprint.split()).casefold() == compact]


@dataclass
class Agreement:
    supervisee_id: int
    frequency: str = ""
    aims: str = ""
    confidentiality: str = ""
    records: str = ""  # who keeps which records
    review_on: date | None = None
    updated_at: datetime | None = None

    def review_due(self, today: date) -> bool:
        """A reminder shows from two weeks before the review date on."""
        return self.review_on is not None and today >= self.review_on - timedelta(
            days=REVIEW_WARNING_DAYS
        )


@dataclass(frozen=True)
class HoursEntry:
    held_on: date
    minutes: int
    kind: str = "individual"
    format: str = "in_person"
    supervisee_id: int | None = None  # None: a group session or someone without packets
    note: str = ""
    id: int | None = None


def check_hours(entry: HoursEntry) -> HoursEntry:
    if not 5 <= entry.minutes <= 12 * 60:
        raise ValidationError("A session lasts between 5 minutes and 12 hours.")
    if entry.kind not in SESSION_KINDS:
        raise ValidationError(
            "A session is individual or group, not {kind}.", kind=repr(entry.kind)
        )
    if entry.format not in SESSION_FORMATS:
        raise ValidationError(
            "A session is in person, by video or by phone, not {format}.",
            format=repr(entry.format),
        )
    if len(entry.note) > 500:
        raise ValidationError("Please keep the note under 500 characters.")
    return entry


def hours_totals(entries: list[HoursEntry]) -> dict[tuple[int | None, int], int]:
    """Minutes per (supervisee id, year)."""
    totals: dict[tuple[int | None, int], int] = defaultdict(int)
    for entry in entries:
        totals[(entry.supervisee_id, entry.held_on.year)] += entry.minutes
    return dict(sorted(totals.items(), key=lambda kv: (kv[0][1], kv[0][0] or 0)))


@dataclass(frozen=True)
class SessionRating:
    rated_on: date
    scores: dict[str, int]
    role: str = "supervisor"  # who rated: this profile as supervisor, or as provider
    supervisee_id: int | None = None
    debrief_id: int | None = None
    comment: str = ""
    id: int | None = None


def check_rating(scores: dict[str, int]) -> dict[str, int]:
    keys = {key for key, _ in RATING_ITEMS}
    clean = {}
    for key, value in scores.items():
        if key not in keys:
            raise ValidationError("Unknown rating item: {key}.", key=key)
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
            raise ValidationError("Each rating is a whole number from 1 to 5.")
        clean[key] = value
    if not clean:
        raise ValidationError("Please rate at least one item.")
    return clean


@dataclass
class HotDebrief:
    held_at: datetime
    answers: dict[str, str] = field(default_factory=dict)
    themes: list[str] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)
    checks_done: list[int] = field(default_factory=list)  # days of FOLLOW_UP_CHECKS done
    id: int | None = None

    def checks(self) -> list[tuple[str, date, bool]]:
        """(label, due date, done) for each follow-up check-in."""
        start = self.held_at.date()
        return [
            (label, start + timedelta(days=days), days in self.checks_done)
            for label, days in FOLLOW_UP_CHECKS
        ]

    def due_checks(self, today: date) -> list[tuple[str, date]]:
        return [(label, due) for label, due, done in self.checks() if not done and due <= today]


def check_hot_debrief(item: HotDebrief) -> HotDebrief:
    known = {key for key, _ in HOT_DEBRIEF_FIELDS}
    unknown = set(item.answers) - known
    if unknown:
        raise ValidationError("Unknown part of a hot debrief: {part}.", part=sorted(unknown)[0])
    answers = {k: v.strip() for k, v in item.answers.items() if v.strip()}
    if not answers and not item.themes and not item.actions:
        raise ValidationError("Please write at least one line before saving the debrief.")
    if any(len(v) > 5000 for v in answers.values()):
        raise ValidationError("Please keep each answer under 5,000 characters.")
    item.answers = answers
    item.themes = [" ".join(t.split()) for t in item.themes if t.strip()]
    item.actions = [" ".join(a.split()) for a in item.actions if a.strip()]
    return item
