"""Errors every layer may raise; each carries a message fit to show a person."""

from __future__ import annotations

from reflect.domain.message import Message, Term


class ReflectError(Exception):
    """Base class: ``str(error)`` is a clear, human message in English.

    Raise with an English template and its values, never a finished f-string, so the
    interface can say it in the person's language: ``ValidationError("{name} is empty.",
    name=path.name)``. ``error.message`` keeps the template and values (domain/message.py).
    """

    def __init__(self, message: str = "", /, **values: object) -> None:
        self.message = (
            message if isinstance(message, Message) and not values else Message(message, **values)
        )
        super().__init__(self.message)


class ContentError(ReflectError):
    """A content file (template, instrument, coping item, crisis line) is malformed.

    The message names the file and the field so an organisation can fix its own files.
    """

    def __init__(self, source: str, field: str, problem: str) -> None:
        # A hostile file can make any of the three as long as itself; a message stays short.
        self.source = _cut(source, 120)
        self.field = _cut(field, 160)
        self.problem = _cut(problem, 300)
        super().__init__(
            "{source}: {field}: {problem}",
            source=self.source,
            field=self.field,
            # A problem that is itself a Message keeps its template unless it had to be cut.
            problem=problem
            if isinstance(problem, Message) and problem == self.problem
            else self.problem,
        )


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
            "Several passphrases in a row did not match. Please wait {seconds} s "
            "before the next try; this slows down anyone guessing.",
            seconds=f"{wait_seconds:.0f}",
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
        if latest_backup:
            super().__init__(
                "This profile's database is damaged: {what}. Nothing was written. Bring back "
                "the latest backup with: reflect restore {path}",
                what=what,
                path=latest_backup,
            )
        else:
            super().__init__(
                "This profile's database is damaged: {what}. Nothing was written. No backup "
                "was found in the profile's backups folder; if you keep one elsewhere, bring "
                "it back with 'reflect restore FILE'.",
                what=what,
            )


class StorageUnavailable(ReflectError):
    """The disk is full, or the folder is read-only or not ours: reported as such."""

    @classmethod
    def from_os_error(cls, exc: OSError, where: object) -> StorageUnavailable:
        import errno

        place = where if isinstance(where, Term) else cut(where, 200)  # a Term is translated
        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1), errno.EFBIG):
            return cls(
                "The disk is full: Reflect could not write in {path}. "
                "Nothing was changed; free some space and try again.",
                path=place,
            )
        if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return cls(
                "Reflect cannot write in {path}: the folder is read-only or "
                "belongs to another user. Nothing was changed.",
                path=place,
            )
        return cls(
            "Reflect could not use {path}: {error}. Nothing was changed.",
            path=place,
            error=cut(exc.strerror or exc, 120),
        )
