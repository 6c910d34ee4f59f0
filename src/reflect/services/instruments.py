"""Instrument use cases: list definitions, score answer numbers, keep results, import files.

Shipped definitions (scoring keys only) come from assets/instruments/. An organisation can
import its own definition, for example one with item text it has the right to use; it is
validated first and then copied into the data folder's instruments/ folder. An imported
definition with the same id as a shipped one takes its place, so results stay comparable.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from contextlib import nullcontext
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from reflect.domain.checkin import InstrumentResult
from reflect.domain.content_files import content_files
from reflect.domain.errors import ContentError, ValidationError
from reflect.domain.form_draft import INSTRUMENT_SLOT, InstrumentDraft
from reflect.domain.instrument_scoring import InstrumentScore, score
from reflect.domain.instruments import (
    InstrumentDefinition,
    load_definition,
    parse_definition,
    read_definition_file,
)
from reflect.paths import AppPaths, ensure_private_dir, write_private_file
from reflect.resources import asset_path
from reflect.services.events import ChangeFeed, announcer
from reflect.services.form_drafts import DraftStore, KeptAnswers

DEFINITION_SUFFIXES = (".json", ".toml")


class ResultStore(Protocol):
    def add(self, result: InstrumentResult) -> InstrumentResult: ...
    def add_many(self, results: Iterable[InstrumentResult]) -> int: ...
    def get(self, result_id: int) -> InstrumentResult: ...
    def delete(self, result_id: int) -> None: ...
    def find(
        self, instrument_id: str | None = None, since: datetime | None = None
    ) -> list[InstrumentResult]: ...
    def latest(self, instrument_id: str) -> InstrumentResult | None: ...


def _definition_files(folder: Path) -> list[Path]:
    # Every candidate, even a FIFO or a huge file: the loader refuses those with a message,
    # which the instruments screen lists, rather than hanging or skipping them silently.
    return content_files(folder, DEFINITION_SUFFIXES)


def load_shipped_definitions() -> list[InstrumentDefinition]:
    """The shipped keys; a broken shipped file is a bug, so errors propagate."""
    return [load_definition(path) for path in _definition_files(asset_path("instruments"))]


class InstrumentService:
    def __init__(
        self,
        paths: AppPaths | None = None,
        repository: ResultStore | None = None,
        *,
        changes: ChangeFeed | None = None,
        drafts: DraftStore | None = None,
    ) -> None:
        self._announce = announcer(changes)
        self._paths = paths
        self._repository = repository
        # Answers typed in so far from a paper form, kept while the profile locks.
        self.draft = KeptAnswers(drafts, INSTRUMENT_SLOT, InstrumentDraft.from_dict)
        self._cache: dict[str, InstrumentDefinition] | None = None
        self._imported_ids: set[str] = set()
        self.problems: list[str] = []  # imported files that failed validation, as messages

    # --- definitions ------------------------------------------------------------------------

    def _load(self) -> dict[str, InstrumentDefinition]:
        if self._cache is None:
            definitions = {d.id: d for d in load_shipped_definitions()}
            self._imported_ids = set()
            self.problems = []
            if self._paths is not None:
                for path in _definition_files(self._paths.instruments_dir):
                    try:
                        definition = load_definition(path)
                    except ContentError as exc:
                        # One broken organisation file must not hide the others or stop the app.
                        self.problems.append(exc.message)  # keeps its template
                        continue
                    if definition.id in self._imported_ids and path.name != f"{definition.id}.json":
                        continue  # two imports of one instrument: <id>.json is the latest
                    definitions[definition.id] = definition
                    self._imported_ids.add(definition.id)
            self._cache = definitions
        return self._cache

    def definitions(self) -> list[InstrumentDefinition]:
        return sorted(self._load().values(), key=lambda d: d.short_name.lower())

    def get(self, instrument_id: str) -> InstrumentDefinition:
        definitions = self._load()
        key = instrument_id.strip().lower()
        if key not in definitions:
            known = ", ".join(sorted(definitions))
            raise ValidationError(
                "There is no instrument called '{name}'. Known instruments: {known}.",
                name=instrument_id,
                known=known,
            )
        return definitions[key]

    def is_imported(self, instrument_id: str) -> bool:
        self._load()
        return instrument_id in self._imported_ids

    def import_definition(
        self, path: Path, on_lock_wait: Callable[[str], None] | None = None
    ) -> InstrumentDefinition:
        """Validate ``path`` and copy it into the data folder; returns the new definition."""
        if self._paths is None:
            raise ValidationError("Importing a definition needs a data folder.")
        data = read_definition_file(Path(path))
        definition = parse_definition(data, Path(path).name)
        self._paths.ensure()  # the data folder itself must be private too, not only ours
        from reflect.storage.file_lock import FileLock

        # The instruments folder is shared by every profile: one writer at a time there too.
        with FileLock(self._paths.data_dir / "instruments.lock").acquire(on_wait=on_lock_wait):
            return self._write_definition(data, definition)

    def _write_definition(
        self, data: dict[str, Any], definition: InstrumentDefinition
    ) -> InstrumentDefinition:
        assert self._paths is not None
        folder = ensure_private_dir(self._paths.instruments_dir)
        target = folder / f"{definition.id}.json"
        # The new file first, then the older imports of the same instrument under other
        # names: killed in between, both are there (``_load`` prefers ``<id>.json``), never
        # neither.
        write_private_file(target, json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8"))
        for other in _definition_files(folder):
            if other != target:
                try:
                    if load_definition(other).id == definition.id:
                        other.unlink()  # an older import of the same instrument under another name
                except ContentError:
                    pass
        self._cache = None
        return self.get(definition.id)

    def remove_imported(self, instrument_id: str) -> None:
        if self._paths is None or not self.is_imported(instrument_id):
            raise ValidationError(
                "'{name}' was not imported, so there is nothing to remove.", name=instrument_id
            )
        for path in _definition_files(self._paths.instruments_dir):
            try:
                if load_definition(path).id == instrument_id:
                    path.unlink()
            except ContentError:
                continue
        self._cache = None

    # --- scoring and results ----------------------------------------------------------------

    def score(self, instrument_id: str, answers: Sequence[int]) -> InstrumentScore:
        return score(self.get(instrument_id), answers)

    def _store(self) -> ResultStore:
        if self._repository is None:
            raise ValidationError("Saving a result needs an unlocked profile.")
        return self._repository

    def record(
        self,
        instrument_id: str,
        answers: Sequence[int],
        taken_at: datetime | None = None,
        *,
        end_draft: bool = False,
    ) -> InstrumentResult:
        """Score and save; ``end_draft`` (the screen holding the draft) removes the kept
        answers in the same transaction."""
        scored = self.score(instrument_id, answers)
        when = (taken_at or datetime.now()).replace(microsecond=0)
        with self.draft.ending() if end_draft else nullcontext():
            saved = self._store().add(scored.to_result(when))
        self._announce("results_changed")
        return saved

    def record_many(self, scored: Iterable[tuple[str, Sequence[int], datetime]]) -> int:
        """Score and save many (instrument id, answers, taken at) at once; all or nothing."""
        results = [
            self.score(i, answers).to_result(when.replace(microsecond=0))
            for i, answers, when in scored
        ]
        count = self._store().add_many(results)
        self._announce("results_changed")
        return count

    def results(
        self, instrument_id: str | None = None, since: datetime | None = None
    ) -> list[InstrumentResult]:
        return self._store().find(instrument_id, since)

    def latest(self, instrument_id: str) -> InstrumentResult | None:
        return self._store().latest(instrument_id)

    def delete_result(self, result_id: int) -> InstrumentResult:
        store = self._store()
        result = store.get(result_id)
        store.delete(result_id)
        self._announce("results_changed")
        return result

    def restore_result(self, result: InstrumentResult) -> InstrumentResult:
        """Undo ``delete_result``: store the same result again (it gets a new id)."""
        restored = self._store().add(replace(result, id=None))
        self._announce("results_changed")
        return restored
