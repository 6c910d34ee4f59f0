"""Sealing the data key under a passphrase or recovery key, and opening such a seal."""

from __future__ import annotations

from typing import Any

from reflect.domain.passphrase import normalised, passphrase_forms
from reflect.storage.errors import VaultError, WrongPassphrase
from reflect.storage.kdf import KdfParams, derive_key, wipe
from reflect.storage.keywrap import unwrap, wrap


def _seal(secret: str, params: KdfParams, data_key: bytearray) -> dict[str, Any]:
    kek = derive_key(normalised(secret), params)
    try:
        return {"kdf": params.to_dict(), "wrapped_key": wrap(data_key, kek)}
    finally:
        wipe(kek)


def check_seal(sealed: object, where: str = "vault.json") -> dict[str, Any]:
    """``sealed`` if it has the shape a seal must have, else a clear VaultError."""
    if not isinstance(sealed, dict):
        raise VaultError("{source} is damaged: a sealed key is missing.", source=where)
    wrapped = sealed.get("wrapped_key")
    if not isinstance(sealed.get("kdf"), dict) or not isinstance(wrapped, dict):
        raise VaultError("{source} is damaged: 'kdf' or 'wrapped_key' is missing.", source=where)
    if not isinstance(wrapped.get("nonce"), str) or not isinstance(wrapped.get("sealed"), str):
        raise VaultError(
            "{source} is damaged: the wrapped key has no 'nonce' or 'sealed'.", source=where
        )
    return sealed


def open_seal_forms(secret: str, sealed: dict[str, Any]) -> tuple[bytearray, bool]:
    """(data key, True when only the raw, not-normalised passphrase opened the seal)."""
    params = KdfParams.from_dict(check_seal(sealed)["kdf"])
    forms = passphrase_forms(secret)
    for number, form in enumerate(forms):
        kek = derive_key(form, params)
        try:
            return unwrap(sealed["wrapped_key"], kek), number > 0
        except WrongPassphrase:
            if number == len(forms) - 1:
                raise
        finally:
            wipe(kek)
    raise WrongPassphrase()  # pragma: no cover - the loop always returns or raises


def _open_seal(secret: str, sealed: dict[str, Any]) -> bytearray:
    return open_seal_forms(secret, sealed)[0]
