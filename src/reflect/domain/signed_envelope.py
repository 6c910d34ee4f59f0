"""The signed envelope around a packet or reply document (format version 2).

Sealed with age, a version 2 file holds::

    {"format": "reflect-supervision-packet", "version": 2,
     "recipients": ["age1…", "age1…"],          # every key the file is sealed to
     "document": "<base64 of the exact document bytes>",
     "signature": "<base64 of an Ed25519 signature>"}

The document is the version 1 packet or reply, whose ``from`` also names the signer's
Ed25519 public key. The signature covers the kind, the recipients and the document bytes
exactly (``signed_message``), so a signed packet sealed again to another person names the
wrong recipients and fails. Version 1 files are the unsigned documents themselves, as an
older Reflect wrote them. This module only reads shapes (standard library only); the
signature itself is checked in ``storage.signatures``.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reflect.domain.errors import ValidationError
from reflect.domain.sealed_json import RECIPIENT_PATTERN, parse_limited

SIGNED_VERSION = 2
_FIELDS = {"format", "version", "recipients", "document", "signature"}
_MAX_RECIPIENTS = 10
# An Ed25519 public key (32 bytes) and signature (64 bytes) in standard base64.
KEY_PATTERN = re.compile(r"[A-Za-z0-9+/]{43}=")
_SIGNATURE_PATTERN = re.compile(r"[A-Za-z0-9+/]{86}==")

# Written out per kind (see sealed_json.Refusals for why).
UNREADABLE = {
    "debrief packet": "This debrief packet is damaged: its signature cannot be read. "
    "Nothing was changed.",
    "supervisor's reply": "This supervisor's reply is damaged: its signature cannot be read. "
    "Nothing was changed.",
}


@dataclass(frozen=True)
class Signed:
    recipients: tuple[str, ...]
    signature: bytes
    message: bytes  # exactly what the signature must cover


@dataclass(frozen=True)
class Unwrapped:
    document: bytes
    signed: Signed | None  # None: an unsigned document (version 1, an older Reflect)


def canonical_b64(text: Any, pattern: re.Pattern[str]) -> bytes | None:
    """The bytes of a base64 text in the one form Reflect writes, or None. Only the canonical
    spelling is taken, so one key cannot be pinned under two spellings."""
    if not isinstance(text, str) or not pattern.fullmatch(text):
        return None
    try:
        raw = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return None
    return raw if base64.b64encode(raw).decode("ascii") == text else None


def signed_message(kind: str, recipients: Sequence[str], document: bytes) -> bytes:
    head = json.dumps(
        {"format": kind, "version": SIGNED_VERSION, "recipients": sorted(set(recipients))},
        separators=(",", ":"),
        sort_keys=True,
    )
    return b"reflect-supervision-signature\n" + head.encode("ascii") + b"\n" + document


def wrap(kind: str, document: bytes, recipients: Sequence[str], signature: bytes) -> bytes:
    return json.dumps(
        {
            "format": kind,
            "version": SIGNED_VERSION,
            "recipients": sorted(set(recipients)),
            "document": base64.b64encode(document).decode("ascii"),
            "signature": base64.b64encode(signature).decode("ascii"),
        }
    ).encode("ascii")


def unwrap(plain: bytes, kind: str, what: str) -> Unwrapped:
    """The document inside a decrypted file and, for version 2, what its signature covers.
    Anything else (another format or version) is passed on unsigned for the document reader
    to name."""
    data = parse_limited(plain, what)
    if data.get("format") != kind or data.get("version") != SIGNED_VERSION:
        return Unwrapped(plain, None)
    refusal = UNREADABLE[what]
    if set(data) != _FIELDS:
        raise ValidationError(refusal)
    recipients = data["recipients"]
    if (
        not isinstance(recipients, list)
        or not 0 < len(recipients) <= _MAX_RECIPIENTS
        or not all(isinstance(r, str) and RECIPIENT_PATTERN.fullmatch(r) for r in recipients)
        or len(set(recipients)) != len(recipients)
    ):
        raise ValidationError(refusal)
    signature = canonical_b64(data["signature"], _SIGNATURE_PATTERN)
    document = data["document"]
    if signature is None or not isinstance(document, str):
        raise ValidationError(refusal)
    try:
        raw = base64.b64decode(document, validate=True)
    except (binascii.Error, ValueError):
        raise ValidationError(refusal) from None
    return Unwrapped(
        raw, Signed(tuple(recipients), signature, signed_message(kind, recipients, raw))
    )
