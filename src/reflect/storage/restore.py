"""Restoring a profile database from a backup: verify, copy aside, then one atomic swap.

Order matters for crash safety. The backup is verified and copied into ``reflect.db.restoring``
(verified again) while the profile is untouched; the current database is then copied to a
``pre-restore-…`` backup (or, if it cannot be opened, its raw encrypted files are kept), its
WAL is checkpointed and only then is the new file renamed over it. A crash at any point
leaves either the old or the new database, never a mix.
"""

from __future__ import annotations

import os
import shutil
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from reflect.domain.backup_rotation import BACKUP_SUFFIX
from reflect.domain.errors import cut
from reflect.domain.profile import ProfileInfo, read_vault_json
from reflect.domain.safe_json import JsonLimitError
from reflect.paths import ensure_private_dir
from reflect.private_output import working_file
from reflect.storage.backup import (
    backup_to,
    connect_readonly,
    fsync_dir,
    read_key_sidecar,
    sidecar_seals,
    verify_database,
)
from reflect.storage.database import close_database, connect_encrypted, open_database
from reflect.storage.errors import VaultError, WrongPassphrase
from reflect.storage.kdf import wipe
from reflect.storage.migrations import migrations, newer_than_code
from reflect.storage.pending_vault import UNSEEN_RECOVERY, pending_path
from reflect.storage.restore_swap import swap_in
from reflect.storage.search_index import make_agree
from reflect.storage.table_dump import data_tables

FIRST_MIGRATION = "m001_initial"
# The tables every Reflect database has had since the first version.
REQUIRED_TABLES = frozenset(
    {
        "reflections",
        "follow_ups",
        "drafts",
        "checkins",
        "instrument_results",
        "plan",
        "help_contacts",
        "settings",
        "dismissed_notices",
        "debriefs",
    }
)
# A backup is empty when no data table but these holds a row. The tables are read from the
# backup (table_dump.data_tables), so rows of tables later migrations added count too: a
# supervisor's supervisees, an exposure log's shifts.
NOT_WRITTEN_BY_THE_PERSON = frozenset({"dismissed_notices"})


@dataclass(frozen=True)
class RestoreResult:
    counts: dict[str, int]
    safety_copy: Path | None
    passphrase_from_backup: bool  # the backup predates a passphrase change


def unseal(passphrase: str, sealed: dict[str, Any]) -> bytearray:
    from reflect.storage.vault import open_seal_forms

    return open_seal_forms(passphrase, sealed)[0]


def _opens(path: Path, key: bytearray) -> bool:
    try:
        connect_readonly(path, key).close()
    except WrongPassphrase:
        return False
    return True


def read_vault(info: ProfileInfo) -> dict[str, Any]:
    """The profile's vault.json read as unlock reads it (limited: a FIFO, a file of megabytes
    or one nested 100,000 deep is refused, naming the file, before anything changes)."""
    try:
        vault = read_vault_json(info.vault_path)
    except JsonLimitError as exc:
        raise VaultError(
            "Cannot read {name}: {error}. Nothing was changed.",
            name=info.vault_path.name,
            error=exc.problem,
        ) from exc
    if not isinstance(vault, dict):
        raise VaultError("This profile's vault.json is damaged (no sealed key).")
    return vault


