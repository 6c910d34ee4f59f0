"""What one side seals, the other side's Reflect can open: a packet or a reply larger than
the reader takes is refused before anything is written, not sent to someone who cannot
open it."""

from __future__ import annotations

import dataclasses

import pytest

from reflect.domain.errors import ValidationError
from reflect.domain.supervision_messages import PacketCard
from reflect.ui.error_text import message_in_language
from reflect.ui.i18n import set_language


def test_a_packet_the_supervisor_could_not_open_is_never_written(pair, tmp_path, monkeypatch):
    sender = pair.provider.supervision_send
    built = sender.build_packet
    many = tuple(PacketCard("note", f"card {n}", lines=(("a", "b"),)) for n in range(501))
    monkeypatch.setattr(
        sender, "build_packet", lambda *a, **k: dataclasses.replace(built(*a, **k), cards=many)
    )
    recipient, _ = pair.supervisor.supervision.my_key()
    out = tmp_path / "too-big.age"
    with pytest.raises(ValidationError, match="could not open this packet") as caught:
        sender.send_packet(pair.debrief_id, recipient, out, flagged_confirmed=True)
    assert "500" in str(caught.value)
    assert not out.exists()
    try:
        set_language("fr")
        french = message_in_language(caught.value)
        assert french.startswith("Le Reflect de votre superviseur·e ne pourrait pas ouvrir")
        assert "500 entrées)" in french and "Rien n'a été écrit." in french
    finally:
        set_language("en")


def test_a_packet_of_an_ordinary_debrief_is_sent_as_before(pair, tmp_path):
    recipient, _ = pair.supervisor.supervision.my_key()
    out = tmp_path / "p.age"
    pair.provider.supervision_send.send_packet(
        pair.debrief_id, recipient, out, flagged_confirmed=True
    )
    assert pair.supervisor.supervision.open_packet(out.read_bytes()).cards


def test_a_reply_the_provider_could_not_open_is_never_written(pair, tmp_path, monkeypatch):
    from reflect.domain.supervision_messages import PacketAction

    recipient, _ = pair.supervisor.supervision.my_key()
    packet_path = tmp_path / "p.age"
    pair.provider.supervision_send.send_packet(
        pair.debrief_id, recipient, packet_path, flagged_confirmed=True
    )
    supervision = pair.supervisor.supervision
    packet = supervision.import_packet(packet_path).packet
    built = supervision.build_reply
    many = tuple(PacketAction(f"step {n}") for n in range(201))

    def too_many(*args, **kwargs):
        reply, provider = built(*args, **kwargs)
        return dataclasses.replace(reply, actions=many), provider

    monkeypatch.setattr(supervision, "build_reply", too_many)
    out = tmp_path / "reply.age"
    with pytest.raises(ValidationError, match="could not open this reply"):
        supervision.send_reply(packet.packet_id, out, flagged_confirmed=True)
    assert not out.exists()
