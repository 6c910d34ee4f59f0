"""The signing keys pinned for the people this profile exchanges with, and forgetting one.

A pin is made by the first signed file from a person (trust on first use, keyed by their age
key). If a forged file came first, every real file of theirs is refused from then on; the
only way out is to forget the pin on purpose, after comparing signing fingerprints with the
person in person or by phone. The next signed file in their name then pins again. A key
text given at pairing may carry the signing key (domain.key_text): it is pinned at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reflect.domain.errors import ValidationError
from reflect.domain.key_text import key_text
from reflect.services.supervision_signing import signing_fingerprint

if TYPE_CHECKING:
    from reflect.storage.supervision_keys import SupervisionKeyRepository


class SigningPins:
    def __init__(self, keys: SupervisionKeyRepository) -> None:
        self._keys = keys

    def fingerprint_of(self, recipient: str) -> str:
        """The fingerprint of the signing key pinned for ``recipient``, or "" if none yet."""
        return signing_fingerprint(self._keys.pinned(recipient) or "")

    def forget(self, recipient: str) -> str:
        """Forget the signing key pinned for ``recipient``; its fingerprint ("" if none was).
        Packets and replies already kept stay as they are."""
        return signing_fingerprint(self._keys.forget_pin(recipient) or "")

    def my_signing_key(self) -> str:
        """This profile's signing public key (base64), made on first need."""
        return self._keys.signing_key()[1]

    def my_key_text(self) -> str:
        """The key text to give the other person: the age key and the signing key."""
        return key_text(self._keys.identity()[1], self.my_signing_key())

    def check_pairing(self, recipient: str, signing_key: str) -> None:
        """Refuse a signing key from a key text when another one is already remembered for
        ``recipient``: pairing never silently replaces a key (forget it first, on purpose)."""
        pinned = self._keys.pinned(recipient)
        if signing_key and pinned is not None and pinned != signing_key:
            raise ValidationError(PAIRING_KEY_DIFFERS, fingerprint=signing_fingerprint(pinned))


PAIRING_KEY_DIFFERS = (
    "Another signing key is already remembered for this supervisor (signing fingerprint "
    "{fingerprint}). Compare signing fingerprints with them; if the one in this key text is "
    "theirs, first use Forget signing key… in Settings, then add them again. Nothing was "
    "changed."
)
