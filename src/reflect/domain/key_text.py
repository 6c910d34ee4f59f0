"""The key text a person gives the other at pairing: their age key, and optionally their
signing public key after ``sign:``, on one line (it is pasted into a one-line field)::

    age1qs2tgn7sptlyh9h45037zwzag6704mds6mwth73rslekwchfzcmqkezyxn sign:q83vEjRWeJq8…0=

With the signing key, the provider checks their supervisor's first reply against a key
confirmed at pairing instead of trusting it on first use. A text without ``sign:`` is an
old key text (the age key alone) and is read exactly as before.
"""

from __future__ import annotations

from reflect.domain.errors import ValidationError
from reflect.domain.signed_envelope import KEY_PATTERN, canonical_b64
from reflect.domain.supervision import check_recipient

MARK = "sign:"
_MAX_CHARS = 1000  # a key text is about 110 characters; refuse a pasted essay before any work

# The length is said as "the pasted part has N where a signing key has 44": a bare "44
# characters long" read as the length of what was pasted.
DAMAGED_LENGTH = (
    "The signing key in that key text is damaged: the part after “sign:” has {count} "
    "characters, where a signing key has 44. Ask for the key text again (Settings → My "
    "supervision key)."
)
DAMAGED = (
    "The signing key in that key text is damaged: the part after “sign:” has the 44 "
    "characters of a signing key but is not one (a character in it is wrong). Ask for the "
    "key text again (Settings → My supervision key)."
)
SIGNING_KEY_CHARS = 44


def key_text(recipient: str, signing_key: str) -> str:
    """This profile's key text: its age key, then its signing key."""
    return f"{recipient} {MARK}{signing_key}" if signing_key else recipient


def parse_key_text(text: str) -> tuple[str, str]:
    """(age key text, signing public key or "") from a pasted key text, or a refusal. The
    age part is handed on as it came (trimmed) for the caller to check as it always has
    (storage.sealed_files.check_recipient reads its checksum)."""
    if MARK not in text:
        return text, ""
    age, _, signing = text.partition(MARK)
    if len(text) > _MAX_CHARS:
        count = sum(1 for c in signing if not c.isspace())
        raise ValidationError(DAMAGED_LENGTH, count=count)
    compact = "".join(signing.split())
    if len(compact) != SIGNING_KEY_CHARS:
        raise ValidationError(DAMAGED_LENGTH, count=len(compact))
    if canonical_b64(compact, KEY_PATTERN) is None:
        raise ValidationError(DAMAGED)
    return check_recipient(age), compact
