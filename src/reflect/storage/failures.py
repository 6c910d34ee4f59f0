"""Turn low-level failures (OS errors, SQLite errors) into one clear sentence.

A full disk or a read-only folder must be reported as such, never as a wrong passphrase,
and a damaged database as damaged. Matching SQLite's messages is the only portable way:
the Python bindings expose the error class but not always the extended code.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator

from reflect.domain.errors import (
    ProfileBusy,
    ProfileDamaged,
    ReflectError,
    StorageUnavailable,
    VaultError,
    cut,
)
from reflect.domain.message import Message, Term, as_message

TYPE_CHECKING = False  # typing is not loaded here; type checkers read the block all the same
if TYPE_CHECKING:
    from pathlib import Path


def latest_backup(profile_dir: str | os.PathLike[str]) -> Path | None:
    """The newest backup file in the profile's ``backups/`` folder, if any."""
    # Here, not at the top: only damage needs it, and a search opens the database before
    # dataclasses (which backup_rotation uses) have loaded.
    from pathlib import Path  # only damage needs it: a search opens before pathlib loads

    from reflect.domain.backup_rotation import BACKUP_SUFFIX

    folder = Path(profile_dir) / "backups"
    try:
        found = [p for p in folder.iterdir() if p.name.endswith(BACKUP_SUFFIX) and p.is_file()]
    except OSError:
        return None
    return max(found, key=lambda p: p.stat().st_mtime, default=None)


def damaged(profile_dir: str | os.PathLike[str], what: str) -> ProfileDamaged:
    """``what`` says what is wrong, as a Message so the interface can translate it inside
    the sentence ("reflect.db is missing")."""
    backup = latest_backup(profile_dir)
    return ProfileDamaged(as_message(what), str(backup) if backup else None)


def reason(exc: BaseException, limit: int = 120) -> str:
    """``exc`` as the reason inside another message: its own Message (so the interface can
    translate it) when it fits in ``limit`` characters, else the cut English text."""
    text = cut(exc, limit)
    carried = exc.message if isinstance(exc, ReflectError) else None
    return carried if carried is not None and carried == text else text


def is_sqlite_error(exc: BaseException) -> bool:
    return type(exc).__module__.split(".")[0] in ("sqlcipher3", "sqlite3")


def _place(where: Path | str) -> str:
    """``where`` for a message: a Term ("the data folder") stays one, so it is translated."""
    return where if isinstance(where, Term) else cut(where, 200)


def translate(
    exc: BaseException, where: Path | str, profile_dir: str | os.PathLike[str] | None = None
) -> ReflectError:
    """A ReflectError for ``exc`` (an OSError or a SQLite error) met while using ``where``
    (a path, or a ``Term`` such as "the data folder" when no path is known)."""
    if isinstance(exc, ReflectError):
        return exc
    if isinstance(exc, OSError):
        return StorageUnavailable.from_os_error(exc, where)
    text = str(exc).lower()
    if "disk is full" in text or "disk full" in text:
        return StorageUnavailable(
            "The disk is full: Reflect could not write in {path}. Nothing was changed; free "
            "some space and try again.",
            path=_place(where),
        )
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return StorageUnavailable(
            "Reflect cannot write in {path}: the folder or file is read-only or belongs to "
            "another user. Nothing was changed.",
            path=_place(where),
        )
    if "locked" in text or "busy" in text:
        return ProfileBusy()
    if "malformed" in text or "not a database" in text or "corrupt" in text or "i/o" in text:
        if profile_dir is not None:
            return damaged(profile_dir, Message("SQLite reports '{error}'", error=cut(exc, 80)))
        return VaultError(
            "A database file in {path} is damaged (SQLite reports '{error}'). Nothing was "
            "written; run 'reflect check'.",
            path=_place(where),
            error=cut(exc, 80),
        )
    return StorageUnavailable(
        "Reflect could not use {path}: {error}. Nothing was changed.",
        path=_place(where),
        error=cut(exc, 120),
    )


@contextlib.contextmanager
def translated(where: Path | str) -> Iterator[None]:
    """Raise an OSError or SQLite error met inside as ``translate`` words it.

    For work the app runs on a worker thread (restore, import): the app shows the error's
    text, and SQLite's own ("database or disk is full") is English only and names no folder.
    """
    try:
        yield
    except Exception as exc:
        if isinstance(exc, OSError) or is_sqlite_error(exc):
            raise translate(exc, where) from exc
        raise
