"""Signed packets and replies: a forged, tampered or re-sealed file is refused with nothing
changed; an older unsigned file is still taken in, and marked unsigned."""

from __future__ import annotations

import base64
import json

import pytest

from reflect.domain.errors import ValidationError
from reflect.domain.signed_envelope import signed_message, wrap
from reflect.domain.supervision_messages import PACKET_FORMAT, REPLY_FORMAT, Sender
from reflect.storage.sealed_files import new_identity, seal
from reflect.storage.signatures import new_signing_key, sign
from tests.services.supervision_fixtures import all_rows_text


def _send(pair, tmp_path, name="packet.age"):
    recipient, _ = pair.supervisor.supervision.my_key()
    out = tmp_path / name
    packet, _ = pair.provider.supervision_send.send_packet(
        pair.debrief_id, recipient, out, with_notes=True, flagged_confirmed=True
    )
    return packet, out


def _forge(document: dict, kind: str, recipients: list[str], sealed_to: list[str], secret=None):
    """What an attacker can do: sign with their own key and seal to anyone's public key."""
    secret, public = (secret, None) if secret else new_signing_key()
    if public is not None:
        document["from"]["signing_key"] = public
    raw = json.dumps(document).encode()
    envelope = wrap(kind, raw, recipients, sign(secret, signed_message(kind, recipients, raw)))
    return seal(envelope, sealed_to)


def _packet_doc(pair, tmp_path, packet_id="c" * 32) -> dict:
    packet, _ = _send(pair, tmp_path, "model.age")
    doc = packet.to_json()
    doc["packet_id"] = packet_id
    return doc


def _keys(pair):
    return pair.supervisor.supervision.my_key()[0], pair.provider.supervision_send.my_key()[0]


def test_a_sent_packet_is_signed_and_marked_so(pair, tmp_path):
    packet, out = _send(pair, tmp_path)
    received = pair.supervisor.supervision.import_packet(out)
    assert received.packet.sender.signing_key == packet.sender.signing_key != ""
    rows = pair.supervisor.supervision.packets()
    assert [row["signed"] for row, _ in rows] == [True]


def test_forged_packet_claiming_a_known_supervisee_is_refused(pair, tmp_path):
    _, out = _send(pair, tmp_path)
    pair.supervisor.supervision.import_packet(out)  # the real supervisee: key pinned
    supervisor, provider = _keys(pair)
    doc = _packet_doc(pair, tmp_path)
    forged = tmp_path / "forged.age"
    forged.write_bytes(_forge(doc, PACKET_FORMAT, [supervisor, provider], [supervisor]))
    before = all_rows_text(pair.supervisor)
    with pytest.raises(ValidationError, match="different key.*compare signing fingerprints"):
        pair.supervisor.supervision.import_packet(forged)
    assert all_rows_text(pair.supervisor) == before


def test_unsigned_packet_for_a_supervisee_who_signs_is_refused(pair, tmp_path):
    _, out = _send(pair, tmp_path)
    pair.supervisor.supervision.import_packet(out)
    supervisor, _ = _keys(pair)
    doc = _packet_doc(pair, tmp_path)
    del doc["from"]["signing_key"]
    old = tmp_path / "downgrade.age"
    old.write_bytes(seal(json.dumps(doc).encode(), [supervisor]))
    with pytest.raises(ValidationError, match="signs its packets, but it is not signed"):
        pair.supervisor.supervision.import_packet(old)


