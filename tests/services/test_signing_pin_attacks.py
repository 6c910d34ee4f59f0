"""Attacks on the pinned signing keys: a pin landing while a file is read, a packet that
claims to come from this profile's own supervisor, and a crafted archive."""

from __future__ import annotations

import json

import pytest

from reflect.domain.errors import ValidationError
from reflect.domain.supervision_messages import PACKET_FORMAT
from reflect.services.export import export_profile
from reflect.services.importing import import_file
from reflect.storage.signatures import new_signing_key
from tests.services.supervision_fixtures import all_rows_text
from tests.services.test_supervision_signatures import (
    _exchange,
    _forge,
    _keys,
    _packet_doc,
    _reply,
    _send,
)

ARCHIVE_PASS = "archive passphrase for pin tests"


def _pins(session) -> dict[str, str]:
    return dict(session.db.execute("SELECT recipient, key FROM signing_pins").fetchall())


def test_a_pin_made_while_a_packet_was_read_is_not_overruled(pair, tmp_path, monkeypatch):
    """Another window pins a different key between the check and the keeping: the packet
    must not be kept as signed by a key that is not the one pinned."""
    _, out = _send(pair, tmp_path)
    service = pair.supervisor.supervision
    opened = service.open_packet

    def open_then_race(data):
        packet = opened(data)
        _, other = new_signing_key()
        pair.supervisor.db.execute(
            "INSERT INTO signing_pins (recipient, key, since) VALUES (?, ?, '2026-12-07T10:00:00')",
            [packet.sender.recipient, other],
        )
        return packet

    monkeypatch.setattr(service, "open_packet", open_then_race)
    before = service.packets()
    with pytest.raises(ValidationError, match="signing key"):
        service.import_packet(out)
    assert service.packets() == before


def test_a_pin_made_while_a_reply_was_read_is_not_overruled(pair, tmp_path, monkeypatch):
    packet = _exchange(pair, tmp_path)
    _, path = _reply(pair, tmp_path, packet)
    send = pair.provider.supervision_send
    opened = send.open_reply
    supervisor, _ = _keys(pair)

    def open_then_race(data):
        reply = opened(data)
        _, other = new_signing_key()
        pair.provider.db.execute(
            "INSERT INTO signing_pins (recipient, key, since) VALUES (?, ?, '2026-12-07T10:00:00')",
            [supervisor, other],
        )
        return reply

    monkeypatch.setattr(send, "open_reply", open_then_race)
    with pytest.raises(ValidationError, match="signing key"):
        send.import_reply(path)
    assert send.replies() == []


def test_a_packet_in_my_supervisors_name_cannot_pin_their_key(pair, tmp_path):
    """A forged reply needs the id of a packet sent to the supervisor; a packet needs nothing.
    A packet claiming the supervisor's age key must not pin the key their replies are
    checked against, or the real replies would be refused for good."""
    packet = _exchange(pair, tmp_path)  # the provider sent a packet to the supervisor
    supervisor, provider = _keys(pair)
    # The attacker sends the provider a packet that claims the supervisor's age key.
    doc = _packet_doc(pair, tmp_path, packet_id="f" * 32)
    doc["from"]["recipient"] = supervisor
    forged = tmp_path / "claims-supervisor.age"
    forged.write_bytes(_forge(doc, PACKET_FORMAT, [provider, supervisor], [provider]))
    pair.provider.supervision.import_packet(forged)
    assert supervisor not in _pins(pair.provider)
    # The supervisor's real reply is still taken, and pins their real key.
    _, path = _reply(pair, tmp_path, packet)
    receipt = pair.provider.supervision_send.import_reply(path)
    assert _pins(pair.provider)[supervisor] == receipt.reply.sender.signing_key


def test_a_crafted_archive_plants_no_pin_and_keeps_my_signing_key(pair, tmp_path):
    """An archive is the person's data, not proof of whose key is whose: its pins are not
    taken, and this profile's own signing key can never come from it."""
    packet = _exchange(pair, tmp_path)
    _, path = _reply(pair, tmp_path, packet)
    pair.provider.supervision_send.import_reply(path)  # the provider pins the supervisor
    supervisor, _ = _keys(pair)
    mine = pair.supervisor.supervision_send.my_signing_fingerprint()
    own_key = pair.supervisor.db.execute("SELECT secret FROM signing_identity").fetchone()
    # Crafted: a pin for someone the supervisor has not heard from yet.
    _, planted = new_signing_key()
    pair.provider.db.execute(
        "INSERT INTO signing_pins (recipient, key, since) VALUES (?, ?, '2026-12-07T10:00:00')",
        ["age1" + "q" * 58, planted],
    )
    archive = export_profile(
        pair.provider, "archive", tmp_path / "a", archive_passphrase=ARCHIVE_PASS
    )
    before = _pins(pair.supervisor)
    report = import_file(pair.supervisor, archive.path, ARCHIVE_PASS)
    assert _pins(pair.supervisor) == before
    assert not report.written.get("signing_pins")
    assert any("signing key" in str(note) for note in report.preview.notes)
    assert pair.supervisor.supervision_send.my_signing_fingerprint() == mine
    after = pair.supervisor.db.execute("SELECT secret FROM signing_identity").fetchone()
    assert after == own_key


def test_archive_pins_are_named_in_the_preview(pair, tmp_path):
    from reflect.services.importing import preview_import

    packet = _exchange(pair, tmp_path)
    _, path = _reply(pair, tmp_path, packet)
    pair.provider.supervision_send.import_reply(path)
    archive = export_profile(
        pair.provider, "archive", tmp_path / "a", archive_passphrase=ARCHIVE_PASS
    )
    text = all_rows_text(pair.supervisor)
    preview = preview_import(pair.supervisor, archive.path, ARCHIVE_PASS)
    assert "signing_pins" not in preview.counts
    assert any("signing key" in str(note) for note in preview.notes)
    assert json.dumps(preview.to_json())  # still plain JSON for the command line
    assert all_rows_text(pair.supervisor) == text
