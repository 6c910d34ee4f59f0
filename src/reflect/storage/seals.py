"""Sealing the data key under a passphrase or recovery key, and opening such a seal."""

from __future__ import annotations

from typing import Any

from reflect.domain.passphrase import normalised, passphrase_forms
from reflect.storage.errors import WrongPassphrase
from reflect.storage.kdf import KdfParams, derive_key, wipe
from reflect.storage.keywrap import unwrap, wrap
from reflect.storage.vault_shape import check_seal


def _seal(secret: str, params: KdfParams, data_key: bytearray) -> dict[str, Any]:
    kek = derive_key(normalised(secret), params)
    try:
        return {"kdf": params.to_dict(), "wrapped_key": wrap(data_key, kek)}
    finally:
        wipe(kek)


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
