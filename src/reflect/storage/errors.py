"""Storage failures live in the domain so every layer can catch them; re-exported here."""

from reflect.domain.errors import (
    EncryptionUnavailable,
    PlaintextDatabase,
    SchemaTooNew,
    TooManyAttempts,
    VaultError,
    WrongPassphrase,
)

__all__ = [
    "EncryptionUnavailable",
    "PlaintextDatabase",
    "SchemaTooNew",
    "TooManyAttempts",
    "VaultError",
    "WrongPassphrase",
]
