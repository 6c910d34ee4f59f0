"""Encrypted, verified copies of a profile database (SQLite online backup API).

A backup is keyed with the profile's data key, so no key derivation is needed to write one.
Because a passphrase change rotates that key, each backup gets a small sidecar
(``<name>.key.json``, 0600) holding the data key *sealed* exactly as vault.json held it at
the time: the passphrase of that day still opens an old backup. The sidecar holds nothing
vault.json does not already hold.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reflect.domain.errors import cut
from reflect.domain.profile import read_vault_json
from reflect.domain.safe_json import JsonLimitError
from reflect.paths import sync_folder as fsync_dir
from reflect.paths import write_private_file
from reflect.private_output import working_file
from reflect.storage.database import _sqlcipher, connect_encrypted, is_plain_sqlite, key_pragma
from reflect.storage.errors import PlaintextDatabase, VaultError, WrongPassphrase
from reflect.storage.failures import reason, translate

if TYPE_CHECKING:
    import sqlite_utils

SIDECAR_SUFFIX = ".key.json"
INTERNAL_TABLE_PREFIXES = ("sqlite_",)


def connect_readonly(path: Path, raw_key: bytes | bytearray) -> Any:
    """Open an encrypted file read-only (a backup or archive must never be modified by reading).

    Raises WrongPassphrase when the key does not open it and PlaintextDatabase for plain SQLite.
    """
    path = Path(path)
    if not path.is_file():
        raise VaultError("There is no file at {path}.", path=path)
    if is_plain_sqlite(path):
        raise PlaintextDatabase(
            "{name} is an unencrypted SQLite file, not a Reflect backup; it was not used.",
            name=path.name,
        )
    sqlcipher3 = _sqlcipher()
    conn = sqlcipher3.connect(
        f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False
    )
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")  # before the key: no "hmac" lines
        conn.execute(key_pragma(raw_key))
        conn.execute("PRAGMA cipher_memory_security = ON")
        conn.execute("PRAGMA temp_store = MEMORY")
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.OperationalError as exc:
            raise translate(exc, path.parent) from exc
        except sqlcipher3.DatabaseError as exc:
            raise WrongPassphrase() from exc
    except BaseException:
        conn.close()
        raise
    return conn


def user_tables(conn: Any) -> list[str]:
    rows = conn.execute(
        "SELECT name FROM sqlite_master "
        "WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
    )
    return [r[0] for r in rows]


def integrity_problems(conn: Any) -> list[str]:
    """Problems found by SQLite's integrity check and SQLCipher's page HMAC check (empty: ok)."""
    sqlcipher3 = _sqlcipher()
    try:
        problems = [str(r[0]) for r in conn.execute("PRAGMA integrity_check").fetchall()]
    except sqlcipher3.DatabaseError as exc:  # a damaged page can stop the check itself
        problems = [str(exc)]
    found = [] if problems == ["ok"] else problems
    try:
        found.extend(str(r[0]) for r in conn.execute("PRAGMA cipher_integrity_check").fetchall())
    except sqlcipher3.DatabaseError as exc:
        found.append(str(exc))
    return found


def table_counts(conn: Any) -> dict[str, int]:
    return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in user_tables(conn)}


def verify_database(path: Path, raw_key: bytes | bytearray) -> dict[str, int]:
    """Open ``path`` with the key, run both integrity checks, return row counts per table."""
    conn = connect_readonly(path, raw_key)
    try:
        problems = integrity_problems(conn)
        if problems:
            raise VaultError(
                "The integrity check failed for {name}: {problems}",
                name=Path(path).name,
                problems=cut("; ".join(problems[:3]), 160),
            )
        try:
            return table_counts(conn)
        except _sqlcipher().DatabaseError as exc:
            raise VaultError(
                "{name} is damaged: {error}", name=Path(path).name, error=cut(exc, 120)
            ) from exc
    finally:
        conn.close()


def sidecar_path(backup: Path) -> Path:
    return Path(backup).with_name(Path(backup).name + SIDECAR_SUFFIX)


def write_key_sidecar(backup: Path, vault_path: Path, *, keep_previous: bool = False) -> None:
    """Keep the sealed keys of vault.json beside ``backup`` (see the module docstring).

    ``keep_previous``: ``backup`` is about to be replaced, so the sidecar also keeps the
    seals that open the file still there (``previous``) until the new file is in place; a
    kill in between leaves keys that open whichever of the two files is there.
    """
    try:
        vault = read_vault_json(Path(vault_path))
    except (OSError, ValueError):  # JsonLimitError is a ValueError
        return  # no readable vault: the backup still opens with the current key
    if not isinstance(vault, dict):
        return
    sealed = {"format": 1, "passphrase": vault.get("passphrase"), "recovery": vault.get("recovery")}
    earlier = _readable_sidecar(backup) if keep_previous else None
    if earlier is not None and earlier.get("passphrase") != sealed["passphrase"]:
        sealed["previous"] = {
            "passphrase": earlier["passphrase"],
            "recovery": earlier.get("recovery"),
        }
    write_private_file(sidecar_path(backup), json.dumps(sealed, indent=2).encode("utf-8"))


def _readable_sidecar(backup: Path) -> dict[str, Any] | None:
    try:
        return read_key_sidecar(backup)
    except VaultError:
        return None  # unreadable: it opened nothing anyway


def sidecar_seals(sidecar: dict[str, Any]) -> list[dict[str, Any]]:
    """The sets of sealed keys a sidecar holds: its own, then one kept while its backup was
    being replaced (``previous``)."""
    seals = [sidecar]
    previous = sidecar.get("previous")
    if isinstance(previous, dict) and isinstance(previous.get("passphrase"), dict):
        seals.append(previous)
    return seals


# ``old`` for reseal_recovery_in_sidecars: every sidecar holding any recovery seal.
ANY_RECOVERY = object()


def reseal_recovery_in_sidecars(folder: Path, old: object, new: dict[str, Any] | None) -> None:
    """Give every sidecar in ``folder`` that holds the recovery seal ``old`` the seal ``new``.

    A replaced or removed recovery key must stop working: a backup's .key.json sealing the
    same data key under the old code would otherwise still open the profile.
    """
    if not old or not Path(folder).is_dir():
        return
    for sidecar in sorted(Path(folder).glob("*" + SIDECAR_SUFFIX)):
        try:
            data = read_vault_json(sidecar)  # limited: a FIFO here would block forever
        except (OSError, ValueError):
            continue
        if not isinstance(data, dict):
            continue
        changed = False
        for seals in sidecar_seals(data):
            held = seals.get("recovery")
            if held and (old is ANY_RECOVERY or held == old):
                seals["recovery"] = new
                changed = True
        if changed:
            # Runs after the vault changed: a full disk here must not undo or hide that.
            with contextlib.suppress(OSError):
                write_private_file(sidecar, json.dumps(data, indent=2).encode("utf-8"))


def read_key_sidecar(backup: Path) -> dict[str, Any] | None:
    """The sealed keys beside ``backup``; None when there is no sidecar or it holds none.

    A sidecar that is there but cannot be read within the limits (a FIFO, megabytes, nested
    100,000 deep) is reported, naming the file: saying "wrong passphrase" would mislead.
    """
    path = sidecar_path(backup)
    if not os.path.lexists(path):
        return None
    try:
        data = read_vault_json(path)
    except JsonLimitError as exc:
        raise VaultError(
            "Cannot read {name}: {error}. Nothing was changed.", name=path.name, error=exc.problem
        ) from exc
    return data if isinstance(data, dict) and isinstance(data.get("passphrase"), dict) else None


def _remove_earlier_tmp(target: Path) -> None:
    """What earlier versions left beside ``target`` when killed (``<target>.tmp``), only
    regular files: Reflect's own name for that very target, never followed through a link."""
    for side in ("", "-wal", "-shm"):
        earlier = Path(f"{target}.tmp{side}")
        with contextlib.suppress(OSError):
            if stat.S_ISREG(earlier.lstat().st_mode):
                earlier.unlink()


