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
