"""The coordinator's use cases: read and keep contributions, team figures, the organisational
self-assessment and its action plan.

Reading contribution files needs no profile (``reflect team summary``); keeping them does.
A batch of files is read in full before anything is kept: one bad file refuses the batch,
named, and nothing is written.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, Protocol

from reflect.domain.errors import ContentError, ValidationError
from reflect.domain.instruments import (
    InstrumentDefinition,
    load_definition,
    parse_definition,
    read_definition_file,
)
from reflect.domain.message import Message
from reflect.domain.org_assessment import (
    ActionItem,
    AssessmentResult,
    DomainResult,
    assess,
    check_action,
    gaps_without_action,
)
from reflect.domain.team_contribution import (
    MAX_FILE_BYTES,
    Contribution,
    ContributionError,
    parse_contribution,
)
from reflect.domain.team_summary import (
    MIN_GROUP,
    BandCatalogue,
    TeamSummary,
    check_minimum,
    summarise,
)
from reflect.paths import AppPaths, ensure_private_dir, write_private_file
from reflect.resources import asset_path

COORDINATOR_KEY = "team_coordinator"
MIN_GROUP_KEY = "team_min_group"
SHIPPED_ASSESSMENT = "organisation.json"


def read_contribution_file(path: Path, today: date | None = None) -> Contribution:
    """Read one file without trusting it: its size is checked before it is read."""
    path = Path(path)
    source = os.fspath(path)  # the file's name in the message, not a sentence
    today = today or date.today()
    try:
        # Non-blocking open, then fstat: a FIFO named x.json would otherwise block the open
        # until someone writes to it, and /dev/zero would pass as a huge "file".
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise ContributionError(source, Message("it is not a regular file"))
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise ContributionError(
            source, Message("it cannot be read ({error})", error=exc.strerror or exc)
        ) from None
    contribution = parse_contribution(data, source)
    # Grace for a coordinator whose clock is behind the contributor's: local clocks differ
    # by up to 26 hours (UTC+14 to UTC-12), so two days.
    latest = (today + timedelta(days=2)).strftime("%Y-%m")
    if contribution.written > latest:
        raise ContributionError(
            source,
            Message(
                "it says it was written in {month}, which has not come yet",
                month=contribution.written,
            ),
        )
    return contribution


def read_contribution_files(paths: Iterable[Path]) -> list[Contribution]:
    return [read_contribution_file(Path(p)) for p in paths]


MAX_ASSESSMENT_BYTES = 1024 * 1024


def _load_org_definition(path: Path) -> InstrumentDefinition:
    """An organisation's assessment file, read without trusting it: a pipe would block the
    read forever, a huge file would fill memory, deep nesting overflows the JSON parser."""
    name = path.name
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
    except OSError as exc:
        raise ContentError(
            name, "(file)", Message("cannot be read: {error}", error=exc.strerror or exc)
        ) from None
    if not stat.S_ISREG(info.st_mode):
        raise ContentError(name, "(file)", Message("is not a regular file"))
    if info.st_size > MAX_ASSESSMENT_BYTES:
        raise ContentError(
            name, "(file)", Message("is larger than {size} KiB", size=MAX_ASSESSMENT_BYTES // 1024)
        )
    try:
        return parse_definition(read_definition_file(path), name)
    except (RecursionError, ValueError, TypeError):
        raise ContentError(name, "(file)", Message("is malformed or nested too deeply")) from None


def band_catalogue(definitions: Iterable[InstrumentDefinition]) -> BandCatalogue:
    return {
        (d.id, s.id): tuple(band.id for band in s.bands) for d in definitions for s in d.subscales
    }


def minimum_from(value: Any) -> int:
    """A stored or typed minimum group; never below 5."""
    if isinstance(value, bool) or not isinstance(value, int):
        return MIN_GROUP
    return max(MIN_GROUP, min(value, 1000))


class SettingsLike(Protocol):
    def get(self, key: str) -> Any: ...
    def set(self, key: str, value: Any) -> None: ...


class TeamStore(Protocol):
    def keep_contributions(
        self, contributions: list[Contribution], now: datetime | None = None
    ) -> tuple[int, int]: ...
    def contributions(self) -> list[Contribution]: ...
    def contribution_count(self) -> int: ...
    def forget_contributions(self) -> int: ...
    def add_assessment(self, result: AssessmentResult) -> AssessmentResult: ...
    def assessments(self) -> list[AssessmentResult]: ...
    def latest_assessment(self) -> AssessmentResult | None: ...
    def save_action(self, item: ActionItem, now: datetime | None = None) -> ActionItem: ...
    def actions(self) -> list[ActionItem]: ...
    def delete_action(self, action_id: int) -> None: ...


@dataclass(frozen=True)
class ImportOutcome:
    files: int
    added: int
    replaced: int

    @property
    def unchanged(self) -> int:
        return self.files - self.added - self.replaced


class TeamService:
    def __init__(
        self,
        paths: AppPaths,
        repository: TeamStore,
        settings: SettingsLike,
        # Where band names come from, so a band nobody reported is still listed (as hidden).
        instrument_definitions: Callable[[], list[InstrumentDefinition]] | None = None,
    ) -> None:
        self._paths = paths
        self._repository = repository
        self._settings = settings
        self._instrument_definitions: Callable[[], list[InstrumentDefinition]] = (
            instrument_definitions or list
        )

    # --- settings ---------------------------------------------------------------------------

    @property
    def is_coordinator(self) -> bool:
        return bool(self._settings.get(COORDINATOR_KEY))

    def set_coordinator(self, on: bool) -> None:
        self._settings.set(COORDINATOR_KEY, bool(on))

    @property
    def min_group(self) -> int:
        return minimum_from(self._settings.get(MIN_GROUP_KEY))

    def set_min_group(self, value: int) -> None:
        try:
            check_minimum(value)
        except ValueError:
            raise ValidationError(
                "The minimum group is {count} people or more.", count=MIN_GROUP
            ) from None
        self._settings.set(MIN_GROUP_KEY, minimum_from(value))

    @property
    def visible(self) -> bool:
        """The Team screen shows for coordinators and for profiles holding contributions."""
        return self.is_coordinator or self._repository.contribution_count() > 0

    # --- contributions ----------------------------------------------------------------------

    def import_files(self, paths: Sequence[Path], now: datetime | None = None) -> ImportOutcome:
        contributions = read_contribution_files(paths)  # all read before anything is kept
        added, replaced = self._repository.keep_contributions(contributions, now)
        return ImportOutcome(len(contributions), added, replaced)

    def contribution_count(self) -> int:
        return self._repository.contribution_count()

    def forget_contributions(self) -> int:
        return self._repository.forget_contributions()

    def summary(self, minimum: int | None = None) -> TeamSummary:
        catalogue = band_catalogue(self._instrument_definitions())
        return summarise(self._repository.contributions(), minimum or self.min_group, catalogue)

    # --- assessment -------------------------------------------------------------------------

    @property
    def _assessments_dir(self) -> Path:
        return self._paths.data_dir / "assessments"

    def assessment_definitions(self) -> list[InstrumentDefinition]:
        """Ours, then any the organisation imported (a broken import is skipped)."""
        found = [load_definition(asset_path("assessments", SHIPPED_ASSESSMENT))]
        folder = self._assessments_dir
        if folder.is_dir():
            for path in sorted(folder.glob("*.json"))[:200]:
                try:
                    definition = _load_org_definition(path)
                except ContentError:
                    continue
                found = [d for d in found if d.id != definition.id] + [definition]
        return found

    def assessment_definition(self, definition_id: str | None = None) -> InstrumentDefinition:
        definitions = self.assessment_definitions()
        if definition_id is None:
            return definitions[-1]  # an organisation's own instrument replaces ours
        for definition in definitions:
            if definition.id == definition_id:
                return definition
        raise ValidationError(
            "No organisational assessment called {name}.", name=repr(definition_id)
        )

    def import_assessment(self, path: Path) -> InstrumentDefinition:
        definition = _load_org_definition(Path(path))
        data = read_definition_file(Path(path))
        if not definition.has_item_text:
            raise ValidationError(
                "An assessment answered in the app needs its item text ('item_text')."
            )
        self._paths.ensure()
        folder = ensure_private_dir(self._assessments_dir)
        write_private_file(
            folder / f"{definition.id}.json",
            json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8"),
        )
        return definition

    def record_assessment(
        self,
        answers: Sequence[int | None],
        *,
        definition_id: str | None = None,
        mode: str = "alone",
        participants: int = 1,
        taken_at: datetime | None = None,
    ) -> AssessmentResult:
        definition = self.assessment_definition(definition_id)
        result = assess(
            definition, answers, mode=mode, participants=participants, taken_at=taken_at
        )
        return self._repository.add_assessment(result)

    def latest_assessment(self) -> AssessmentResult | None:
        return self._repository.latest_assessment()

    def assessments(self) -> list[AssessmentResult]:
        return self._repository.assessments()

    def gaps_to_plan(self) -> tuple[DomainResult, ...]:
        latest = self.latest_assessment()
        if latest is None:
            return ()
        return gaps_without_action(latest, self._repository.actions())

    # --- action plan ------------------------------------------------------------------------

    def save_action(self, item: ActionItem) -> ActionItem:
        return self._repository.save_action(check_action(item))

    def actions(self) -> list[ActionItem]:
        return self._repository.actions()

    def mark_done(self, item: ActionItem, on: date | None = None) -> ActionItem:
        done = ActionItem(
            item.domain,
            item.what,
            item.who,
            item.by_when,
            item.review_on,
            item.assessment_id,
            on or date.today(),
            item.id,
        )
        return self._repository.save_action(done)

    def delete_action(self, action_id: int) -> None:
        self._repository.delete_action(action_id)