def _encrypted_copy(db: sqlite_utils.Database, tmp: Path, raw_key: bytes | bytearray) -> None:
    dest = connect_encrypted(tmp, raw_key, create=True)
    try:
        db.conn.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")
    finally:
        dest.close()


def backup_to(
    db: sqlite_utils.Database,
    target: Path,
    raw_key: bytes | bytearray,
    vault_path: Path | None = None,
) -> dict[str, int]:
    """Write a verified encrypted copy of ``db`` to ``target`` atomically; return its counts.

    The copy is made as a working file beside ``target`` (reflect.private_output): killed,
    it is removed by the next backup or export into that folder (or the next unlock, for
    the profile's own backups folder).
    """
    target = Path(target)
    _remove_earlier_tmp(target)
    with working_file(target.parent) as tmp:
        try:
            # A damaged page in the profile, a full disk: no copy, and never called verified.
            _encrypted_copy(db, tmp, raw_key)
            counts = _verified_counts(db, tmp, raw_key)
            replacing = vault_path is not None and target.exists()
            if vault_path is not None:
                write_key_sidecar(target, vault_path, keep_previous=replacing)
            os.replace(tmp, target)
            fsync_dir(target.parent)
            if replacing and vault_path is not None:
                write_key_sidecar(target, vault_path)  # the older file's seals go with it
        except _sqlcipher().Error as exc:
            raise translate(exc, target.parent) from exc
    return counts


def _verified_counts(
    db: sqlite_utils.Database, tmp: Path, raw_key: bytes | bytearray
) -> dict[str, int]:
    try:
        counts = verify_database(tmp, raw_key)
    except VaultError as exc:
        raise VaultError(
            "No backup was written: the copy failed its integrity check, so the profile's "
            "database is damaged ({error}). Run 'reflect check'; the latest good backup "
            "can be brought back with 'reflect restore'.",
            error=reason(exc, 120),
        ) from exc
    expected = {t: db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in counts}
    if counts != expected:
        raise VaultError("The backup copy does not match the profile; it was discarded.")
    return counts


def copy_verified(source: Path, target: Path, raw_key: bytes | bytearray) -> dict[str, int]:
    """Copy an existing backup file to ``target`` (atomically, 0600) and verify the copy.

    The key sidecar goes first (as in ``backup_to``), itself written atomically."""
    target = Path(target)
    _remove_earlier_tmp(target)
    with working_file(target.parent) as tmp:
        # O_EXCL: the working name is new; never written through a link placed there.
        fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        with os.fdopen(fd, "wb") as dst, open(source, "rb") as src:
            shutil.copyfileobj(src, dst)
            dst.flush()
            os.fsync(dst.fileno())
        counts = verify_database(tmp, raw_key)
        keys = sidecar_path(source)
        if keys.is_file() and not keys.is_symlink():
            write_private_file(sidecar_path(target), keys.read_bytes())
        os.replace(tmp, target)
        fsync_dir(target.parent)
    return counts
