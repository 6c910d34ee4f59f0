"""Profiles on disk: each one an encrypted database plus a vault.json with its KDF parameters."""

from __future__ import annotations

import json
import os
import re
import secrets
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from reflect.domain.passphrase import MIN_PASSPHRASE_LENGTH
from reflect.domain.profile import ProfileInfo, list_profile_infos, read_profile_info
from reflect.paths import ensure_private_dir
from reflect.storage.backup import backup_to
from reflect.storage.database import close_database, open_database
from reflect.storage.errors import TooManyAttempts, VaultError, WrongPassphrase
from reflect.storage.kdf import KdfParams, calibrate, derive_key, wipe
from reflect.storage.migrations import apply_migrations, has_pending, is_fresh
from reflect.storage.throttle import UnlockThrottle

VAULT_FORMAT = 1


def write_private_json(path: Path, data: dict[str, object]) -> None:
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(data, handle, indent=2)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def _slug(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:24]
    return slug or "profile"


class ProfileStore:
    """Lists, creates and opens the profiles in one data folder."""

    def __init__(self, profiles_dir: Path) -> None:
        self.profiles_dir = profiles_dir
        self._throttles: dict[str, UnlockThrottle] = {}

    def list_profiles(self) -> list[ProfileInfo]:
        return list_profile_infos(self.profiles_dir)

    def get(self, profile_id: str) -> ProfileInfo:
        info = read_profile_info(self.profiles_dir / profile_id)
        if info is None:
            raise VaultError(f"There is no profile called '{profile_id}'.")
        return info

    def _kdf_params(self, info: ProfileInfo) -> KdfParams:
        try:
            data = json.loads(info.vault_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise VaultError(f"Cannot read {info.vault_path}: {exc}") from exc
        if data.get("format") != VAULT_FORMAT:
            raise VaultError("This profile's vault.json comes from an unknown version of Reflect.")
        return KdfParams.from_dict(data["kdf"])

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
        if len(passphrase) < MIN_PASSPHRASE_LENGTH:
            raise VaultError(f"Please use a passphrase of at least {MIN_PASSPHRASE_LENGTH} characters.")
        ensure_private_dir(self.profiles_dir)
        base = profile_id or _slug(display_name or "profile")
        candidate, n = base, 1
        while (self.profiles_dir / candidate).exists():
            n += 1
            candidate = f"{base}-{n}"
        directory = ensure_private_dir(self.profiles_dir / candidate)
        params = kdf or calibrate()
        info = ProfileInfo(
            profile_id=candidate,
            display_name=display_name.strip() or candidate,
            directory=directory,
            created_at=datetime.now(UTC).isoformat(timespec="seconds"),
            is_demo=is_demo,
        )
        write_private_json(
            info.vault_path,
            {
                "format": VAULT_FORMAT,
                "display_name": display_name.strip(),
                "created_at": info.created_at,
                "is_demo": is_demo,
                "kdf": params.to_dict(),
            },
        )
        key = derive_key(passphrase, params)
        try:
            db = open_database(info.db_path, key, create=True)
            try:
                apply_migrations(db)
            finally:
                close_database(db)
        except BaseException:
            info.db_path.unlink(missing_ok=True)
            info.vault_path.unlink(missing_ok=True)
            raise
        finally:
            wipe(key)
        return info

    def derive(self, info: ProfileInfo, passphrase: str) -> bytearray:
        return derive_key(passphrase, self._kdf_params(info))

    def unlock(self, info: ProfileInfo, passphrase: str) -> tuple[sqlite_utils.Database, bytearray]:
        """Open the profile; the caller owns the returned key and wipes it when locking."""
        throttle = self._throttles.setdefault(info.profile_id, UnlockThrottle())
        wait = throttle.seconds_to_wait()
        if wait > 0:
            raise TooManyAttempts(wait)
        key = self.derive(info, passphrase)
        try:
            db = open_database(info.db_path, key)
        except WrongPassphrase:
            wipe(key)
            throttle.record_failure()
            raise
        except BaseException:
            wipe(key)
            raise
        throttle.record_success()
        try:
            self._migrate(info, db, key)
        except BaseException:
            close_database(db)
            wipe(key)
            raise
        return db, key

    def _migrate(self, info: ProfileInfo, db: sqlite_utils.Database, key: bytearray) -> None:
        if has_pending(db) and not is_fresh(db):
            backups = ensure_private_dir(info.directory / "backups")
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
            backup_to(db, backups / f"pre-migration-{stamp}.reflect-backup", key)
        apply_migrations(db)

    def change_passphrase(
        self, info: ProfileInfo, db: sqlite_utils.Database, old_key: bytearray, new_passphrase: str
    ) -> bytearray:
        """Re-key the open database with a new passphrase (and a fresh salt); return the new key."""
        if len(new_passphrase) < MIN_PASSPHRASE_LENGTH:
            raise VaultError(f"Please use a passphrase of at least {MIN_PASSPHRASE_LENGTH} characters.")
        old = self._kdf_params(info)
        new_params = KdfParams(old.memory_kib, old.time_cost, old.parallelism, secrets.token_hex(16))
        new_key = derive_key(new_passphrase, new_params)
        data = json.loads(info.vault_path.read_text(encoding="utf-8"))
        # vault.json must name the parameters of whichever key the database has, so keep the
        # old one aside until rekey has finished; a crash in between leaves a recoverable pair.
        pending = dict(data, kdf=new_params.to_dict())
        write_private_json(info.directory / "vault.json.pending", pending)
        db.conn.execute(f"PRAGMA rekey = \"x'{bytes(new_key).hex()}'\"")
        write_private_json(info.vault_path, pending)
        (info.directory / "vault.json.pending").unlink(missing_ok=True)
        return new_key

    def delete(self, info: ProfileInfo) -> None:
        """Remove the profile folder for real: database, WAL, backups and vault file."""
        import shutil

        if info.directory.parent.resolve() != self.profiles_dir.resolve():
            raise VaultError("Refusing to delete a folder outside the profiles directory.")
        shutil.rmtree(info.directory)
