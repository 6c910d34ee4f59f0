"""A check-in or questionnaire draft: answers given so far, kept in the encrypted database.

``CheckinService.draft`` and ``InstrumentService.draft`` are each one of these, bound to
their slot of the drafts table. Without a store (a service built for scoring only) nothing
is kept and nothing is found.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from datetime import datetime
from typing import Any, Generic, Protocol, TypeVar


class DraftStore(Protocol):
    def save_form(self, slot: str, payload: dict[str, Any], saved_at: datetime) -> None: ...
    def load_form(self, slot: str) -> tuple[object, datetime] | None: ...
    def clear(self, slot: str = ...) -> None: ...
    def cleared_with(self, slot: str) -> AbstractContextManager[None]: ...


class _Kept(Protocol):
    @property
    def is_empty(self) -> bool: ...
    def to_dict(self) -> dict[str, Any]: ...


DraftT = TypeVar("DraftT", bound=_Kept)


class KeptAnswers(Generic[DraftT]):
    def __init__(
        self,
        store: DraftStore | None,
        slot: str,
        read: Callable[[object, datetime], DraftT],
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        self._store = store
        self._slot = slot
        self._read = read
        self._clock = clock

    def save(self, draft: DraftT) -> None:
        """Keep ``draft``; an empty one is not worth keeping, so it removes the old one."""
        if self._store is None:
            return
        if draft.is_empty:
            self._store.clear(self._slot)
            return
        self._store.save_form(self._slot, draft.to_dict(), self._clock().replace(microsecond=0))

    def load(self) -> DraftT | None:
        found = self._store.load_form(self._slot) if self._store is not None else None
        if found is None:
            return None
        try:
            return self._read(*found)
        except (ValueError, TypeError):
            return None  # damaged: not worth blocking the screen for

    def discard(self) -> None:
        if self._store is not None:
            self._store.clear(self._slot)

    def ending(self) -> AbstractContextManager[None]:
        """Wrap the write that records these answers: the draft goes in the same transaction."""
        if self._store is None:
            return nullcontext()
        return self._store.cleared_with(self._slot)
