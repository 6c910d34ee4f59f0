"""The supervisor's side of pairing: adding a supervisee from their key text before their
first packet, so that packet is checked against a signing key confirmed in person.

Without pairing, a supervisee's first signed packet pins its signer's key (trust on first
use): a forged packet that arrives first would be trusted, and the real ones refused. The
provider's side does the same for their supervisor (SupervisionSender.add_supervisor).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from reflect.domain.errors import ValidationError
from reflect.domain.key_text import parse_key_text
from reflect.domain.supervision import Supervisee, clean_name
from reflect.services.supervision_signing import signing_fingerprint
from reflect.storage.sealed_files import check_recipient

if TYPE_CHECKING:
    from reflect.storage.supervision_keys import SupervisionKeyRepository
    from reflect.storage.supervision_record import SupervisionRecordRepository

NOT_CONFIRMED = (
    "Compare both fingerprints with the ones your supervisee sees, then confirm they match. "
    "Nothing was added."
)
NO_SIGNING_KEY = (
    "This key text has no signing key (the part after “sign:”), so there is nothing to "
    "confirm now: their first packet would be trusted as it comes, as without adding them. "
    "Ask your supervisee for the whole key text (Settings → My supervision key). Nothing was "
    "added."
)
OWN_KEY = "That is this profile's own key, not your supervisee's. Nothing was added."
SUPERVISEE_KEY_DIFFERS = (
    "Another signing key is already remembered for this supervisee (signing fingerprint "
    "{fingerprint}). Compare signing fingerprints with them; if the one in this key text is "
    "theirs, first use Forget this signing key… on the Supervision screen, then add them "
    "again. Nothing was changed."
)


@dataclass(frozen=True)
class Paired:
    supervisee: Supervisee
    new: bool  # False: the person was already a supervisee (renamed, pinned if they were not)
    signing_fingerprint: str


class SuperviseePairing:
    def __init__(self, keys: SupervisionKeyRepository, record: SupervisionRecordRepository) -> None:
        self._keys = keys
        self._record = record

    def expect_supervisee(self, name: str, key_text: str, confirmed: bool) -> Paired:
        """Add (or rename) the supervisee whose key text this is and pin its signing key, in
        one transaction; ``confirmed``: both fingerprints were compared with theirs."""
        if not confirmed:
            raise ValidationError(NOT_CONFIRMED)
        clean = clean_name(name)
        age, signing = parse_key_text(key_text)
        # Refused without "sign:": pairing exists to confirm the signing key. With the age key
        # alone nothing would be checked (the first packet still pins whatever signed it, and
        # makes the supervisee itself), so accepting it would only look like protection.
        if not signing:
            check_recipient(age)  # a damaged age key is said to be damaged first
            raise ValidationError(NO_SIGNING_KEY)
        recipient = check_recipient(age)
        mine = self._keys.existing_identity()
        if mine is not None and mine[1] == recipient:
            raise ValidationError(OWN_KEY)
        pinned = self._keys.pinned(recipient)
        if pinned is not None and pinned != signing:
            raise ValidationError(SUPERVISEE_KEY_DIFFERS, fingerprint=signing_fingerprint(pinned))
        supervisee_id, new = self._record.pair_supervisee(clean, recipient, signing)
        found = self._record.supervisee(supervisee_id)
        assert found is not None
        return Paired(found, new, signing_fingerprint(signing))
