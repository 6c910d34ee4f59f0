"""Restoring a profile database from a backup: verify, copy aside, then one atomic swap.

Order matters for crash safety. The backup is verified and copied into ``reflect.db.restoring``
(verified again) while the profile is untouched; the current database is then copied to a
``pre-restore-…`` backup (or, if it cannot be opened, its raw encrypted files are kept), its
WAL is checkpointed and only then is the new file renamed over it. A crash at any point
leaves either the old or the new database, never a mix.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from reflect.domain.backup_rotation import BACKUP_SUFFIX
from reflect.domain.profile import ProfileInfo
from reflect.paths import ensure_private_dir
from reflect.storage.backup import (
    backup_to,
    connect_readonly,
    fsync_dir,
    read_key_sidecar,
    verify_database,
)
from reflect.storage.database import close_database, connect_encrypted, open_database
from reflect.storage.errors import VaultError, WrongPassphrase
from reflect.storage.kdf import KdfParams, derive_key, wipe
from reflect.storage.keywrap import unwrap
from reflect.storage.migrations import newer_than_code


@dataclass(frozen=True)
class RestoreResult:
    counts: dict[str, int]
    safety_copy: Path | None
    passphrase_from_backup: bool  # the backup predates a passphrase change


def unseal(passphrase: str, sealed: dict[str, Any]) -> bytearray:
    params = KdfParams.from_dict(sealed["kdf"])
    kek = derive_key(passphrase, params)
    try:
        return unwrap(sealed["wrapped_key"], kek)
    finally:
        wipe(kek)


def _opens(path: Path, key: bytearray) -> bool:
    try:
        connect_readonly(path, key).close()
    except WrongPassphrase:
        return False
    return True


def resolve_backup_key(
    info: ProfileInfo, backup: Path, passphrase: str
) -> tuple[bytearray | None, bytearray, dict[str, Any] | None]:
    """(current key or None, key that opens ``backup``, sidecar seals if they were needed).

    The passphrase may be today's (the usual case) or, for a backup written before a
    passphrase change, the one the profile had then.
    """
    current: bytearray | None = None
    try:
        vault = json.loads(info.vault_path.read_text(encoding="utf-8"))
        current = unseal(passphrase, vault["passphrase"])
    except WrongPassphrase:
        current = None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise VaultError(f"Cannot read this profile's vault.json: {exc}") from exc
    if current is not None and _opens(backup, current):
        return current, bytearray(current), None
    sidecar = read_key_sidecar(backup)
    if sidecar is not None:
        try:
            old = unseal(passphrase, sidecar["passphrase"])
        except WrongPassphrase:
            old = None
        if old is not None and _opens(backup, old):
            return current, old, sidecar
        wipe(old)
    wipe(current)
    if current is None:
        raise WrongPassphrase()
    raise VaultError(
        "This backup was written before the passphrase was changed. Enter the passphrase "
        "the profile had when the backup was made."
    )


def _check_schema(backup: Path, key: bytearray) -> None:
    conn = connect_readonly(backup, key)
    try:
        unknown = newer_than_code(sqlite_utils.Database(conn, execute_plugins=False))
    finally:
        conn.close()
    if unknown:
        raise VaultError(
            "This backup was written by a newer version of Reflect; update Reflect to restore "
            "it. Nothing was changed."
        )


def _safety_copy(info: ProfileInfo, current_key: bytearray | None) -> Path | None:
    """Keep the database being replaced: a verified backup, or its raw files if unreadable."""
    if not info.db_path.exists():
        return None
    backups = ensure_private_dir(info.directory / "backups")
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    target = backups / f"pre-restore-{stamp}{BACKUP_SUFFIX}"
    if current_key is not None:
        try:
            db = open_database(info.db_path, current_key)
        except VaultError:
            db = None
        if db is not None:
            try:
                backup_to(db, target, current_key, vault_path=info.vault_path)
                db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                return target
            except (VaultError, OSError):
                pass  # damaged: fall through to the raw copy
            finally:
                close_database(db)
    # The database could not be opened (damaged, or today's passphrase was not given): keep
    # its encrypted files byte for byte, WAL included, so nothing is lost.
    folder = ensure_private_dir(backups / f"pre-restore-{stamp}-files")
    for suffix in ("", "-wal", "-shm"):
        source = Path(str(info.db_path) + suffix)
        if source.exists():
            shutil.copy2(source, folder / source.name)
            os.chmod(folder / source.name, 0o600)
    shutil.copy2(info.vault_path, folder / info.vault_path.name)
    os.chmod(folder / info.vault_path.name, 0o600)
    return folder


def restore_database(info: ProfileInfo, backup: Path, passphrase: str) -> RestoreResult:
    """Replace the (locked) profile's database with ``backup``. The profile must be closed."""
    backup = Path(backup)
    current, key, sidecar = resolve_backup_key(info, backup, passphrase)
    staging = info.db_path.with_name(info.db_path.name + ".restoring")
    try:
        verify_database(backup, key)
        _check_schema(backup, key)
        for leftover in (staging, Path(f"{staging}-wal"), Path(f"{staging}-shm")):
            leftover.unlink(missing_ok=True)
        source = connect_readonly(backup, key)
        try:
            dest = connect_encrypted(staging, key, create=True)
            try:
                source.backup(dest)
                if current is not None and sidecar is not None:
                    # An old-key backup is moved to today's key, so today's passphrase opens it.
                    dest.execute(f"PRAGMA rekey = \"x'{bytes(current).hex()}'\"")
                dest.execute("PRAGMA journal_mode = DELETE")
            finally:
                dest.close()
        finally:
            source.close()
        final_key = current if (current is not None and sidecar is not None) else key
        counts = verify_database(staging, final_key)
        safety = _safety_copy(info, current)
        for suffix in ("-wal", "-shm"):
            Path(str(info.db_path) + suffix).unlink(missing_ok=True)
        os.replace(staging, info.db_path)
        fsync_dir(info.directory)
        if current is None and sidecar is not None:
            # Only the old passphrase was given: the profile goes back to the keys it had then.
            vault = json.loads(info.vault_path.read_text(encoding="utf-8"))
            vault["passphrase"], vault["recovery"] = sidecar["passphrase"], sidecar.get("recovery")
            from reflect.storage.vault import write_private_json

            write_private_json(info.vault_path, vault)
        return RestoreResult(counts, safety, passphrase_from_backup=current is None)
    except BaseException:
        staging.unlink(missing_ok=True)
        raise
    finally:
        wipe(key)
        wipe(current)
