"""Profiles on disk: an encrypted database plus a vault.json holding its wrapped key.

The database is keyed with a random data key (DEK). vault.json keeps that key sealed
(AES-GCM) under a key derived with Argon2id from the passphrase, and optionally sealed a
second time under a key derived from a printed recovery key. The passphrase is never stored.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import re
import shutil
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reflect.domain.errors import cut
from reflect.domain.message import Message
from reflect.domain.passphrase import check_length
from reflect.domain.profile import (
    ProfileInfo,
    list_profile_infos,
    read_profile_info,
    read_vault_json,
)
from reflect.paths import ensure_private_dir, write_private_file
from reflect.paths import sync_folder as fsync_dir
from reflect.storage import profile_folders, schema_preload
from reflect.storage import recovery_seals as recovery
from reflect.storage.backup import backup_to
from reflect.storage.database import close_database, open_database
from reflect.storage.errors import TooManyAttempts, VaultError, WrongPassphrase
from reflect.storage.failures import damaged, is_sqlite_error, translate
from reflect.storage.file_lock import lock_if_free, writing
from reflect.storage.kdf import KdfParams, calibrate, wipe
from reflect.storage.keywrap import (
    new_data_key,
    normalise_recovery_code,
)
from reflect.storage.pending_vault import UNSEEN_RECOVERY, pending_path, promote_pending
from reflect.storage.restore_swap import finish_interrupted_swap
from reflect.storage.seals import _open_seal, _seal, check_seal, open_seal_forms
from reflect.storage.throttle import THROTTLE_FILE, UnlockThrottle
from reflect.storage.vault_shape import VAULT_FORMAT, checked_vault

if TYPE_CHECKING:  # the schema code and sqlite-utils load while the key is derived
    import sqlite_utils

__all__ = ["ProfileStore", "check_seal", "open_seal_forms", "write_private_json"]


def write_private_json(path: Path, data: dict[str, Any]) -> None:
    """vault.json and the like: atomic, fsynced, 0600 (see ``paths.write_private_file``)."""
    write_private_file(path, json.dumps(data, indent=2).encode("utf-8"))


def _slug(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:24]
    return slug or "profile"


class ProfileStore:
    """Lists, creates, unlocks and changes the profiles in one data folder."""

    def __init__(self, profiles_dir: Path, *, fast_kdf: bool = False) -> None:
        self.profiles_dir = profiles_dir
        self.fast_kdf = fast_kdf

    def list_profiles(self) -> list[ProfileInfo]:
        return list_profile_infos(self.profiles_dir)

    def get(self, profile_id: str) -> ProfileInfo:
        info = read_profile_info(self.profiles_dir / profile_id)
        if info is None:
            raise VaultError("There is no profile called '{profile}'.", profile=cut(profile_id, 60))
        return info

    def _new_params(self) -> KdfParams:
        return KdfParams.floor() if self.fast_kdf else calibrate()

    def _read_vault(self, info: ProfileInfo) -> dict[str, Any]:
        try:
            # As the listing reads it: a huge, deeply nested or FIFO vault.json is refused.
            data = read_vault_json(info.vault_path)
        except (OSError, ValueError, RecursionError) as exc:  # JsonLimitError is a ValueError
            raise VaultError(
                "Cannot read {path}: {error}", path=info.vault_path, error=cut(exc, 120)
            ) from exc
        return checked_vault(data)

    # --- create -------------------------------------------------------------------------

    def create(
        self,
        passphrase: str,
        display_name: str = "",
        *,
        kdf: KdfParams | None = None,
        is_demo: bool = False,
        profile_id: str | None = None,
    ) -> ProfileInfo:
        """Create an encrypted profile. Raises VaultError for a too-short passphrase."""
        check_length(passphrase)
        ensure_private_dir(self.profiles_dir)
        profile_folders.remove_abandoned_folders(self.profiles_dir)
        base = profile_id or _slug(display_name or "profile")
        candidate, n = base, 1
        while (self.profiles_dir / candidate).exists():
            n += 1
            candidate = f"{base}-{n}"
        directory = self.profiles_dir / candidate
        staging = profile_folders.staging_folder(self.profiles_dir, candidate)
        info = ProfileInfo(
            profile_id=candidate,
            display_name=display_name.strip() or candidate,
            directory=staging,
            created_at=datetime.now(UTC).isoformat(timespec="seconds"),
            is_demo=is_demo,
        )
        data_key = new_data_key()
        try:
            vault = {
                "format": VAULT_FORMAT,
                "display_name": display_name.strip(),
                "created_at": info.created_at,
                "is_demo": is_demo,
                "passphrase": _seal(passphrase, kdf or self._new_params(), data_key),
                "recovery": None,
            }
            db = open_database(info.db_path, data_key, create=True)
            from reflect.storage import migrations as schema

            try:
                schema.apply_migrations(db)
            finally:
                close_database(db)
            write_private_json(info.vault_path, vault)
            profile_folders.publish(staging, directory)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        finally:
            wipe(data_key)
        return dataclasses.replace(info, directory=directory)

    # --- unlock -------------------------------------------------------------------------

    def unlock(
        self, info: ProfileInfo, passphrase: str, *, migrate: bool = True
    ) -> tuple[sqlite_utils.Database, bytearray]:
        """Open the profile; the caller owns the returned key and wipes it when locking.

        ``migrate=False`` (readers without the writer lock) leaves the schema as it is; see
        ``migrate_under_lock``.
        """
        vault = self._read_vault(info)
        # The wait applies to the pending vault too: a copy of vault.json placed there must
        # not give one unthrottled guess per try.
        throttle = UnlockThrottle(path=info.directory / THROTTLE_FILE)
        wait = throttle.seconds_to_wait()
        if wait > 0:
            raise TooManyAttempts(wait)
        schema_preload.start()
        recovered = self._finish_interrupted_change(info, passphrase, migrate)
        if recovered is not None:
            throttle.record_success()
            return recovered
        data_key, raw_form = self._throttled(
            info, lambda: open_seal_forms(passphrase, vault["passphrase"])
        )
        # With a pending vault a passphrase change was interrupted after the rekey: the old
        # key not opening the database is expected then, not damage.
        pending = pending_path(info.directory).exists()
        db = self._open(info, data_key, key_proven=not pending, migrate=migrate)
        if pending and migrate:  # under the writer lock, vault.json's key opens the database:
            pending_path(info.directory).unlink(missing_ok=True)  # the change never reached it
        if raw_form:
            self._seal_again(info, passphrase, data_key, vault["passphrase"], migrate)
        return db, data_key

    def _seal_again(
        self, info: ProfileInfo, passphrase: str, key: bytearray, opened: Any, holds_lock: bool
    ) -> None:
        """Sealed before passphrases were normalised: seal again under the normal form, so
        the same passphrase opens it however it was typed. Only under the writer lock and
        while vault.json still holds the seal just opened: a change made meanwhile wins."""
        with contextlib.ExitStack() as stack:
            if not (holds_lock or lock_if_free(info.directory, stack)):
                return  # a writer is busy: the raw form keeps working, sealed again next time
            # A read-only folder or a vault changed meanwhile: likewise, next time.
            with contextlib.suppress(OSError, VaultError):
                vault = self._read_vault(info)
                if vault["passphrase"] == opened:
                    params = KdfParams.from_dict(opened["kdf"]).with_new_salt()
                    vault["passphrase"] = _seal(passphrase, params, key)
                    write_private_json(info.vault_path, vault)

    def _finish_interrupted_change(
        self, info: ProfileInfo, passphrase: str, migrate: bool = True
    ) -> tuple[sqlite_utils.Database, bytearray] | None:
        """Complete a passphrase change that a crash interrupted between rekey and rename.

        The pending vault is completed or removed only under the writer lock: a writer in
        the middle of a change (pending written, rekey running) holds it, and removing its
        pending vault then would leave a database that no vault opens.
        """
        pending = pending_path(info.directory)
        if not pending.exists():
            return None
        with contextlib.ExitStack() as stack:
            # migrate=True: the caller holds the writer lock.
            tidy = migrate or lock_if_free(info.directory, stack)
            if tidy:  # an interrupted restore's database first: the pending vault may be its
                finish_interrupted_swap(info.directory)
            try:
                data = read_vault_json(pending)
                data_key = _open_seal(passphrase, data["passphrase"])
            except (OSError, ValueError, KeyError, TypeError, RecursionError, VaultError):
                return None  # typed the old passphrase, or the pending file is incomplete
            try:
                db = self._open(info, data_key, key_proven=False, migrate=migrate)
            except WrongPassphrase:
                if tidy:  # the rekey never happened: the old vault is right
                    pending.unlink(missing_ok=True)
                return None
            if tidy:
                promote_pending(pending, data, info.vault_path)
            return db, data_key

    def unlock_with_recovery(
        self, info: ProfileInfo, recovery_code: str, new_passphrase: str, *, migrate: bool = True
    ) -> tuple[sqlite_utils.Database, bytearray]:
        """Open with the printed recovery key and set a new passphrase at the same time."""
        check_length(new_passphrase)
        vault = self._read_vault(info)
        if not recovery.recovery_seals(vault):
            raise VaultError("This profile has no recovery key.")
        code = normalise_recovery_code(recovery_code)
        schema_preload.start()
        data_key = self._throttled(info, lambda: recovery.open_recovery(code, vault))
        db = self._open(info, data_key, migrate=migrate)
        params = KdfParams.from_dict(vault["passphrase"]["kdf"]).with_new_salt()
        vault["passphrase"] = _seal(new_passphrase, params, data_key)
        write_private_json(info.vault_path, vault)
        return db, data_key

    def _throttled(self, info: ProfileInfo, attempt: Any) -> Any:
        # The count lives on disk: a new process (CLI in a loop, app restarted) keeps it.
        throttle = UnlockThrottle(path=info.directory / THROTTLE_FILE)
        wait = throttle.seconds_to_wait()
        if wait > 0:
            raise TooManyAttempts(wait)
        try:
            result = attempt()
        except WrongPassphrase:
            throttle.record_failure()
            raise
        throttle.record_success()
        return result

    def _open(
        self,
        info: ProfileInfo,
        data_key: bytearray,
        *,
        key_proven: bool = True,
        migrate: bool = True,
    ) -> sqlite_utils.Database:
        """Open the database with a key the vault already accepted, then migrate it.

        The vault's AES-GCM tag has proven the passphrase, so a database that still does not
        open is damaged: say so, and never write a fresh schema into it.
        """
        schema_preload.wait()  # the schema code, imported while the key was derived
        from reflect.storage import migrations as schema

        try:
            db = open_database(info.db_path, data_key)
        except WrongPassphrase as exc:
            wipe(data_key)
            if not key_proven:
                raise
            raise damaged(
                info.directory, Message("reflect.db does not open with its own key")
            ) from exc
        except BaseException:
            wipe(data_key)
            raise
        try:
            if schema.is_fresh(db):
                raise damaged(info.directory, Message("reflect.db holds none of Reflect's tables"))
            if migrate:
                self._migrate(info, db, data_key)
        except Exception as exc:
            close_database(db)
            wipe(data_key)
            if is_sqlite_error(exc):
                raise translate(exc, info.directory, info.directory) from exc
            raise
        except BaseException:
            close_database(db)
            wipe(data_key)
            raise
        return db

    def migrate_under_lock(
        self,
        info: ProfileInfo,
        db: sqlite_utils.Database,
        key: bytearray,
        on_wait: Callable[[str], None] | None = None,
    ) -> None:
        """For a reader opened with ``migrate=False``: bring the schema up to date.

        Migrating writes (a backup, then the schema), so it takes the writer lock like any
        writer: a bounded wait, then ProfileBusy. A current schema needs no lock at all.
        """
        from reflect.storage import migrations as schema

        try:
            schema.refuse_newer(db)
            if schema.has_pending(db):
                with writing(info.directory, on_wait=on_wait):
                    self._migrate(info, db, key)  # looks again: the writer may have done it
        except Exception as exc:
            if is_sqlite_error(exc):
                raise translate(exc, info.directory, info.directory) from exc
            raise

    def _migrate(self, info: ProfileInfo, db: sqlite_utils.Database, key: bytearray) -> None:
        from reflect.storage import migrations as schema

        if schema.has_pending(db):
            backups = ensure_private_dir(info.directory / "backups")
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
            target = backups / f"pre-migration-{stamp}.reflect-backup"
            backup_to(db, target, key, vault_path=info.vault_path)
        schema.apply_migrations(db)

    # --- change -------------------------------------------------------------------------

    def has_recovery_key(self, info: ProfileInfo) -> bool:
        return bool(recovery.recovery_seals(self._read_vault(info)))

    def create_recovery_key(self, info: ProfileInfo, data_key: bytearray) -> str:
        """Seal the data key under a new recovery key (replacing any old one) and return it."""
        backups = info.directory / "backups"
        return recovery.replace_recovery(info.vault_path, self._read_vault(info), data_key, backups)

    def remove_recovery_key(self, info: ProfileInfo) -> None:
        backups = info.directory / "backups"
        recovery.remove_recovery(info.vault_path, self._read_vault(info), backups)

    def change_passphrase(
        self, info: ProfileInfo, db: sqlite_utils.Database, old_key: bytearray, new_passphrase: str
    ) -> tuple[bytearray, str | None]:
        """Rotate the data key (PRAGMA rekey) and seal it under the new passphrase.

        Returns the new data key and, when the profile had a recovery key, its replacement:
        the old recovery key must stop working once the passphrase changes.
        """
        check_length(new_passphrase)
        vault = self._read_vault(info)
        new_key = new_data_key()
        params = KdfParams.from_dict(vault["passphrase"]["kdf"]).with_new_salt()
        vault["passphrase"] = _seal(new_passphrase, params, new_key)
        rotation = recovery.rotate_recovery(vault, old_key, new_key)
        code = rotation.code
        # The pending vault is written first: if the process dies mid-rekey, whichever key the
        # database ended up with is sealed in vault.json or vault.json.pending.
        pending = pending_path(info.directory)
        # Marked: if a crash interrupts, the new recovery key was never shown (promote_pending).
        write_private_json(pending, {**vault, UNSEEN_RECOVERY: True} if code else vault)
        db.conn.execute(f"PRAGMA rekey = \"x'{bytes(new_key).hex()}'\"")
        # The pending vault goes last, once everything else is written: until this returns the
        # new recovery key was never shown, and a crash before must leave the mark that says
        # so (a vault.json claiming a recovery key nobody saw would fail the person later).
        write_private_json(info.vault_path, vault)
        rotation.reseal_backups(info.directory / "backups")
        pending.unlink()
        fsync_dir(info.directory)
        return new_key, code

    def delete(self, info: ProfileInfo) -> None:
        """Remove the profile folder for real (storage/profile_folders.py)."""
        if info.directory.parent.resolve() != self.profiles_dir.resolve():
            raise VaultError("Refusing to delete a folder outside the profiles directory.")
        profile_folders.remove_profile_folder(self.profiles_dir, info.directory)