def resolve_backup_key(
    info: ProfileInfo, backup: Path, passphrase: str
) -> tuple[bytearray | None, bytearray, dict[str, Any] | None]:
    """(current key or None, key that opens ``backup``, sidecar seals if they were needed).

    The passphrase may be today's (the usual case) or, for a backup written before a
    passphrase change, the one the profile had then.
    """
    current: bytearray | None = None
    vault = read_vault(info)
    try:
        current = unseal(passphrase, vault["passphrase"])
    except WrongPassphrase:
        current = None
    except (ValueError, KeyError, TypeError) as exc:
        raise VaultError(
            "Cannot read this profile's vault.json: {error}", error=cut(exc, 200)
        ) from exc
    if current is not None and _opens(backup, current):
        return current, bytearray(current), None
    sidecar = read_key_sidecar(backup)
    # A sidecar written while its backup was being replaced also holds the older file's
    # seals: whichever file is there, one of them opens it.
    for seals in sidecar_seals(sidecar) if sidecar is not None else []:
        try:
            old = unseal(passphrase, seals["passphrase"])
        except WrongPassphrase:
            old = None
        if old is not None and _opens(backup, old):
            return current, old, seals
        wipe(old)
    wipe(current)
    if current is None:
        raise WrongPassphrase()
    if sidecar is None:
        # Without the sidecar nothing says a passphrase change happened: the file may as well
        # be damaged or come from another profile. Do not guess the happier story.
        raise VaultError(
            "{name} does not open with this profile's key: it is damaged, belongs to another "
            "profile, or was written before a passphrase change and its .key.json file is not "
            "beside it. Nothing was changed.",
            name=backup.name,
        )
    raise VaultError(
        "This backup was written before the passphrase was changed. Enter the passphrase "
        "the profile had when the backup was made."
    )


# SQLite pages are 512 bytes to 64 KiB (Reflect writes 4 KiB pages): a valid database file is
# a whole number of them. An empty, one-byte or cut-short file is refused before any key work.
_MIN_PAGE = 512


def _starts_with(path: Path, magic: bytes) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(len(magic)) == magic
    except OSError:
        return False


def check_backup_file(backup: Path) -> None:
    try:
        size = Path(backup).stat().st_size
    except OSError as exc:
        raise VaultError(
            "Cannot read {name}: {error}. Nothing was changed.",
            name=backup.name,
            error=cut(exc.strerror, 120),
        ) from exc
    if _starts_with(backup, b"PK\x03\x04") and zipfile.is_zipfile(backup):
        # An exported archive, not a backup: "cut short" would make a good file look broken.
        # (Both tests: an encrypted backup is random bytes, which may hold a zip's end mark.)
        raise VaultError(
            "{name} is a Reflect archive (or another zip file), not a backup: an archive is "
            "added to a profile with Import ('reflect import'). Nothing was changed.",
            name=backup.name,
        )
    if size < _MIN_PAGE or size % _MIN_PAGE:
        raise VaultError(
            "{name} is not a Reflect backup: it is empty or cut short ({size} byte). "
            "Nothing was changed."
            if size == 1
            else "{name} is not a Reflect backup: it is empty or cut short ({size} bytes). "
            "Nothing was changed.",
            name=backup.name,
            size=size,
        )


def _check_contents(backup: Path, key: bytearray, allow_empty: bool) -> None:
    """The backup must be a Reflect profile this build understands, and (usually) not empty."""
    conn = connect_readonly(backup, key)
    try:
        db = sqlite_utils.Database(conn, execute_plugins=False)
        tables = set(db.table_names())
        missing = sorted(REQUIRED_TABLES - tables)
        if missing or "_sqlite_migrations" not in tables:
            raise VaultError(
                "{name} is not a Reflect backup: tables are missing ({tables}). "
                "Nothing was changed.",
                name=backup.name,
                tables=", ".join(missing[:4]) or "_sqlite_migrations",
            )
        applied = {m.name for m in migrations.applied(db)}
        unknown = newer_than_code(db)
        kept = [t for t in data_tables(conn) if t not in NOT_WRITTEN_BY_THE_PERSON]
        rows = sum(conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in kept)
    finally:
        conn.close()
    if unknown:
        raise VaultError(
            "This backup was written by a newer version of Reflect; update Reflect to restore "
            "it. Nothing was changed."
        )
    if FIRST_MIGRATION not in applied:
        raise VaultError(
            "{name} has no known schema version; it is not a Reflect backup. Nothing was changed.",
            name=backup.name,
        )
    if rows == 0 and not allow_empty:
        raise VaultError(
            "{name} holds no reflections, check-ins or anything else: restoring it "
            "would empty the profile. Nothing was changed (on the command line, "
            "--allow-empty restores it anyway).",
            name=backup.name,
        )


