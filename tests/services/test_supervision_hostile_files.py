"""Packets and replies that are validly sealed but hostile, odd or repeated: each is refused
with one clear sentence, or taken in without changing what the person already holds."""

from __future__ import annotations

import json
import secrets
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reflect.domain.errors import ReflectError, ValidationError
from reflect.domain.supervision_messages import read_packet, read_reply
from reflect.storage.sealed_files import seal
from tests.services.supervision_fixtures import all_rows_text


def _packet_json(pair, tmp_path) -> dict:
    recipient, _ = pair.supervisor.supervision.my_key()
    packet, _ = pair.provider.supervision_send.send_packet(
        pair.debrief_id, recipient, tmp_path / "p.age", with_notes=True, flagged_confirmed=True
    )
    return packet.to_json()


def _sealed(tmp_path, data: dict, recipient: str, name: str):
    path = tmp_path / name
    # ensure_ascii: a lone surrogate travels as a \ud800 escape, as a hostile writer would send it
    path.write_bytes(seal(json.dumps(data, ensure_ascii=True).encode(), [recipient]))
    return path


def test_lone_surrogate_in_a_packet_is_refused_cleanly(pair, tmp_path):
    """A validly sealed packet whose title or sender name holds an escaped lone surrogate
    used to end in a UnicodeEncodeError traceback when it was stored."""
    recipient, _ = pair.supervisor.supervision.my_key()
    base = _packet_json(pair, tmp_path)
    before = all_rows_text(pair.supervisor)
    for index, change in enumerate(
        (
            lambda d: d["debrief"].update(title="May \ud800 debrief"),
            lambda d: d["from"].update(name="Al\udfffex"),
            lambda d: d["debrief"]["cards"][0].update(subtitle="\ud83d"),
        )
    ):
        data = json.loads(json.dumps(base))
        change(data)
        data["packet_id"] = secrets.token_hex(16)
        path = _sealed(tmp_path, data, recipient, f"surrogate-{index}.age")
        with pytest.raises(ValidationError, match="not valid Unicode"):
            pair.supervisor.supervision.import_packet(path)
    assert all_rows_text(pair.supervisor) == before


def test_lone_surrogate_in_a_reply_is_refused_cleanly(pair, tmp_path):
    packet = _packet_json(pair, tmp_path)
    provider, _ = pair.provider.supervision_send.my_key()
    supervisor, _ = pair.supervisor.supervision.my_key()
    reply = {
        "format": "reflect-supervision-reply",
        "version": 1,
        "reply_id": secrets.token_hex(16),
        "packet_id": packet["packet_id"],
        "created_at": "2026-05-02T10:00:00",
        "from": {"name": "Sam", "recipient": supervisor},
        "actions": [{"text": "Rest \udc80", "owner": "", "due": None, "done": False}],
        "notes": [],
        "next_date": None,
        "message": "",
    }
    path = _sealed(tmp_path, reply, provider, "reply.age")
    before = all_rows_text(pair.provider)
    with pytest.raises(ValidationError, match="not valid Unicode"):
        pair.provider.supervision_send.import_reply(path)
    assert all_rows_text(pair.provider) == before


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(["title", "name", "topic", "note", "message", "owner"]),
    # Surrogates and control characters drawn often: the default alphabet almost never has them.
    st.text(
        st.characters(exclude_categories=())
        | st.characters(categories=["Cs"])
        | st.characters(categories=["Cc"]),
        max_size=12,
    ),
)
def test_any_text_read_from_a_packet_or_reply_can_be_written_as_utf8(where, text):
    """Whatever character a hostile writer puts in a text field, what is read can be stored
    and printed (UTF-8), or the file is refused with a ValidationError."""
    key = "age1" + "q" * 58
    packet = {
        "format": "reflect-supervision-packet",
        "version": 1,
        "packet_id": "a" * 32,
        "created_at": "2026-05-01T10:00:00",
        "from": {"name": text if where == "name" else "Alex", "recipient": key},
        "debrief": {
            "title": "T" + text if where == "title" else "T",
            "topics": [text] if where == "topic" else [],
            "notes": [{"step": "impact", "text": text}] if where == "note" else [],
            "actions": [{"text": "a", "owner": text}] if where == "owner" else [],
        },
    }
    reply = {
        "format": "reflect-supervision-reply",
        "version": 1,
        "reply_id": "b" * 32,
        "packet_id": "a" * 32,
        "created_at": "2026-05-02T10:00:00",
        "from": {"name": "Sam", "recipient": key},
        "message": text if where == "message" else "",
        "actions": [{"text": "a", "owner": text}] if where == "owner" else [],
    }
    for reader, data in ((read_packet, packet), (read_reply, reply)):
        try:
            read = reader(json.dumps(data, ensure_ascii=True).encode())
        except ValidationError:
            continue
        read.all_text().encode("utf-8")


