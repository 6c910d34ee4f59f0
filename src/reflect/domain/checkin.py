"""Warning-sign check-ins: a one-minute weekly self-rating, in our own words."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

# Categories of warning signs (content-facts.md section 2). Item definitions live in
# assets/checkin/; each item belongs to one category and is rated 0-4 for the past week.
CATEGORIES: tuple[str, ...] = (
    "emotional",
    "physical",
    "cognitive",
    "behavioural",
    "relational",
    "spiritual",
    "work",
)
CATEGORY_LABELS: dict[str, str] = {
    "emotional": "Emotional",
    "physical": "Physical",
    "cognitive": "Thinking and worldview",
    "behavioural": "Behaviour",
    "relational": "Relationships",
    "spiritual": "Meaning and hope",
    "work": "Work",
}

# The "what is helping" part, after the ABC of addressing vicarious trauma.
HELPING_AREAS: tuple[str, ...] = ("awareness", "balance", "connection")
HELPING_LABELS: dict[str, str] = {
    "awareness": "Awareness",
    "balance": "Balance",
    "connection": "Connection",
}

ITEM_MIN, ITEM_MAX = 0, 4


@dataclass
class CheckIn:
    """One check-in. ``item_scores`` maps an item id to 0-4; sleep and energy are 0-4 too."""

    taken_at: datetime
    item_scores: dict[str, int] = field(default_factory=dict)
    sleep: int | None = None  # 0 = very poor ... 4 = restful
    energy: int | None = None  # 0 = empty ... 4 = plenty
    helping: dict[str, int] = field(default_factory=dict)  # awareness/balance/connection 0-4
    helped_note: str = ""
    note: str = ""
    id: int | None = None


@dataclass
class InstrumentResult:
    """A scored instrument (ProQOL 5, WHO-5, STSS, CBI or an imported one)."""

    instrument_id: str
    taken_at: datetime
    answers: list[int]
    scores: dict[str, float] = field(default_factory=dict)  # subscale id -> score
    bands: dict[str, str | None] = field(default_factory=dict)  # subscale id -> band label
    id: int | None = None
