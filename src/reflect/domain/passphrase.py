"""Passphrase rules and a gentle strength hint (pure logic)."""

from __future__ import annotations

import re

from reflect.domain.errors import VaultError

MIN_PASSPHRASE_LENGTH = 8


def validate_new_passphrase(passphrase: str, confirmation: str) -> None:
    if passphrase != confirmation:
        raise VaultError("The two passphrases are different. Please type the same one twice.")
    if len(normalised(passphrase)) < MIN_PASSPHRASE_LENGTH:
        raise VaultError(
            "Please use at least {count} characters. A few unrelated words are easier to "
            "remember than symbols and much harder to guess.",
            count=MIN_PASSPHRASE_LENGTH,
        )


def check_length(passphrase: str) -> None:
    """The one rule every stored passphrase follows (new profile, recovery, change)."""
    if len(normalised(passphrase)) < MIN_PASSPHRASE_LENGTH:
        raise VaultError(
            "Please use a passphrase of at least {count} characters.", count=MIN_PASSPHRASE_LENGTH
        )


def passphrase_strength(passphrase: str) -> tuple[int, str]:
    """A rough 0-4 strength hint with a kind word; not a guarantee."""
    length = len(passphrase)
    classes = sum(
        bool(re.search(p, passphrase)) for p in (r"[a-z]", r"[A-Z]", r"[0-9]", r"[^A-Za-z0-9]")
    )
    words = len(passphrase.split())
    score = 0
    if length >= MIN_PASSPHRASE_LENGTH:
        score = 1
    if length >= 12 and (classes >= 2 or words >= 3):
        score = 2
    if length >= 16 and (classes >= 3 or words >= 4):
        score = 3
    if length >= 22 and (classes >= 3 or words >= 5):
        score = 4
    hints = {
        0: "Too short.",
        1: "Weak: longer is stronger.",
        2: "Fair: one or two more words would help.",
        3: "Good.",
        4: "Strong.",
    }
    return score, hints[score]


def passphrase_forms(passphrase: str) -> list[str]:
    """The forms to try when opening: NFC without trailing line breaks first, then the NFC
    and raw text if they differ.

    The same visible passphrase can arrive as different code points ("é" typed as one
    character or as "e" plus an accent, depending on keyboard, platform or file), so keys are
    derived from the NFC form. Profiles sealed before that was done used the raw text.
    """
    import unicodedata

    nfc = unicodedata.normalize("NFC", passphrase)
    # A passphrase pasted with its line break keeps it in the field, but Enter cannot type
    # one: the key never includes trailing line breaks, so the typed passphrase opens too.
    # (Profiles sealed before this with the break still open with the pasted form.)
    return list(dict.fromkeys([nfc.rstrip("\r\n"), nfc, passphrase]))


def normalised(passphrase: str) -> str:
    """The form every new key is derived from (see ``passphrase_forms``)."""
    return passphrase_forms(passphrase)[0]
