"""Check-in use cases: record, list, score against the person's usual."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from contextlib import nullcontext
from dataclasses import replace
from datetime import datetime
from functools import cached_property
from typing import Protocol

from reflect.domain.checkin import CheckIn
from reflect.domain.checkin_definition import CheckinDefinition, load_checkin_definition
from reflect.domain.checkin_scoring import (
    BASELINE_MINIMUM,
    BASELINE_WINDOW,
    ScoredCheckIn,
    score_history,
)
from reflect.domain.form_draft import CHECKIN_SLOT, CheckinDraft
from reflect.resources import asset_path
from reflect.services.events import ChangeFeed, announcer
from reflect.services.form_drafts import DraftStore, KeptAnswers


class CheckinStore(Protocol):
    def add(self, checkin: CheckIn) -> CheckIn: ...
    def add_many(self, checkins: Iterable[CheckIn]) -> int: ...
    def update(self, checkin: CheckIn) -> CheckIn: ...
    def delete(self, checkin_id: int) -> None: ...
    def get(self, checkin_id: int) -> CheckIn: ...
    def find(
        self, since: datetime | None = None, until: datetime | None = None
    ) -> list[CheckIn]: ...
    def recent(self, limit: int) -> list[CheckIn]: ...
    def latest(self) -> CheckIn | None: ...
    def count(self) -> int: ...


def load_shipped_checkin() -> CheckinDefinition:
    return load_checkin_definition(asset_path("checkin", "checkin.json"))


class CheckinService:
    def __init__(
        self,
        repository: CheckinStore,
        definition: CheckinDefinition | None = None,
        window: int = BASELINE_WINDOW,
        minimum: int = BASELINE_MINIMUM,
        *,
        changes: ChangeFeed | None = None,
        drafts: DraftStore | None = None,
    ) -> None:
        self._announce = announcer(changes)
        self._repository = repository
        # Answers given so far on the Check-in screen, kept while the profile locks.
        self.draft = KeptAnswers(drafts, CHECKIN_SLOT, CheckinDraft.from_dict)
        self._definition = definition
        self.window = window
        self.minimum = minimum

    @cached_property
    def definition(self) -> CheckinDefinition:
        return self._definition or load_shipped_checkin()

    # --- writing ----------------------------------------------------------------------------

    def record(
        self,
        item_scores: Mapping[str, int],
        *,
        sleep: int | None = None,
        energy: int | None = None,
        helping: Mapping[str, int] | None = None,
        helped_note: str = "",
        note: str = "",
        taken_at: datetime | None = None,
        end_draft: bool = False,
    ) -> CheckIn:
        """Validate and save; ``end_draft`` (the screen holding the draft) removes the kept
        answers in the same transaction."""
        checkin = CheckIn(
            taken_at=(taken_at or datetime.now()).replace(microsecond=0),
            item_scores=dict(item_scores),
            sleep=sleep,
            energy=energy,
            helping=dict(helping or {}),
            helped_note=helped_note.strip(),
            note=note.strip(),
        )
        self.definition.validate(checkin)
        with self.draft.ending() if end_draft else nullcontext():
            saved = self._repository.add(checkin)
        self._announce("checkins_changed")
        return saved

    def record_many(self, checkins: Iterable[CheckIn]) -> int:
        """Validate every check-in first, then save them all in one transaction."""
        batch = list(checkins)
        for checkin in batch:
            self.definition.validate(checkin)
        count = self._repository.add_many(batch)
        self._announce("checkins_changed")
        return count

    def update(self, checkin: CheckIn) -> CheckIn:
        self.definition.validate(checkin)
        updated = self._repository.update(checkin)
        self._announce("checkins_changed")
        return updated

    def delete(self, checkin_id: int) -> CheckIn:
        """Delete and return the check-in, so the caller can offer undo via ``restore``."""
        checkin = self._repository.get(checkin_id)
        self._repository.delete(checkin_id)
        self._announce("checkins_changed")
        return checkin

    def restore(self, checkin: CheckIn) -> CheckIn:
        restored = self._repository.add(replace(checkin, id=None))
        self._announce("checkins_changed")
        return restored

    # --- reading ----------------------------------------------------------------------------

    def get(self, checkin_id: int) -> CheckIn:
        return self._repository.get(checkin_id)

    def all(self, since: datetime | None = None, until: datetime | None = None) -> list[CheckIn]:
        return self._repository.find(since, until)

    def latest(self) -> CheckIn | None:
        return self._repository.latest()

    def count(self) -> int:
        return self._repository.count()

    def scored_history(
        self, since: datetime | None = None, until: datetime | None = None
    ) -> list[ScoredCheckIn]:
        """Check-ins (oldest first) with scores and the baseline each was compared with.

        Baselines use the check-ins before ``since`` too, so a chart of the last month still
        compares each week with the person's usual rather than starting from nothing.
        """
        return score_history(
            self._repository.find(None, until), self.definition, self.window, self.minimum, since
        )

    def recent_scored(self, count: int) -> list[ScoredCheckIn]:
        """The last ``count`` check-ins, each with a full baseline (cheap on long histories)."""
        checkins = self._repository.recent(count + self.window)
        return score_history(checkins, self.definition, self.window, self.minimum)[-count:]

    def latest_scored(self) -> ScoredCheckIn | None:
        found = self.recent_scored(1)
        return found[0] if found else None

    def scored(self, checkin_id: int) -> ScoredCheckIn:
        """One check-in compared with the usual of the check-ins before it."""
        target = self._repository.get(checkin_id)
        earlier = [c for c in self._repository.find(None, target.taken_at) if c.id != target.id]
        history = score_history(
            [*earlier[-self.window :], target], self.definition, self.window, self.minimum
        )
        return next(entry for entry in history if entry.checkin.id == target.id)
