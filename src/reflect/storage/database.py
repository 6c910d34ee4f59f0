"""Opening a SQLCipher database safely: fail closed, WAL, synchronous=FULL, 0600 files."""

from __future__ import annotations

import contextlib
import os
from typing import TYPE_CHECKING, Any

from reflect.domain.message import Message
from reflect.storage.errors import (
    EncryptionUnavailable,
    PlaintextDatabase,
    VaultError,
    WrongPassphrase,
)
from reflect.storage.failures import damaged, translate

if TYPE_CHECKING:
    import sqlite_utils

# A path as the callers give it: a str from the command line's quick search, else a Path.
Where = str | os.PathLike[str]
SQLITE_PLAIN_HEADER = b"SQLite format 3\x00"
KEY_BYTES = 32


def _sqlcipher() -> Any:
    try:
        import sqlcipher3
    except ImportError as exc:  # pragma: no cover - exercised by a monkeypatched test
        raise EncryptionUnavailable(
            "Reflect needs SQLCipher (the sqlcipher3 package) to encrypt your data, and it is "
            "not installed. Reflect will not store anything unencrypted; reinstall with "
            "'make run' or 'pip install sqlcipher3'."
        ) from exc
    return sqlcipher3


def is_plain_sqlite(path: Where) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(16) == SQLITE_PLAIN_HEADER
    except FileNotFoundError:
        return False


def _create_private_file(path: Where) -> None:
    # Creating the file 0600 first makes SQLite's -wal and -shm inherit 0600 as well.
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)


def key_pragma(raw_key: bytes | bytearray) -> str:
    if len(raw_key) != KEY_BYTES:
        raise VaultError("Internal error: the database key has the wrong length.")
    # A raw hex key skips SQLCipher's own PBKDF2: the key already comes from Argon2id.
    # The hex string is an immutable str that cannot be wiped; it lives only for this call.
    return f"PRAGMA key = \"x'{bytes(raw_key).hex()}'\""


def connect_encrypted(
    path: Where, raw_key: bytes | bytearray, *, create: bool = False, profile: bool = False
) -> Any:
    """Return a keyed sqlcipher3 connection, or raise a VaultError. Never writes plaintext.

    ``profile``: the file is an existing profile's database, so a missing, empty or
    table-less file is damage (ProfileDamaged), never a new database to fill.
    """
    sqlcipher3 = _sqlcipher()
    # Plain os.path: `reflect search` opens the database before pathlib has loaded.
    path = os.fspath(path)
    name, place = os.path.basename(path), os.path.dirname(path) or "."
    if os.path.exists(path):
        _refuse_unusable(path, name, place, profile)
    elif create:
        try:
            _create_private_file(path)
        except OSError as exc:
            raise translate(exc, place) from exc
    elif profile:
        raise damaged(place, Message("{name} is missing", name=name))
    else:
        raise VaultError("No database found at {path}.", path=path)
    try:
        conn = sqlcipher3.connect(path, check_same_thread=False)
    except sqlcipher3.DatabaseError as exc:
        raise translate(exc, place) from exc
    try:
        # Before the key: SQLCipher would print "hmac check failed" lines to stderr for a
        # wrong key or a damaged page; Reflect says what happened in one sentence instead.
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(key_pragma(raw_key))
        version = conn.execute("PRAGMA cipher_version").fetchone()
        if not version or not version[0]:
            raise EncryptionUnavailable(
                "The SQLite library in use has no encryption support. Reflect refuses to "
                "continue rather than store your data in plain text."
            )
        conn.execute("PRAGMA cipher_memory_security = ON")
        tables = _table_count(conn, sqlcipher3, place)
        if profile and tables == 0:
            raise damaged(place, Message("{name} holds no tables", name=name))
        _configure(conn)
    except sqlcipher3.DatabaseError as exc:
        conn.close()
        raise translate(exc, place, place if profile else None) from exc
    except BaseException:
        conn.close()
        raise
    return conn


def _refuse_unusable(path: str, name: str, place: str, profile: bool) -> None:
    """An existing file that is no encrypted database to open: say why, touching nothing."""
    if profile and not os.path.isfile(path):
        # A FIFO would block the first read below for ever; a folder is no database.
        raise damaged(place, Message("{name} is not a regular file", name=name))
    if is_plain_sqlite(path):
        raise PlaintextDatabase(
            "{name} is an unencrypted SQLite file. Reflect only opens encrypted "
            "profiles and has not touched it.",
            name=name,
        )
    if profile and os.stat(path).st_size == 0:
        # SQLite would happily treat an empty file as a new database and write a schema
        # into it; an existing profile with an empty file is damage, not a fresh start.
        raise damaged(place, Message("{name} is empty (0 bytes)", name=name))


def _table_count(conn: Any, sqlcipher3: Any, place: str) -> int:
    """The first read with the key: a wrong key fails here, as does an unreadable file."""
    try:
        return int(conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0])
    except sqlcipher3.DatabaseError as exc:
        if any(kind.__name__ == "OperationalError" for kind in type(exc).__mro__):
            # Cannot open, read-only, disk full: not a question of the key.
            raise translate(exc, place) from exc
        raise WrongPassphrase() from exc


def _configure(conn: Any) -> None:
    """Write-ahead log, full syncs, foreign keys, temp data in memory, deleted data zeroed."""
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("PRAGMA secure_delete = ON")


def open_database(
    path: Where, raw_key: bytes | bytearray, *, create: bool = False
) -> sqlite_utils.Database:
    import sqlite_utils  # loaded here, not on import: see storage/schema_preload.py

    conn = connect_encrypted(path, raw_key, create=create, profile=not create)
    return sqlite_utils.Database(conn, execute_plugins=False)


def close_database(db: sqlite_utils.Database) -> None:
    close_connection(db.conn)


def close_connection(conn: Any) -> None:
    # Closing must not fail because a checkpoint could not run.
    with contextlib.suppress(Exception):
        conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
    conn.close()
