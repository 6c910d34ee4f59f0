"""Encrypted, verified copies of a profile database (SQLite online backup API)."""

from __future__ import annotations

import os
from pathlib import Path

import sqlite_utils

from reflect.storage.database import connect_encrypted
from reflect.storage.errors import VaultError


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:  # pragma: no cover - not possible on Windows
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def verify_database(path: Path, raw_key: bytes | bytearray) -> dict[str, int]:
    """Open ``path`` with the key, run both integrity checks, return row counts per table."""
    conn = connect_encrypted(path, raw_key)
    try:
        problems = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
        if problems != ["ok"]:
            raise VaultError(f"Integrity check failed for {path.name}: {problems[:3]}")
        cipher_problems = conn.execute("PRAGMA cipher_integrity_check").fetchall()
        if cipher_problems:
            raise VaultError(f"Encrypted page check failed for {path.name}: {cipher_problems[:3]}")
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        conn.close()


def backup_to(db: sqlite_utils.Database, target: Path, raw_key: bytes | bytearray) -> dict[str, int]:
    """Write a verified encrypted copy of ``db`` to ``target`` atomically; return its counts."""
    target = Path(target)
    tmp = target.with_name(target.name + ".tmp")
    for leftover in (tmp, Path(str(tmp) + "-wal"), Path(str(tmp) + "-shm")):
        leftover.unlink(missing_ok=True)
    dest = connect_encrypted(tmp, raw_key, create=True)
    try:
        db.conn.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")
    finally:
        dest.close()
    try:
        counts = verify_database(tmp, raw_key)
        expected = {
            t: db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in counts
        }
        if counts != expected:
            raise VaultError("The backup copy does not match the profile; it was discarded.")
        os.replace(tmp, target)
        _fsync_dir(target.parent)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return counts
