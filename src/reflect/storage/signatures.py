"""Ed25519 signatures for supervision packets and replies, through ``cryptography``.

age seals a file to a key but says nothing about who sealed it; the signature does. No
cryptography of our own: the library makes the key pair, signs and verifies. Keys travel as
standard base64 of their 32 raw bytes (what ``domain.signed_envelope`` checks the shape of).
"""

from __future__ import annotations

import base64

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def new_signing_key() -> tuple[str, str]:
    """A fresh key pair: (secret seed, public key), each as base64 of 32 bytes."""
    secret = Ed25519PrivateKey.generate()
    return _b64(secret.private_bytes_raw()), _public_of(secret)


def _public_of(secret: Ed25519PrivateKey) -> str:
    return _b64(secret.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw))


def public_of(secret: str) -> str:
    return _public_of(Ed25519PrivateKey.from_private_bytes(base64.b64decode(secret)))


def sign(secret: str, message: bytes) -> bytes:
    return Ed25519PrivateKey.from_private_bytes(base64.b64decode(secret)).sign(message)


def verifies(public_key: bytes, signature: bytes, message: bytes) -> bool:
    """True only if ``signature`` is the holder of ``public_key``'s over exactly ``message``.
    Any malformed key or signature is simply not a valid signature."""
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, message)
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True
