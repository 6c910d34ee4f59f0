"""Profiles on disk: an encrypted database plus a vault.json holding its wrapped key.

The database is keyed with a random data key (DEK). vault.json keeps that key sealed
(AES-GCM) under a key derived with Argon2id from the passphrase, and optionally sealed a
second time under a key derived from a printed recovery key. The passphrase is never stored.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from reflect.domain.passphrase import MIN_PASSPHRASE_LENGTH
from reflect.domain.profile import ProfileInfo, list_profile_infos, read_profile_info
from reflect.paths import ensure_private_dir, write_private_file
from reflect.storage.backup import backup_to
from reflect.storage.database import close_database, open_database
from reflect.storage.errors import TooManyAttempts, VaultError, WrongPassphrase
from reflect.storage.kdf import KdfParams, calibrate, derive_key, wipe
from reflect.storage.keywrap import (
    new_data_key,
    new_recovery_code,
    normalise_recovery_code,
    unwrap,
    wrap,
)
from reflect.storage.migrations import apply_migrations, has_pending, is_fresh
from reflect.storage.throttle import UnlockThrottle

VAULT_FORMAT = 1


def write_private_json(path: Path, data: dict[str, Any]) -> None:
    """vault.json and the like: atomic, fsynced, 0600 (see ``paths.write_private_file``)."""
    write_private_file(path, json.dumps(data, indent=2).encode("utf-8"))


def _slug(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:24]
    return slug or "profile"


def _check_length(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise VaultError(f"Please use a passphrase of at least {MIN_PASSPHRASE_LENGTH} characters.")


def _seal(secret: str, params: KdfParams, data_key: bytearray) -> dict[str, Any]:
    kek = derive_key(secret, params)
    try:
        return {"kdf": params.to_dict(), "wrapped_key": wrap(data_key, kek)}
    finally:
        wipe(kek)


def _open_seal(secret: str, sealed: dict[str, Any]) -> bytearray:
    params = KdfParams.from_dict(sealed["kdf"])
    kek = derive_key(secret, params)
    try:
        return unwrap(sealed["wrapped_key"], kek)
    finally:
        wipe(kek)


class ProfileStore:
    """Lists, creates, unlocks and changes the profiles in one data folder."""

    def __init__(self, profiles_dir: Path, *, fast_kdf: bool = False) -> None:
        self.profiles_dir = profiles_dir
        self.fast_kdf = fast_kdf
        self._throttles: dict[str, UnlockThrottle] = {}

    def list_profiles(self) -> list[ProfileInfo]:
        return list_profile_infos(self.profiles_dir)

    def get(self, profile_id: str) -> ProfileInfo:
        info = read_profile_info(self.profiles_dir / profile_id)
        if info is None:
            raise VaultError(f"There is no profile called '{profile_id}'.")
        return info

    def _new_params(self) -> KdfParams:
        return KdfParams.floor() if self.fast_kdf else calibrate()

    def _read_vault(self, info: ProfileInfo) -> dict[str, Any]:
        try:
            data = json.loads(info.vault_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise VaultError(f"Cannot read {info.vault_path}: {exc}") from exc
        if not isinstance(data, dict) or data.get("format") != VAULT_FORMAT:
            raise VaultError("This profile's vault.json comes from an unknown version of Reflect.")
        if not isinstance(data.get("passphrase"), dict):
            raise VaultError("This profile's vault.json is damaged (no sealed key).")
        return data

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
        _check_length(passphrase)
        ensure_private_dir(self.profiles_dir)
        base = profile_id or _slug(display_name or "profile")
        candidate, n = base, 1
        while (self.profiles_dir / candidate).exists():
            n += 1
            candidate = f"{base}-{n}"
        directory = ensure_private_dir(self.profiles_dir / candidate)
        info = ProfileInfo(
            profile_id=candidate,
            display_name=display_name.strip() or candidate,
            directory=directory,
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
            try:
                apply_migrations(db)
            finally:
                close_database(db)
            write_private_json(info.vault_path, vault)
        except BaseException:
            shutil.rmtree(directory, ignore_errors=True)
            raise
        finally:
            wipe(data_key)
        return info

    # --- unlock -------------------------------------------------------------------------

    def unlock(self, info: ProfileInfo, passphrase: str) -> tuple[sqlite_utils.Database, bytearray]:
        """Open the profile; the caller owns the returned key and wipes it when locking."""
        vault = self._read_vault(info)
        recovered = self._finish_interrupted_change(info, passphrase)
        if recovered is not None:
            return recovered
        data_key = self._throttled(info, lambda: _open_seal(passphrase, vault["passphrase"]))
        return self._open(info, data_key), data_key

    def _finish_interrupted_change(
        self, info: ProfileInfo, passphrase: str
    ) -> tuple[sqlite_utils.Database, bytearray] | None:
        """Complete a passphrase change that a crash interrupted between rekey and rename."""
        pending = info.directory / "vault.json.pending"
        if not pending.exists():
            return None
        try:
            data = json.loads(pending.read_text(encoding="utf-8"))
            data_key = _open_seal(passphrase, data["passphrase"])
        except (OSError, ValueError, KeyError, TypeError, VaultError):
            return None  # typed the old passphrase, or the pending file is incomplete
        try:
            db = self._open(info, data_key)
        except WrongPassphrase:
            pending.unlink(missing_ok=True)  # the rekey never happened: the old vault is right
            return None
        os.replace(pending, info.vault_path)
        return db, data_key

    def unlock_with_recovery(
        self, info: ProfileInfo, recovery_code: str, new_passphrase: str
    ) -> tuple[sqlite_utils.Database, bytearray]:
        """Open with the printed recovery key and set a new passphrase at the same time."""
        _check_length(new_passphrase)
        vault = self._read_vault(info)
        if not vault.get("recovery"):
            raise VaultError("This profile has no recovery key.")
        code = normalise_recovery_code(recovery_code)
        data_key = self._throttled(info, lambda: _open_seal(code, vault["recovery"]))
        db = self._open(info, data_key)
        params = KdfParams.from_dict(vault["passphrase"]["kdf"]).with_new_salt()
        vault["passphrase"] = _seal(new_passphrase, params, data_key)
        write_private_json(info.vault_path, vault)
        return db, data_key

    def _throttled(self, info: ProfileInfo, attempt: Any) -> bytearray:
        throttle = self._throttles.setdefault(info.profile_id, UnlockThrottle())
        wait = throttle.seconds_to_wait()
        if wait > 0:
            raise TooManyAttempts(wait)
        try:
            key: bytearray = attempt()
        except WrongPassphrase:
            throttle.record_failure()
            raise
        throttle.record_success()
        return key

    def _open(self, info: ProfileInfo, data_key: bytearray) -> sqlite_utils.Database:
        try:
            db = open_database(info.db_path, data_key)
        except BaseException:
            wipe(data_key)
            raise
        try:
            self._migrate(info, db, data_key)
        except BaseException:
            close_database(db)
            wipe(data_key)
            raise
        return db

    def _migrate(self, info: ProfileInfo, db: sqlite_utils.Database, key: bytearray) -> None:
        if has_pending(db) and not is_fresh(db):
            backups = ensure_private_dir(info.directory / "backups")
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
            target = backups / f"pre-migration-{stamp}.reflect-backup"
            backup_to(db, target, key, vault_path=info.vault_path)
        apply_migrations(db)

    # --- change -------------------------------------------------------------------------

    def has_recovery_key(self, info: ProfileInfo) -> bool:
        return bool(self._read_vault(info).get("recovery"))

    def create_recovery_key(self, info: ProfileInfo, data_key: bytearray) -> str:
        """Seal the data key under a new recovery key (replacing any old one) and return it."""
        vault = self._read_vault(info)
        code = new_recovery_code()
        vault["recovery"] = _seal(code, KdfParams.floor(), data_key)
        write_private_json(info.vault_path, vault)
        return code

    def remove_recovery_key(self, info: ProfileInfo) -> None:
        vault = self._read_vault(info)
        vault["recovery"] = None
        write_private_json(info.vault_path, vault)

    def change_passphrase(
        self, info: ProfileInfo, db: sqlite_utils.Database, old_key: bytearray, new_passphrase: str
    ) -> tuple[bytearray, str | None]:
        """Rotate the data key (PRAGMA rekey) and seal it under the new passphrase.

        Returns the new data key and, when the profile had a recovery key, its replacement:
        the old recovery key must stop working once the passphrase changes.
        """
        _check_length(new_passphrase)
        vault = self._read_vault(info)
        new_key = new_data_key()
        params = KdfParams.from_dict(vault["passphrase"]["kdf"]).with_new_salt()
        vault["passphrase"] = _seal(new_passphrase, params, new_key)
        code = None
        if vault.get("recovery"):
            code = new_recovery_code()
            vault["recovery"] = _seal(code, KdfParams.floor(), new_key)
        # The pending vault is written first: if the process dies mid-rekey, whichever key the
        # database ended up with is sealed in vault.json or vault.json.pending.
        pending = info.directory / "vault.json.pending"
        write_private_json(pending, vault)
        db.conn.execute(f"PRAGMA rekey = \"x'{bytes(new_key).hex()}'\"")
        os.replace(pending, info.vault_path)
        return new_key, code

    def delete(self, info: ProfileInfo) -> None:
        """Remove the profile folder for real: database, WAL, backups and vault file."""
        if info.directory.parent.resolve() != self.profiles_dir.resolve():
            raise VaultError("Refusing to delete a folder outside the profiles directory.")
        shutil.rmtree(info.directory)
