"""Errors every layer may raise; each carries a message fit to show a person."""

from __future__ import annotations


class ReflectError(Exception):
    """Base class: ``str(error)`` is a clear, human message."""


class ContentError(ReflectError):
    """A content file (template, instrument, coping item, crisis line) is malformed.

    The message names the file and the field so an organisation can fix its own files.
    """

    def __init__(self, source: str, field: str, problem: str) -> None:
        # A hostile file can make any of the three as long as itself; a message stays short.
        self.source = _cut(source, 120)
        self.field = _cut(field, 160)
        self.problem = _cut(problem, 300)
        super().__init__(f"{self.source}: {self.field}: {self.problem}")


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class ValidationError(ReflectError):
    """Input a person typed (or a script passed) cannot be accepted as it is."""


class VaultError(ReflectError):
    """The encrypted database cannot be opened or created safely."""


class WrongPassphrase(VaultError):
    def __init__(self) -> None:
        super().__init__(
            "That passphrase does not open this profile. Check Caps Lock and keyboard layout, "
            "then try again. Nothing on disk was changed."
        )


class TooManyAttempts(VaultError):
    def __init__(self, wait_seconds: float) -> None:
        self.wait_seconds = wait_seconds
        super().__init__(
            f"Several passphrases in a row did not match. Please wait {wait_seconds:.0f} s "
            "before the next try; this slows down anyone guessing."
        )


class EncryptionUnavailable(VaultError):
    """SQLCipher is missing: Reflect refuses to run rather than write plain text."""


class PlaintextDatabase(VaultError):
    """The file is ordinary, unencrypted SQLite: never opened, never written to."""


class SchemaTooNew(VaultError):
    """The database was written by a newer Reflect; opening it could lose data."""


def cut(value: object, limit: int = 80) -> str:
    """``value`` as text for a one-line message: line breaks folded, cut to ``limit`` characters
    (a bad value can be 1 MB, and SQLite's reports span several lines)."""
    text = " ".join(str(value).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class ProfileBusy(ReflectError):
    """Another Reflect process holds this profile's writer lock."""

    def __init__(self) -> None:
        super().__init__(
            "Another Reflect is writing to this profile (the app has it unlocked, or another "
            "command is running). Nothing was changed; try again when it has finished."
        )


class ProfileDamaged(VaultError):
    """The passphrase is right but the database is missing, empty or unreadable."""

    def __init__(self, what: str, latest_backup: str | None = None) -> None:
        self.latest_backup = latest_backup
        where = (
            f"Bring back the latest backup with: reflect restore {latest_backup}"
            if latest_backup
            else "No backup was found in the profile's backups folder; if you keep one "
            "elsewhere, bring it back with 'reflect restore FILE'."
        )
        super().__init__(
            f"This profile's database is damaged: {what}. Nothing was written. {where}"
        )


class StorageUnavailable(ReflectError):
    """The disk is full, or the folder is read-only or not ours: reported as such."""

    @classmethod
    def from_os_error(cls, exc: OSError, where: object) -> StorageUnavailable:
        import errno

        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1), errno.EFBIG):
            return cls(
                f"The disk is full: Reflect could not write in {cut(where, 200)}. "
                "Nothing was changed; free some space and try again."
            )
        if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return cls(
                f"Reflect cannot write in {cut(where, 200)}: the folder is read-only or "
                "belongs to another user. Nothing was changed."
            )
        return cls(
            f"Reflect could not use {cut(where, 200)}: {cut(exc.strerror or exc, 120)}. "
            "Nothing was changed."
        )
