"""The signing keys pinned for the people this profile exchanges with, and forgetting one.

A pin is made by the first signed file from a person (trust on first use, keyed by their age
key). If a forged file came first, every real file of theirs is refused from then on; the
only way out is to forget the pin on purpose, after comparing signing fingerprints with the
person in person or by phone. The next signed file in their name then pins again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

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
