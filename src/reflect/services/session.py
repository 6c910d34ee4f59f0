"""An unlocked profile: the open database, its key, and the services built on them.

Each service is created on first use so unlocking stays fast; locking closes the database
and wipes the key, after which the session must not be used again.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from reflect.domain.errors import VaultError
from reflect.domain.message import Message
from reflect.domain.profile import ProfileInfo
from reflect.paths import AppPaths
from reflect.services.events import ChangeFeed

if TYPE_CHECKING:
    import sqlite_utils

    from reflect.services.accounts import AccountService
    from reflect.services.checkins import CheckinService
    from reflect.services.debrief import DebriefService
    from reflect.services.early_warning import EarlyWarningService
    from reflect.services.exposure import ExposureService
    from reflect.services.instruments import InstrumentService
    from reflect.services.journal import JournalService
    from reflect.services.resources import ResourcesService
    from reflect.services.settings import SettingsService
    from reflect.services.supervision import SupervisionService
    from reflect.services.supervision_send import SupervisionSender
    from reflect.services.team import TeamService
    from reflect.services.trends import TrendsService
    from reflect.storage.file_lock import FileLock


class Session:
    def __init__(
        self,
        paths: AppPaths,
        profile: ProfileInfo,
        db: sqlite_utils.Database,
        key: bytearray,
        writer_lock: FileLock | None = None,
        *,
        changes: ChangeFeed | None = None,
    ) -> None:
        self.paths = paths
        # Every write through this session's services is announced here (see services/events.py).
        self.changes = changes if changes is not None else ChangeFeed()
        self.profile = profile
        self._db: sqlite_utils.Database | None = db
        self._key: bytearray | None = key
        # The profile's writer lock when this session may write (the app, writing commands);
        # released when the session closes.
        self.writer_lock = writer_lock
        # What the quick search-index comparison found when a writer opened the profile (the
        # index was then rebuilt from the reflections); empty when it agreed.
        self.search_index_repaired: list[Message] = []
        # A reader opened the profile while a restore waited to be finished (a writer held
        # the lock): it reads the data from before the restore (storage/restore_swap.py).
        self.restore_waiting = False

    @property
    def db(self) -> sqlite_utils.Database:
        if self._db is None:
            raise VaultError("This profile is locked.")
        return self._db

    @property
    def key(self) -> bytearray:
        """The raw database key, needed for encrypted backups and archives."""
        if self._key is None:
            raise VaultError("This profile is locked.")
        return self._key

    @property
    def is_open(self) -> bool:
        return self._db is not None

    def replace_key(self, new_key: bytearray) -> None:
        from reflect.storage.kdf import wipe

        old, self._key = self._key, new_key
        wipe(old)

    def close(self) -> None:
        """Close the database and wipe the key; safe to call twice."""
        from reflect.storage.database import close_database
        from reflect.storage.kdf import wipe

        db, self._db = self._db, None
        if db is not None:
            close_database(db)
        wipe(self._key)
        self._key = None
        lock, self.writer_lock = self.writer_lock, None
        if lock is not None:
            lock.release()

    # --- services, one per aggregate; each issue adds its own below -------------------------

    @cached_property
    def settings(self) -> SettingsService:
        from reflect.services.settings import SettingsService
        from reflect.storage.settings_repository import SettingsRepository

        return SettingsService(SettingsRepository(self.db))

    @cached_property
    def resources(self) -> ResourcesService:
        from reflect.services.resources import ResourcesService, snapshot_from_scored
        from reflect.storage.help_contact_repository import HelpContactRepository
        from reflect.storage.plan_repository import PlanRepository

        def latest_checkin():  # read fresh each time: suggestions follow the newest check-in
            return snapshot_from_scored(self.checkins.latest_scored())

        plans, contacts = PlanRepository(self.db), HelpContactRepository(self.db)
        return ResourcesService(plans, contacts, latest_checkin, changes=self.changes)

    @cached_property
    def checkins(self) -> CheckinService:
        from reflect.services.checkins import CheckinService
        from reflect.storage.checkin_repository import CheckinRepository
        from reflect.storage.draft_repository import DraftRepository

        return CheckinService(
            CheckinRepository(self.db), changes=self.changes, drafts=DraftRepository(self.db)
        )

    @cached_property
    def instruments(self) -> InstrumentService:
        from reflect.services.instruments import InstrumentService
        from reflect.storage.draft_repository import DraftRepository
        from reflect.storage.instrument_result_repository import InstrumentResultRepository

        return InstrumentService(
            self.paths,
            InstrumentResultRepository(self.db),
            changes=self.changes,
            drafts=DraftRepository(self.db),
        )

    @cached_property
    def early_warning(self) -> EarlyWarningService:
        from reflect.services.early_warning import EarlyWarningService
        from reflect.storage.notice_repository import NoticeRepository

        db = self.db
        return EarlyWarningService(
            self.checkins,
            self.instruments,
            NoticeRepository(db),
            data_version=lambda: db.conn.total_changes,
        )

    @cached_property
    def journal(self) -> JournalService:
        from reflect.domain.templates import load_templates
        from reflect.resources import asset_path
        from reflect.services.journal import JournalService

        templates = load_templates(asset_path("templates"), self.paths.templates_dir)
        return JournalService(
            self.db, templates, changes=self.changes, repair_index=self.writer_lock is not None
        )

    @cached_property
    def accounts(self) -> AccountService:
        from reflect.resources import asset_path
        from reflect.services.accounts import AccountService, load_account_shapes

        library = load_account_shapes(asset_path("accounts"), self.paths.accounts_dir)
        return AccountService(self.journal, library)

    @cached_property
    def debrief(self) -> DebriefService:
        from reflect.services.debrief import DebriefService
        from reflect.storage.debrief_repository import DebriefRepository

        return DebriefService(
            DebriefRepository(self.db),
            self.journal,
            self.checkins,
            exposure=self.exposure,
            changes=self.changes,
        )

    @cached_property
    def trends(self) -> TrendsService:
        from reflect.services.trends import TrendsService
        from reflect.storage.trend_repository import TrendRepository

        return TrendsService(self.checkins, self.instruments, TrendRepository(self.db))

    @cached_property
    def supervision(self) -> SupervisionService:
        """The supervisor's side: packets received, the supervision record, replies."""
        from reflect.services.supervision import SupervisionService
        from reflect.storage.supervision_keys import SupervisionKeyRepository
        from reflect.storage.supervision_log import SupervisionLogRepository
        from reflect.storage.supervision_record import SupervisionRecordRepository

        return SupervisionService(
            SupervisionKeyRepository(self.db),
            SupervisionRecordRepository(self.db),
            SupervisionLogRepository(self.db),
            self.profile.display_name,
        )

    @cached_property
    def supervision_send(self) -> SupervisionSender:
        """The provider's side: my key, my supervisors, packets out, replies in."""
        from reflect.services.supervision_send import SupervisionSender
        from reflect.storage.debrief_repository import DebriefRepository
        from reflect.storage.supervision_keys import SupervisionKeyRepository

        return SupervisionSender(
            self.db,
            SupervisionKeyRepository(self.db),
            self.debrief,
            DebriefRepository(self.db),
            self.profile.display_name,
        )

    @cached_property
    def team(self) -> TeamService:
        from reflect.services.team import TeamService
        from reflect.storage.team_repository import TeamRepository

        return TeamService(
            self.paths, TeamRepository(self.db), self.settings, self.instruments.definitions
        )

    @cached_property
    def exposure(self) -> ExposureService:
        from reflect.services.exposure import ExposureService
        from reflect.storage.exposure_repository import ExposureRepository

        return ExposureService(ExposureRepository(self.db), changes=self.changes)
