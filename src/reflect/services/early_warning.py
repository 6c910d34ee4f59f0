"""Early-warning notices for the person: computed from check-ins and results, minus dismissed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import lru_cache
from typing import Protocol

from reflect.domain.early_warning import (
    EarlyWarningRules,
    Notice,
    active_notices,
    band_notices,
    rise_notices,
)
from reflect.domain.notice_wording import NoticeWording, load_notice_wording
from reflect.resources import asset_path
from reflect.services.checkins import CheckinService
from reflect.services.instruments import InstrumentService

# How many recent check-ins to look at. Generous, so the start of a long streak (which names
# the notice) stays put and a dismissed notice stays dismissed.
HISTORY_LIMIT = 120


@lru_cache(maxsize=1)
def shipped_notice_wording() -> NoticeWording:
    """The words of notes and score support (assets/resources/notices.json), read once."""
    return load_notice_wording(asset_path("resources", "notices.json"))


class DismissedStore(Protocol):
    def dismiss(self, notice_id: str, when: datetime) -> None: ...
    def restore(self, notice_id: str) -> None: ...
    def dismissed_ids(self) -> set[str]: ...


class EarlyWarningService:
    def __init__(
        self,
        checkins: CheckinService,
        instruments: InstrumentService,
        dismissed: DismissedStore,
        rules: EarlyWarningRules | None = None,
        data_version: Callable[[], object] | None = None,
    ) -> None:
        """``data_version`` changes whenever the database is written; notices are cached on it
        because several screens show the same card and scoring the history is not free."""
        self._checkins = checkins
        self._instruments = instruments
        self._dismissed = dismissed
        self.rules = rules or EarlyWarningRules()
        self._data_version = data_version
        self._cache: tuple[object, list[Notice]] | None = None

    def all_notices(self) -> list[Notice]:
        version = self._data_version() if self._data_version is not None else None
        if version is not None and self._cache is not None and self._cache[0] == version:
            return list(self._cache[1])
        history = self._checkins.recent_scored(HISTORY_LIMIT)
        definitions = {d.id: d for d in self._instruments.definitions()}
        wording = shipped_notice_wording()
        notices = rise_notices(history, self.rules, wording=wording) + band_notices(
            self._instruments.results(), definitions, wording=wording
        )
        if version is not None:
            self._cache = (version, notices)
        return list(notices)

    def active(self) -> list[Notice]:
        """Current notices the person has not dismissed, newest first."""
        return active_notices(self.all_notices(), self._dismissed.dismissed_ids())

    def dismiss(self, notice_id: str) -> None:
        self._dismissed.dismiss(notice_id, datetime.now().replace(microsecond=0))

    def undo_dismiss(self, notice_id: str) -> None:
        self._dismissed.restore(notice_id)