def _unique_stamp(backups: Path) -> str:
    """A time stamp no earlier safety copy uses (two restores can run within one second)."""
    base = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    stamp, n = base, 1
    while (backups / f"pre-restore-{stamp}{BACKUP_SUFFIX}").exists() or (
        backups / f"pre-restore-{stamp}-files"
    ).exists():
        n += 1
        stamp = f"{base}-{n}"
    return stamp


def _safety_copy(info: ProfileInfo, current_key: bytearray | None) -> Path | None:
    """Keep the database being replaced: a verified backup, or its raw files if unreadable."""
    if not info.db_path.exists():
        return None
    backups = ensure_private_dir(info.directory / "backups")
    stamp = _unique_stamp(backups)
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
    # Copied into a working folder named only when whole: killed half way, no half copy
    # passes for a safety copy, and the next unlock removes it (reflect.private_output).
    folder = backups / f"pre-restore-{stamp}-files"
    with working_file(backups) as staging:
        ensure_private_dir(staging)
        for source in [Path(str(info.db_path) + s) for s in ("", "-wal", "-shm")]:
            if source.exists():
                shutil.copy2(source, staging / source.name)
                os.chmod(staging / source.name, 0o600)
        shutil.copy2(info.vault_path, staging / info.vault_path.name)
        os.chmod(staging / info.vault_path.name, 0o600)
        os.rename(staging, folder)
        fsync_dir(backups)
    return folder


def _old_keys_pending(info: ProfileInfo, sidecar: dict[str, Any] | None) -> Path | None:
    """Only the old passphrase was given: the profile goes back to the keys it had then.

    That vault is written as ``vault.json.pending`` before the database is swapped, and
    renamed over vault.json after: a crash in between leaves the pending vault, which the
    next unlock with that passphrase completes (``ProfileStore._finish_interrupted_change``),
    never a database that no vault opens.
    """
    if sidecar is None:
        return None
    from reflect.storage.vault import write_private_json

    vault = read_vault(info)
    vault.pop(UNSEEN_RECOVERY, None)  # the backup's recovery key was shown when it was made
    vault["passphrase"], vault["recovery"] = sidecar["passphrase"], sidecar.get("recovery")
    pending = pending_path(info.directory)
    write_private_json(pending, vault)
    return pending


def restore_database(
    info: ProfileInfo, backup: Path, passphrase: str, *, allow_empty: bool = False
) -> RestoreResult:
    """Replace the (locked) profile's database with ``backup``. The profile must be closed.

    The caller holds the profile's writer lock. ``allow_empty`` accepts a backup without a
    single row (otherwise refused: restoring it would empty the profile).
    """
    backup = Path(backup)
    check_backup_file(backup)
    current, key, sidecar = resolve_backup_key(info, backup, passphrase)
    staging = info.db_path.with_name(info.db_path.name + ".restoring")
    try:
        verify_database(backup, key)
        _check_contents(backup, key, allow_empty)
        for leftover in (staging, Path(f"{staging}-wal"), Path(f"{staging}-shm")):
            leftover.unlink(missing_ok=True)
        source = connect_readonly(backup, key)
        try:
            dest = connect_encrypted(staging, key, create=True)
            try:
                source.backup(dest)
                # A backup keeps the search index as it was; one that had gone out of step
                # with the reflections would hide some of them, so it is rebuilt here.
                make_agree(dest)
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
        pending = _old_keys_pending(info, sidecar) if current is None else None
        try:
            swap_in(staging, info.db_path)  # a crash once it has begun is finished later
        except BaseException:
            if pending is not None and staging.exists():  # not swapped: nothing changes
                pending.unlink(missing_ok=True)
            raise
        if pending is not None:
            os.replace(pending, info.vault_path)
            fsync_dir(info.directory)
        return RestoreResult(counts, safety, passphrase_from_backup=current is None)
    except BaseException:
        staging.unlink(missing_ok=True)
        raise
    finally:
        wipe(key)
        wipe(current)
