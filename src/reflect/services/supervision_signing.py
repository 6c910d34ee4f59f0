"""Signing what is sent and checking what arrives, for packets and replies alike.

Sign-then-seal: the document (which names the signer's Ed25519 key) is signed together with
the age keys it is sealed to, wrapped (domain.signed_envelope) and sealed. On arrival the
signature is checked before anything is kept, and the signer's key is compared with the one
first seen for that person (trust on first use, keyed by their age key). An unsigned file
from an older Reflect is still read, and said to be unsigned; once a person's signing key is
known, an unsigned file in their name is refused (it would be the easy way round a signature).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, TypeVar

from reflect.domain.errors import ValidationError
from reflect.domain.message import Term
from reflect.domain.sealed_json import MAX_BYTES, REFUSALS
from reflect.domain.signed_envelope import (
    KEY_PATTERN,
    Unwrapped,
    canonical_b64,
    signed_message,
    unwrap,
    wrap,
)
from reflect.domain.supervision import fingerprint
from reflect.domain.supervision_messages import (
    PACKET_FORMAT,
    REPLY_FORMAT,
    Packet,
    Reply,
    read_packet,
    read_reply,
)
from reflect.storage.sealed_files import seal
from reflect.storage.signatures import sign, verifies

if TYPE_CHECKING:
    from collections.abc import Sequence

    from reflect.storage.supervision_keys import SupervisionKeyRepository

Document = TypeVar("Document", Packet, Reply)

_BAD_SIGNATURE = {
    "debrief packet": "This debrief packet's signature does not match its content: it was "
    "changed or forged after it was written. Nothing was changed.",
    "supervisor's reply": "This supervisor's reply's signature does not match its content: it "
    "was changed or forged after it was written. Nothing was changed.",
}
_NOT_FOR_ME = {
    "debrief packet": "This debrief packet was signed for someone else and sealed again to "
    "you, so it cannot be trusted. Nothing was changed.",
    "supervisor's reply": "This supervisor's reply was signed for someone else and sealed "
    "again to you, so it cannot be trusted. Nothing was changed.",
}
PACKET_KEY_CHANGED = (
    "This packet says it comes from {name}, but it is signed with a different key (signing "
    "fingerprint {fingerprint}) from the one known for them (from their earlier packets, or "
    "confirmed when you added them). Someone else may have written it. Ask {name} in person "
    "whether they sent it and compare signing fingerprints. Nothing was changed."
)
PACKET_UNSIGNED = (
    "This packet says it comes from {name}, whose Reflect signs its packets, but it is not "
    "signed. Someone else may have written it: ask {name} in person whether they sent it. "
    "Nothing was changed."
)
REPLY_KEY_CHANGED = (
    "This reply says it comes from your supervisor, but it is signed with a different key "
    "(signing fingerprint {fingerprint}) from the one known for them (from their earlier "
    "replies, or confirmed when you added them). Someone else may have written it. Ask your "
    "supervisor in person whether they sent it and compare signing fingerprints. Nothing was "
    "changed."
)
REPLY_UNSIGNED = (
    "This reply says it comes from your supervisor, whose Reflect signs its replies, but it is "
    "not signed. Someone else may have written it: ask your supervisor in person whether they "
    "sent it. Nothing was changed."
)
REPLY_OTHER_SENDER = (
    "This reply is signed by someone other than the supervisor you sent that packet to. "
    "Nothing was changed."
)


def seal_signed(
    keys: SupervisionKeyRepository,
    kind: str,
    what: str,
    document: bytes,
    recipients: Sequence[str],
) -> bytes:
    """The document signed with this profile's key and sealed to ``recipients``."""
    secret, _ = keys.signing_key()
    signature = sign(secret, signed_message(kind, recipients, document))
    envelope = wrap(kind, document, recipients, signature)
    if len(envelope) > MAX_BYTES:  # base64 makes the document a third larger
        raise ValidationError(REFUSALS[what].too_large)
    return seal(envelope, list(recipients))


def seal_packet(keys: SupervisionKeyRepository, document: bytes, to: Sequence[str]) -> bytes:
    return seal_signed(keys, PACKET_FORMAT, "debrief packet", document, to)


def seal_reply(keys: SupervisionKeyRepository, document: bytes, to: Sequence[str]) -> bytes:
    return seal_signed(keys, REPLY_FORMAT, "supervisor's reply", document, to)


def checked(unwrapped: Unwrapped, document: Document, what: str, me: str) -> Document:
    """The document read from ``unwrapped``, its sender's signing key kept only if the
    signature over it verifies (then ``signed(document)``) and names ``me`` as a recipient."""
    found = unwrapped.signed
    if found is None:  # an older Reflect's file: a key it names proves nothing
        return replace(document, sender=replace(document.sender, signing_key=""))
    key = canonical_b64(document.sender.signing_key, KEY_PATTERN)
    if key is None or not verifies(key, found.signature, found.message):
        raise ValidationError(_BAD_SIGNATURE[what])
    if me not in found.recipients:
        raise ValidationError(_NOT_FOR_ME[what])
    return document


def signed(document: Packet | Reply) -> bool:
    return bool(document.sender.signing_key)


def signing_fingerprint(signing_key: str) -> str:
    return fingerprint(signing_key) if signing_key else ""


def pin_problem(keys: SupervisionKeyRepository, recipient: str, signing_key: str) -> str:
    """ "" if the signer is the one first seen for ``recipient`` (or none was seen yet),
    "unsigned" or "changed" otherwise."""
    pinned = keys.pinned(recipient)
    if pinned is None or pinned == signing_key:
        return ""
    return "changed" if signing_key else "unsigned"


def open_packet_document(keys: SupervisionKeyRepository, plain: bytes, me: str) -> Packet:
    """The packet in a decrypted file, its signature checked against the signer first seen
    for the supervisee it names. Writes nothing (``import_packet`` pins a new signer)."""
    unwrapped = unwrap(plain, PACKET_FORMAT, "debrief packet")
    packet = checked(unwrapped, read_packet(unwrapped.document), "debrief packet", me)
    problem = pin_problem(keys, packet.sender.recipient, packet.sender.signing_key)
    name = packet.sender.name or Term("this supervisee")
    if problem == "unsigned":
        raise ValidationError(PACKET_UNSIGNED, name=name)
    if problem == "changed":
        print_ = signing_fingerprint(packet.sender.signing_key)
        raise ValidationError(PACKET_KEY_CHANGED, name=name, fingerprint=print_)
    return packet


def open_reply_document(keys: SupervisionKeyRepository, plain: bytes, me: str) -> Reply:
    """The reply in a decrypted file, its signature checked. A signed reply comes from the
    supervisor its packet was sent to, with the signing key first seen from them; once that
    key is known, an unsigned reply is refused. Writes nothing (``import_reply`` pins)."""
    unwrapped = unwrap(plain, REPLY_FORMAT, "supervisor's reply")
    reply = checked(unwrapped, read_reply(unwrapped.document), "supervisor's reply", me)
    sent = keys.sent(reply.packet_id)
    if sent is None:
        return reply  # refused by import_reply, which says why
    if signed(reply) and reply.sender.recipient != sent["recipient"]:
        raise ValidationError(REPLY_OTHER_SENDER)
    problem = pin_problem(keys, str(sent["recipient"]), reply.sender.signing_key)
    if problem == "unsigned":
        raise ValidationError(REPLY_UNSIGNED)
    if problem == "changed":
        print_ = signing_fingerprint(reply.sender.signing_key)
        raise ValidationError(REPLY_KEY_CHANGED, fingerprint=print_)
    return reply
