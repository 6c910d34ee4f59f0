"""Forgetting a pinned signing key on purpose: a supervisee whose forged "first packet" came
before their real one can be trusted again, and the next signed file pins again."""

from __future__ import annotations

import pytest

from reflect.domain.errors import ValidationError
from reflect.domain.supervision_messages import PACKET_FORMAT, REPLY_FORMAT
from tests.services.test_supervision_signatures import (
    _exchange,
    _forge,
    _keys,
    _packet_doc,
    _reply,
    _reply_doc,
    _send,
)


def test_a_forged_first_packet_can_be_forgotten_then_the_real_one_pins(pair, tmp_path):
    supervisor, provider = _keys(pair)
    doc = _packet_doc(pair, tmp_path, packet_id="a" * 32)
    forged = tmp_path / "forged.age"
    forged.write_bytes(_forge(doc, PACKET_FORMAT, [supervisor, provider], [supervisor]))
    service = pair.supervisor.supervision
    service.import_packet(forged)  # came first: the forger's key is pinned
    wrong = service.pins.fingerprint_of(provider)
    _, real = _send(pair, tmp_path, "real.age")
    with pytest.raises(ValidationError, match="different key"):
        service.import_packet(real)
    assert service.pins.forget(provider) == wrong
    assert service.pins.fingerprint_of(provider) == ""
    service.import_packet(real)  # the next signed packet pins again
    mine = pair.provider.supervision_send.my_signing_fingerprint()
    assert service.pins.fingerprint_of(provider) == mine != wrong
    assert service.signing_fingerprint_of(provider) == mine
    # the forged packet already kept stays as it was (it is the person's record to judge)
    assert len(service.packets()) == 2
    # forgetting where nothing is pinned changes nothing and says so
    assert service.pins.forget("age1" + "q" * 58) == ""


def test_a_supervisors_pin_can_be_forgotten_on_the_providers_side(pair, tmp_path):
    packet = _exchange(pair, tmp_path)
    reply, path = _reply(pair, tmp_path, packet)
    send = pair.provider.supervision_send
    supervisor, provider = _keys(pair)
    forged = tmp_path / "forged-reply.age"
    forged.write_bytes(_forge(_reply_doc(reply), REPLY_FORMAT, [provider, supervisor], [provider]))
    send.import_reply(forged)  # the forger was first
    with pytest.raises(ValidationError, match="different key"):
        send.import_reply(path)
    found = send.find_supervisor(send.supervisors()[0].name) if send.supervisors() else None
    assert send.pins.forget(supervisor) != ""
    send.import_reply(path)
    assert send.pins.fingerprint_of(supervisor) == (
        pair.supervisor.supervision.my_signing_fingerprint()
    )
    assert found is None or found.recipient == supervisor


def test_find_supervisor_by_name_or_fingerprint(pair):
    send = pair.provider.supervision_send
    supervisor, _ = _keys(pair)
    added = send.add_supervisor("Sam", supervisor, True)
    assert send.find_supervisor(" sam ").recipient == supervisor
    assert send.find_supervisor(added.fingerprint.lower()).id == added.id
    with pytest.raises(ValidationError, match="No supervisor called"):
        send.find_supervisor("Nobody")
