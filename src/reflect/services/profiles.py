"""Profile use cases: list, create, unlock (into a Session), change passphrase, delete.

Storage is imported on first use: the lock screen must appear before sqlite-utils loads.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from reflect.domain.message import Message
from reflect.domain.passphrase import (
    MIN_PASSPHRASE_LENGTH,
    passphrase_strength,
    validate_new_passphrase,
)
from reflect.domain.profile import ProfileInfo
from reflect.paths import AppPaths
from reflect.services.session import Session

if TYPE_CHECKING:
    from reflect.storage.vault import ProfileStore

__all__ = [
    "MIN_PASSPHRASE_LENGTH",
    "ProfileService",
    "passphrase_strength",
    "validate_new_passphrase",
]


class ProfileService:
    def __init__(
        self,
        paths: AppPaths,
        *,
        fast_kdf: bool = False,
        writer: bool = False,
        on_lock_wait: Callable[[str], None] | None = None,
        migrate_readers: bool = True,
    ) -> None:
        """``fast_kdf`` uses the OWASP floor instead of calibrating (tests, demo profiles).

        ``writer``: every session this service opens holds the profile's writer lock until
        it closes (the app, and commands that write). Readers leave it False.
        ``on_lock_wait`` is told once when another process holds the lock and we wait.
        ``migrate_readers=False``: a reader leaves pending migrations pending (``check``).
        """
        self.paths = paths
        self.fast_kdf = fast_kdf
        self.writer = writer
        self.on_lock_wait = on_lock_wait
        self.migrate_readers = migrate_readers
        self._store: ProfileStore | None = None

    @property
    def store(self) -> ProfileStore:
        if self._store is None:
            from reflect.storage.vault import ProfileStore

            self._store = ProfileStore(self.paths.profiles_dir, fast_kdf=self.fast_kdf)
        return self._store

    def list_profiles(self) -> list[ProfileInfo]:
        from reflect.domain.profile import list_profile_infos

        return list_profile_infos(self.paths.profiles_dir)

    def get(self, profile_id: str) -> ProfileInfo:
        return self.store.get(profile_id)

    def create(
        self,
        passphrase: str,
        display_name: str = "",
        *,
        is_demo: bool = False,
        profile_id: str | None = None,
    ) -> ProfileInfo:
        self.paths.ensure()
        return self.store.create(passphrase, display_name, is_demo=is_demo, profile_id=profile_id)

    def _locked(self, profile: ProfileInfo, opener: Callable[[bool], Any]) -> Session:
        """Open through ``opener(migrate)`` (returning db and key) and make the Session.

        A writer holds the writer lock from before opening until the session closes. A
        reader finishes an interrupted restore first if no writer is at work, else notes
        that it waits (``Session.restore_waiting``); it opens without migrating; a pending
        migration then takes the lock for the migration alone (``migrate_readers``), or is
        left for a writer (``reflect check``).
        """
        if not self.writer:
            from reflect.storage.restore_swap import finish_for_reader, restore_waiting

            waiting = finish_for_reader(profile.directory)
            session = Session(self.paths, profile, *opener(False))
            # Looked at again after opening: finished meanwhile, either database may have been
            # read, so it still counts as waiting.
            session.restore_waiting = waiting or restore_waiting(profile.directory)
            if self.migrate_readers:
                try:
                    self.store.migrate_under_lock(
                        profile, session.db, session.key, on_wait=self.on_lock_wait
                    )
                except BaseException:
                    session.close()
                    raise
            return session
        from reflect.storage.file_lock import profile_lock
        from reflect.storage.leftovers import clean_leftovers
        from reflect.storage.profile_folders import remove_abandoned_folders

        lock = profile_lock(profile.directory).acquire(on_wait=self.on_lock_wait)
        try:
            clean_leftovers(profile.directory)
            remove_abandoned_folders(self.paths.profiles_dir)
            db, key = opener(True)
        except BaseException:
            lock.release()
            raise
        session = Session(self.paths, profile, db, key, writer_lock=lock)
        try:
            session.search_index_repaired = _repair_search_index(db)
        except BaseException:
            session.close()
            raise
        return session

    def unlock(self, profile: ProfileInfo, passphrase: str) -> Session:
        return self._locked(
            profile, lambda migrate: self.store.unlock(profile, passphrase, migrate=migrate)
        )

    def unlock_with_recovery_key(
        self, profile: ProfileInfo, recovery_key: str, new_passphrase: str, confirmation: str
    ) -> Session:
        """Open with the printed recovery key; the new passphrase replaces the forgotten one."""
        validate_new_passphrase(new_passphrase, confirmation)
        return self._locked(
            profile,
            lambda migrate: self.store.unlock_with_recovery(
                profile, recovery_key, new_passphrase, migrate=migrate
            ),
        )

    def has_recovery_key(self, profile: ProfileInfo) -> bool:
        return self.store.has_recovery_key(profile)

    def create_recovery_key(self, session: Session) -> str:
        """Return a new recovery key to print; any earlier one stops working."""
        return self.store.create_recovery_key(session.profile, session.key)

    def remove_recovery_key(self, profile: ProfileInfo) -> None:
        self.store.remove_recovery_key(profile)

    def change_passphrase(
        self, session: Session, new_passphrase: str, confirmation: str
    ) -> str | None:
        """Re-key the database under a new passphrase.

        Returns a replacement recovery key when the profile had one (the old one stops working).
        """
        validate_new_passphrase(new_passphrase, confirmation)
        new_key, recovery = self.store.change_passphrase(
            session.profile, session.db, session.key, new_passphrase
        )
        session.replace_key(new_key)
        return recovery

    def create_hidden(self, passphrase: str, display_name: str, *, is_demo: bool) -> ProfileInfo:
        """A profile no list shows until ``publish``: filled first, then shown whole (the
        demo). Killed before, it is removed as abandoned (storage/profile_folders.py)."""
        from reflect.storage.profile_folders import STAGING_PREFIX

        hidden = f"{STAGING_PREFIX}{os.urandom(6).hex()}"
        return self.create(passphrase, display_name, is_demo=is_demo, profile_id=hidden)

    def publish(self, hidden: ProfileInfo, profile_id: str) -> ProfileInfo:
        """Give a profile made by ``create_hidden`` its name (``profile_id``, or ``-2``…)."""
        from reflect.storage.profile_folders import free_name, publish

        target = free_name(self.paths.profiles_dir, profile_id)
        publish(hidden.directory, target)
        return self.get(target.name)

    def delete(self, profile: ProfileInfo) -> None:
        """Delete for real; a writer first waits for the profile's lock (nobody may be in it)."""
        if not self.writer:
            self.store.delete(profile)
            return
        from reflect.storage.file_lock import profile_lock

        with profile_lock(profile.directory).acquire(on_wait=self.on_lock_wait):
            self.store.delete(profile)


def _repair_search_index(db: Any) -> list[Any]:
    """A writer opening the profile makes sure search can find every reflection: the index
    is compared with the reflections by id (about 2 ms for 10,000) and rebuilt if they
    disagree. The full comparison of every word is left to ``reflect check`` (0.2 s)."""
    from reflect.storage.search_index import repair_if_out_of_step

    return repair_if_out_of_step(db)


RESTORE_WAITING = Message(
    "A restore of this profile is not finished yet, so this shows the data from before the "
    "restore; the next Reflect that writes to the profile (the app, or a command such as "
    "'reflect backup') finishes it."
)


def warm_up() -> None:
    """Import the storage layer ahead of time (called while the lock screen waits)."""
    import reflect.services.journal
    import reflect.storage.vault  # noqa: F401
    from reflect.storage import schema_preload

    schema_preload.load()  # sqlite-utils, the migrations, SQLCipher: not imported by the vault