def test_a_packet_without_a_name_keeps_the_supervisees_name(pair, tmp_path):
    """A later packet from the same key that gives no name (the provider left it empty)
    used to rename the supervisee to the placeholder 'Supervisee'."""
    recipient, _ = pair.supervisor.supervision.my_key()
    base = _packet_json(pair, tmp_path)
    first = _sealed(tmp_path, base, recipient, "first.age")
    assert pair.supervisor.supervision.import_packet(first).supervisee.name == "Alex"
    nameless = json.loads(json.dumps(base))
    nameless["packet_id"] = secrets.token_hex(16)
    nameless["from"]["name"] = ""
    received = pair.supervisor.supervision.import_packet(
        _sealed(tmp_path, nameless, recipient, "nameless.age")
    )
    assert received.supervisee.name == "Alex"
    assert [p.name for p in pair.supervisor.supervision.supervisees()] == ["Alex"]


def test_a_second_reply_to_a_packet_does_not_repeat_its_actions(pair, tmp_path):
    """A supervisor who replies again (an action added, a date changed) sends every action
    agreed for the packet; the provider used to get each earlier one a second time."""
    recipient, _ = pair.supervisor.supervision.my_key()
    out = tmp_path / "packet.age"
    packet, _ = pair.provider.supervision_send.send_packet(
        pair.debrief_id, recipient, out, with_notes=True, flagged_confirmed=True
    )
    sup = pair.supervisor.supervision
    sup.import_packet(out)
    sup.add_action(packet.packet_id, "Rest on Fridays", "Alex", date(2026, 6, 1))
    sup.send_reply(packet.packet_id, tmp_path / "r1.age", flagged_confirmed=True)
    sup.add_action(packet.packet_id, "Walk at lunch", "Alex")
    sup.send_reply(packet.packet_id, tmp_path / "r2.age", flagged_confirmed=True)
    sender = pair.provider.supervision_send
    assert sender.import_reply(tmp_path / "r1.age").actions_added == 1
    second = sender.import_reply(tmp_path / "r2.age")
    assert second.actions_added == 1
    texts = [a.text for a in pair.provider.debrief.actions(pair.debrief_id)]
    assert texts.count("Rest on Fridays") == 1 and texts.count("Walk at lunch") == 1
    with pytest.raises(ReflectError, match="already imported"):
        sender.import_reply(tmp_path / "r2.age")


def test_two_supervisees_with_one_name_are_told_apart_by_fingerprint(pair, tmp_path):
    """Two providers both called Alex (or a packet that takes a known name): finding 'Alex'
    used to return the first silently, so hours could be logged against the wrong person."""
    from reflect.domain.supervision import HoursEntry
    from reflect.storage.sealed_files import new_identity

    recipient, _ = pair.supervisor.supervision.my_key()
    base = _packet_json(pair, tmp_path)
    pair.supervisor.supervision.import_packet(_sealed(tmp_path, base, recipient, "a.age"))
    other = json.loads(json.dumps(base))
    other["packet_id"] = secrets.token_hex(16)
    other["from"]["recipient"] = new_identity()[1]
    pair.supervisor.supervision.import_packet(_sealed(tmp_path, other, recipient, "b.age"))
    service = pair.supervisor.supervision
    first, second = service.supervisees()
    assert first.name == second.name == "Alex"
    with pytest.raises(ValidationError, match="2 supervisees are called 'Alex'"):
        service.find_supervisee("Alex")
    assert service.find_supervisee(second.fingerprint) == second
    assert service.find_supervisee(second.fingerprint.replace(" ", "").lower()) == second
    service.log.add_hours(HoursEntry(date(2026, 5, 1), 60, supervisee_id=second.id))
    with pytest.raises(ValidationError, match="No supervisee called 'Sam'"):
        service.find_supervisee("Sam")