def test_tampered_signature_is_refused(pair, tmp_path):
    supervisor, provider = _keys(pair)
    _, out = _send(pair, tmp_path)
    plain = json.loads(_open(pair.supervisor, out))
    signature = bytearray(base64.b64decode(plain["signature"]))
    signature[5] ^= 1
    plain["signature"] = base64.b64encode(bytes(signature)).decode()
    changed = tmp_path / "tampered.age"
    changed.write_bytes(seal(json.dumps(plain).encode(), [supervisor]))
    before = all_rows_text(pair.supervisor)
    with pytest.raises(ValidationError, match="signature does not match its content"):
        pair.supervisor.supervision.import_packet(changed)
    # the document changed under an intact signature: refused the same way
    plain = json.loads(_open(pair.supervisor, out))
    doc = json.loads(base64.b64decode(plain["document"]))
    doc["debrief"]["title"] = "Another title"
    plain["document"] = base64.b64encode(json.dumps(doc).encode()).decode()
    changed.write_bytes(seal(json.dumps(plain).encode(), [supervisor]))
    with pytest.raises(ValidationError, match="signature does not match its content"):
        pair.supervisor.supervision.import_packet(changed)
    assert all_rows_text(pair.supervisor) == before


def test_packet_sealed_again_to_another_recipient_is_refused(pair, tmp_path):
    _, out = _send(pair, tmp_path)
    plain = _open(pair.supervisor, out)  # the supervisor passes it on, sealed to someone else
    other_secret, other = new_identity()
    pair.supervisor.db.execute(
        "UPDATE supervision_identity SET secret = ?, recipient = ?", [other_secret, other]
    )
    resealed = tmp_path / "resealed.age"
    resealed.write_bytes(seal(plain, [other]))
    with pytest.raises(ValidationError, match="signed for someone else and sealed again"):
        pair.supervisor.supervision.import_packet(resealed)


def old_unsigned_packet(pair, tmp_path):
    """A packet as an older Reflect sent it (no signature), imported by the supervisor."""
    supervisor, _ = _keys(pair)
    doc = _packet_doc(pair, tmp_path)
    del doc["from"]["signing_key"]
    old = tmp_path / "old.age"
    old.write_bytes(seal(json.dumps(doc).encode(), [supervisor]))
    return pair.supervisor.supervision.import_packet(old)


def test_old_unsigned_packet_still_imports_and_is_marked_unsigned(pair, tmp_path):
    received = old_unsigned_packet(pair, tmp_path)
    assert received.packet.sender.signing_key == ""
    assert [row["signed"] for row, _ in pair.supervisor.supervision.packets()] == [False]
    # a signed one after it pins the key from then on
    _, out = _send(pair, tmp_path)
    pair.supervisor.supervision.import_packet(out)
    assert sorted(r["signed"] for r, _ in pair.supervisor.supervision.packets()) == [False, True]


def test_unsigned_document_naming_a_key_is_kept_as_unsigned(pair, tmp_path):
    supervisor, _ = _keys(pair)
    doc = _packet_doc(pair, tmp_path)  # still names the real signing key, but unsigned
    old = tmp_path / "old.age"
    old.write_bytes(seal(json.dumps(doc).encode(), [supervisor]))
    received = pair.supervisor.supervision.import_packet(old)
    assert received.packet.sender.signing_key == ""
    assert pair.supervisor.supervision.packets()[0][0]["signed"] is False


# --- replies ----------------------------------------------------------------------------------


def _exchange(pair, tmp_path):
    packet, out = _send(pair, tmp_path)
    pair.supervisor.supervision.import_packet(out)
    return packet


def _reply(pair, tmp_path, packet, name="reply.age"):
    path = tmp_path / name
    reply, _ = pair.supervisor.supervision.send_reply(packet.packet_id, path, message="Well done")
    return reply, path


def _reply_doc(reply, reply_id="d" * 32) -> dict:
    doc = reply.to_json()
    doc["reply_id"] = reply_id
    return doc


def test_signed_reply_imports_and_pins_the_supervisor(pair, tmp_path):
    packet = _exchange(pair, tmp_path)
    _, path = _reply(pair, tmp_path, packet)
    receipt = pair.provider.supervision_send.import_reply(path)
    assert receipt.reply.sender.signing_key != ""
    assert [r["signed"] for r in pair.provider.supervision_send.replies()] == [True]


