"""age files (age-encryption.org/v1) with X25519 recipients, through pyrage (rage's binding).

No cryptography of our own: pyrage generates the key pair, seals to one or more public keys
and opens with a secret key. The files open with the ``age`` command-line tool too
(``age -d -i key.txt packet.age``). Every failure becomes one clear ReflectError.
"""

from __future__ import annotations

from pathlib import Path

import pyrage
from pyrage import x25519

from reflect.domain.errors import ReflectError, ValidationError, cut
from reflect.domain.message import Term
from reflect.domain.sealed_json import MAX_BYTES
from reflect.paths import write_private_file

AGE_MAGIC = b"age-encryption.org/v1\n"
# The age header plus a little: a sealed document never grows much beyond its content.
MAX_SEALED_BYTES = MAX_BYTES + 64 * 1024


class NotSealedForThisProfile(ReflectError):
    """The file is a valid age file sealed to someone else's key."""


class DamagedSealedFile(ReflectError):
    """Not an age file, or one that was cut short or altered."""


def new_identity() -> tuple[str, str]:
    """A fresh key pair: (secret ``AGE-SECRET-KEY-1…``, public recipient ``age1…``)."""
    identity = x25519.Identity.generate()
    return str(identity), str(identity.to_public())


def recipient_of(secret: str) -> str:
    return str(x25519.Identity.from_str(secret).to_public())


def check_recipient(text: str) -> str:
    """The recipient as age reads it, or a ValidationError (a typo fails the checksum)."""
    try:
        return str(x25519.Recipient.from_str(text.strip()))
    except (pyrage.RecipientError, ValueError):
        raise ValidationError(
            "That supervision key does not check out (a character may be wrong). "
            "Copy it again from the other person's 'My supervision key'."
        ) from None


def seal(data: bytes, recipients: list[str]) -> bytes:
    keys = [x25519.Recipient.from_str(check_recipient(r)) for r in dict.fromkeys(recipients)]
    try:
        return bytes(pyrage.encrypt(data, keys))
    except pyrage.EncryptError as exc:  # pragma: no cover - only on a broken binding
        raise ReflectError("The file could not be sealed: {error}", error=cut(exc, 200)) from None


def open_sealed(data: bytes, secret: str, what: str) -> bytes:
    """The content of an age file sealed to ``secret``'s public key.

    A file for another key, and a file that is damaged or cut short, are told apart so the
    person knows whether to ask for a new file or check who it was meant for. ``what`` is a
    fixed English name of the kind of file ("debrief packet"), translated with the message.
    """
    kind = Term(what)
    if len(data) > MAX_SEALED_BYTES:
        raise DamagedSealedFile("This file is too large to be a {what} from Reflect.", what=kind)
    if not data.startswith(AGE_MAGIC):
        raise DamagedSealedFile(
            "This file is not a {what}: it is not a sealed (age) file. Nothing was changed.",
            what=kind,
        )
    try:
        return bytes(pyrage.decrypt(data, [x25519.Identity.from_str(secret)]))
    except pyrage.DecryptError as exc:
        if "no matching keys" in str(exc).lower():
            raise NotSealedForThisProfile(
                "This {what} was sealed for someone else's key, not this profile's. "
                "Nothing was changed.",
                what=kind,
            ) from None
        raise DamagedSealedFile(
            "This {what} is damaged or incomplete (it may have been cut short while "
            "copying). Ask for it to be sent again. Nothing was changed.",
            what=kind,
        ) from None


def read_sealed_file(path: Path, what: str) -> bytes:
    """The raw bytes of a file that should be sealed, refusing huge files before reading."""
    path = Path(path).expanduser()
    try:
        if not path.is_file():
            raise ValidationError("There is no file at {path}.", path=path)
        if path.stat().st_size > MAX_SEALED_BYTES:
            raise DamagedSealedFile(
                "This file is too large to be a {what} from Reflect.", what=Term(what)
            )
        return path.read_bytes()
    except OSError as exc:
        raise ValidationError(
            "Cannot read {path}: {error}", path=path.name, error=cut(exc.strerror, 120)
        ) from None


def write_sealed_file(path: Path, sealed: bytes) -> None:
    """0600, atomically: a half-written packet never lies where the person will pick it up."""
    try:
        write_private_file(Path(path).expanduser(), sealed)
    except OSError as exc:
        raise ValidationError(
            "Cannot write {path}: {error}", path=Path(path).name, error=cut(exc.strerror, 120)
        ) from None
