"""What the journal asks for (filters) and what it lists (summaries), independent of storage."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from reflect.domain.search_text import (  # noqa: F401 - used from here
    fts_query,
    query_terms,
    snippet_around,
    snippet_of,
)


@dataclass(frozen=True)
class JournalFilter:
    """Every criterion is optional; an empty filter lists everything, newest first."""

    query: str = ""
    date_from: date | None = None
    date_to: date | None = None  # inclusive
    template_id: str | None = None
    setting: str | None = None
    tag: str | None = None
    intensity_min: int | None = None
    intensity_max: int | None = None

    @property
    def is_empty(self) -> bool:
        return self == JournalFilter()


@dataclass(frozen=True)
class ReflectionSummary:
    """One journal row: enough to list and search without decoding every answer."""

    id: int
    occurred_at: datetime
    template_id: str
    setting: str
    tags: tuple[str, ...] = field(default_factory=tuple)
    intensity: int | None = None
    snippet: str = ""