def test_forged_reply_is_refused(pair, tmp_path):
    packet = _exchange(pair, tmp_path)
    reply, path = _reply(pair, tmp_path, packet)
    pair.provider.supervision_send.import_reply(path)
    supervisor, provider = _keys(pair)
    forged = tmp_path / "forged-reply.age"
    forged.write_bytes(_forge(_reply_doc(reply), REPLY_FORMAT, [provider, supervisor], [provider]))
    before = all_rows_text(pair.provider)
    with pytest.raises(ValidationError, match="different key.*compare signing fingerprints"):
        pair.provider.supervision_send.import_reply(forged)
    assert all_rows_text(pair.provider) == before


def test_forged_first_reply_in_another_name_is_refused(pair, tmp_path):
    """Before any reply is pinned, a reply signed by someone who claims another age key than
    the supervisor's the packet went to is refused."""
    packet = _exchange(pair, tmp_path)
    reply, _ = _reply(pair, tmp_path, packet)
    _, provider = _keys(pair)
    _, stranger = new_identity()
    doc = _reply_doc(reply)
    doc["from"] = Sender("Sam", stranger).to_json()
    forged = tmp_path / "forged-reply.age"
    forged.write_bytes(_forge(doc, REPLY_FORMAT, [provider, stranger], [provider]))
    with pytest.raises(ValidationError, match="signed by someone other than the supervisor"):
        pair.provider.supervision_send.import_reply(forged)


def test_tampered_and_resealed_replies_are_refused(pair, tmp_path):
    packet = _exchange(pair, tmp_path)
    _, path = _reply(pair, tmp_path, packet)
    _, provider = _keys(pair)
    plain = json.loads(_open(pair.provider, path))
    doc = json.loads(base64.b64decode(plain["document"]))
    doc["message"] = "Something else"
    plain["document"] = base64.b64encode(json.dumps(doc).encode()).decode()
    changed = tmp_path / "changed.age"
    changed.write_bytes(seal(json.dumps(plain).encode(), [provider]))
    with pytest.raises(ValidationError, match="signature does not match its content"):
        pair.provider.supervision_send.import_reply(changed)
    original = _open(pair.provider, path)
    other_secret, other = new_identity()
    pair.provider.db.execute(
        "UPDATE supervision_identity SET secret = ?, recipient = ?", [other_secret, other]
    )
    changed.write_bytes(seal(original, [other]))
    with pytest.raises(ValidationError, match="signed for someone else and sealed again"):
        pair.provider.supervision_send.import_reply(changed)


def test_old_unsigned_reply_still_imports_and_is_marked_unsigned(pair, tmp_path):
    packet = _exchange(pair, tmp_path)
    reply, _ = _reply(pair, tmp_path, packet)
    _, provider = _keys(pair)
    doc = _reply_doc(reply)
    del doc["from"]["signing_key"]
    old = tmp_path / "old-reply.age"
    old.write_bytes(seal(json.dumps(doc).encode(), [provider]))
    receipt = pair.provider.supervision_send.import_reply(old)
    assert receipt.reply.sender.signing_key == ""
    assert [r["signed"] for r in pair.provider.supervision_send.replies()] == [False]
    # once a signed reply pinned the supervisor's key, an unsigned one is refused
    _, path = _reply(pair, tmp_path, packet, "signed.age")
    pair.provider.supervision_send.import_reply(path)
    doc["reply_id"] = "e" * 32
    old.write_bytes(seal(json.dumps(doc).encode(), [provider]))
    with pytest.raises(ValidationError, match="signs its replies, but it is not signed"):
        pair.provider.supervision_send.import_reply(old)


def _open(session, path) -> bytes:
    from reflect.storage.sealed_files import open_sealed

    secret = session.supervision_send.my_identity()
    return open_sealed(path.read_bytes(), secret, "sealed file")
