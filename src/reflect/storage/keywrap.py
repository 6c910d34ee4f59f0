"""The database key (a random DEK) wrapped by keys derived from the passphrase or recovery key.

Wrapping lets a printed recovery key open the profile without ever storing the passphrase,
and AES-GCM's tag doubles as the passphrase check: a wrong passphrase fails here, before
the database is touched.
"""

from __future__ import annotations

import base64
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from reflect.domain.errors import VaultError, WrongPassphrase
from reflect.storage.database import KEY_BYTES

_AAD = b"reflect-dek-v1"
# 25 characters of Crockford base32 (no I, L, O, U) = 125 bits: far beyond guessing, so
# the Argon2id floor is enough for the recovery key.
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
RECOVERY_GROUPS, RECOVERY_GROUP_LEN = 5, 5


def new_data_key() -> bytearray:
    # os.urandom is what secrets.token_bytes calls; secrets itself (through hmac) would load
    # a second libcrypto into every search, about 5 ms.
    return bytearray(os.urandom(KEY_BYTES))


def wrap(data_key: bytes | bytearray, kek: bytes | bytearray) -> dict[str, str]:
    nonce = os.urandom(12)
    sealed = AESGCM(bytes(kek)).encrypt(nonce, bytes(data_key), _AAD)
    return {
        "nonce": base64.b64encode(nonce).decode("ascii"),
        "sealed": base64.b64encode(sealed).decode("ascii"),
    }


def unwrap(wrapped: dict[str, str], kek: bytes | bytearray) -> bytearray:
    try:
        nonce = base64.b64decode(wrapped["nonce"], validate=True)
        sealed = base64.b64decode(wrapped["sealed"], validate=True)
    except (KeyError, TypeError, ValueError) as exc:
        raise VaultError("vault.json is damaged: the wrapped key cannot be read.") from exc
    if len(nonce) != 12 or len(sealed) != KEY_BYTES + 16:
        # AES-GCM would raise a bare ValueError on a short nonce: say what is wrong instead.
        raise VaultError(
            "vault.json is damaged: the wrapped key has the wrong size "
            "(nonce {nonce} bytes, sealed key {sealed} bytes).",
            nonce=len(nonce),
            sealed=len(sealed),
        )
    try:
        key = AESGCM(bytes(kek)).decrypt(nonce, sealed, _AAD)
    except InvalidTag as exc:
        raise WrongPassphrase() from exc
    if len(key) != KEY_BYTES:
        raise VaultError("vault.json is damaged: the key has the wrong length.")
    return bytearray(key)


def new_recovery_code() -> str:
    import secrets

    chars = "".join(secrets.choice(_ALPHABET) for _ in range(RECOVERY_GROUPS * RECOVERY_GROUP_LEN))
    return "-".join(
        chars[i : i + RECOVERY_GROUP_LEN] for i in range(0, len(chars), RECOVERY_GROUP_LEN)
    )


def normalise_recovery_code(text: str) -> str:
    """Accept lower case, spaces, missing dashes and the usual look-alikes (O->0, I/L->1)."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    cleaned = cleaned.translate(str.maketrans("OIL", "011"))
    if len(cleaned) != RECOVERY_GROUPS * RECOVERY_GROUP_LEN or any(
        ch not in _ALPHABET for ch in cleaned
    ):
        raise VaultError(
            "That does not look like a recovery key: it has 25 letters and digits in five "
            "groups, like ABCDE-12345-…"
        )
    return "-".join(
        cleaned[i : i + RECOVERY_GROUP_LEN] for i in range(0, len(cleaned), RECOVERY_GROUP_LEN)
    )
