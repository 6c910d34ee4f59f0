"""Answers given so far on a check-in or a paper questionnaire, kept while the profile locks.

Stored as JSON inside the encrypted database (storage/draft_repository.py). Reading is
forgiving: a payload that is not what these classes write gives ``ValueError``, and the
caller offers nothing rather than failing the screen; the form's own limits check values
again when they are put back (a rating row ignores an out-of-range number).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

# Their slots in the drafts table (the reflection being written has its own).
CHECKIN_SLOT = "checkin"
INSTRUMENT_SLOT = "instrument"
# A kept draft older than this is offered with its date, so the person decides what to do.
OLD_AFTER = timedelta(days=1)
# Far beyond any real form; keeps a damaged payload from filling the screen.
_MAX_ENTRIES = 500
_MAX_TEXT = 20_000


@dataclass(frozen=True)
class CheckinDraft:
    item_scores: dict[str, int] = field(default_factory=dict)  # warning signs and strengths
    sleep: int | None = None
    energy: int | None = None
    helping: dict[str, int] = field(default_factory=dict)
    helped_note: str = ""
    note: str = ""
    switched_off: int | None = None  # the optional after-work part
    detach_note: str = ""
    saved_at: datetime | None = None

    @property
    def is_empty(self) -> bool:
        numbers = (self.sleep, self.energy, self.switched_off)
        texts = (self.helped_note, self.note, self.detach_note)
        return (
            not self.item_scores
            and not self.helping
            and all(n is None for n in numbers)
            and not any(t.strip() for t in texts)
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "item_scores": dict(self.item_scores),
            "sleep": self.sleep,
            "energy": self.energy,
            "helping": dict(self.helping),
            "helped_note": self.helped_note,
            "note": self.note,
            "switched_off": self.switched_off,
            "detach_note": self.detach_note,
        }

    @classmethod
    def from_dict(cls, data: object, saved_at: datetime | None = None) -> CheckinDraft:
        values = _mapping(data)
        return cls(
            item_scores=_scores(values.get("item_scores", {})),
            sleep=_number(values.get("sleep")),
            energy=_number(values.get("energy")),
            helping=_scores(values.get("helping", {})),
            helped_note=_text(values.get("helped_note", "")),
            note=_text(values.get("note", "")),
            switched_off=_number(values.get("switched_off")),
            detach_note=_text(values.get("detach_note", "")),
            saved_at=saved_at,
        )


@dataclass(frozen=True)
class InstrumentDraft:
    instrument_id: str
    typed: str = ""  # answer numbers as typed from the paper form
    items: tuple[int | None, ...] = ()  # answers picked on an imported definition's items
    saved_at: datetime | None = None

    @property
    def is_empty(self) -> bool:
        return not self.typed.strip() and all(value is None for value in self.items)

    def to_dict(self) -> dict[str, Any]:
        return {"instrument_id": self.instrument_id, "typed": self.typed, "items": [*self.items]}

    @classmethod
    def from_dict(cls, data: object, saved_at: datetime | None = None) -> InstrumentDraft:
        values = _mapping(data)
        instrument_id = values.get("instrument_id")
        if not isinstance(instrument_id, str) or not instrument_id:
            raise ValueError("a questionnaire draft names no questionnaire")
        items = values.get("items", [])
        if not isinstance(items, list) or len(items) > _MAX_ENTRIES:
            raise ValueError("a questionnaire draft's items are not a list")
        return cls(
            instrument_id=_text(instrument_id),
            typed=_text(values.get("typed", "")),
            items=tuple(_number(value) for value in items),
            saved_at=saved_at,
        )


def is_old(saved_at: datetime | None, now: datetime) -> bool:
    return saved_at is not None and now - saved_at > OLD_AFTER


def _mapping(data: object) -> Mapping[str, object]:
    if not isinstance(data, Mapping):
        raise ValueError("a draft is not a mapping")
    return data


def _number(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or abs(value) > 1000:
        raise ValueError("a draft's answer is not a small whole number")
    return value


def _scores(value: object) -> dict[str, int]:
    scores = _mapping(value)
    if len(scores) > _MAX_ENTRIES:
        raise ValueError("a draft holds too many answers")
    found: dict[str, int] = {}
    for key, number in scores.items():
        checked = _number(number)
        if not isinstance(key, str) or checked is None:
            raise ValueError("a draft's answer has no question or no value")
        found[key] = checked
    return found


def _text(value: object) -> str:
    if not isinstance(value, str) or len(value) > _MAX_TEXT:
        raise ValueError("a draft's text is not text")
    return value
