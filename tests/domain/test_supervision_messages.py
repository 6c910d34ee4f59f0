"""Decrypted packets and replies are read like hostile input: only clear refusals."""

from __future__ import annotations

import contextlib
import json
from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reflect.domain.errors import ValidationError
from reflect.domain.supervision import (
    Agreement,
    HotDebrief,
    HoursEntry,
    check_recipient,
    fingerprint,
    hours_totals,
)
from reflect.domain.supervision_messages import (
    Packet,
    PacketAction,
    PacketCard,
    Reply,
    Sender,
    read_packet,
    read_reply,
)

KEY = "age1" + "q" * 58


def _packet() -> Packet:
    return Packet(
        packet_id="a" * 32,
        created_at=datetime(2026, 5, 1, 10, 0),
        sender=Sender("Alex", KEY),
        title="May debrief",
        topics=("Sleep",),
        cards=(PacketCard("checkin", "Check-in", "1 May", (("Sleep", "poor"),)),),
        notes=(("impact", "Tired"),),
        actions=(PacketAction("Rest", "me", date(2026, 5, 8)),),
        rating={"heard": 4},
    )


def _encode(data) -> bytes:
    return json.dumps(data).encode()


def test_round_trip():
    packet = _packet()
    assert read_packet(_encode(packet.to_json())) == packet
    reply = Reply(
        "b" * 32, "a" * 32, datetime(2026, 5, 2), Sender("Sam", KEY), next_date=date(2026, 6, 1)
    )
    assert read_reply(_encode(reply.to_json())) == reply


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda d: d.update(version=2), "different version"),
        (lambda d: d.update(format="something-else"), "not a Reflect"),
        (lambda d: d.update(format="reflect-supervision-reply"), "reply"),
        (lambda d: d["from"].update(recipient="age1short"), "from.recipient"),
        (lambda d: d.update(packet_id="../../etc"), "packet_id"),
        (lambda d: d["debrief"]["cards"][0].update(kind="reflection_full"), "kind"),
        (lambda d: d["debrief"]["cards"][0].update(lines=[["a"]]), "lines"),
        (lambda d: d["debrief"].update(title="x" * 5000), "longer than"),
        (lambda d: d["debrief"]["notes"].append({"step": "impact", "text": "again"}), "repeats"),
        (lambda d: d["debrief"]["actions"][0].update(due="tomorrow"), "date"),
        (lambda d: d.update(rating={"heard": 9}), "rating"),
        (lambda d: d["debrief"].update(topics=[{"nested": 1}]), "topics"),
    ],
)
def test_every_field_is_checked(change, message):
    data = _packet().to_json()
    change(data)
    with pytest.raises(ValidationError, match=message):
        read_packet(_encode(data))


def test_size_and_depth_limits():
    with pytest.raises(ValidationError, match="too large"):
        read_packet(b" " * (5 * 1024 * 1024))
    with pytest.raises(ValidationError, match="nested too deeply"):
        read_packet(b"[" * 100000 + b"]" * 100000)
    with pytest.raises(ValidationError, match="cannot be read"):
        read_packet(b'{"format": NaN}')
    with pytest.raises(ValidationError, match="not text"):
        read_packet(b"\xff\xfe")


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_are_refused_cleanly(data):
    for reader in (read_packet, read_reply):
        with pytest.raises(ValidationError):
            reader(data)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(["packet_id", "created_at", "from", "debrief", "rating", "version"]),
    json_values,
)
def test_any_field_replaced_by_any_json_is_read_or_refused(key, value):
    data = _packet().to_json()
    data[key] = value
    with contextlib.suppress(ValidationError):
        read_packet(_encode(data))


def test_fingerprint_and_key_checks():
    assert fingerprint(KEY) == fingerprint(" " + KEY + "\n")
    assert len(fingerprint(KEY).replace(" ", "")) == 20
    assert check_recipient(KEY[:10] + "\n" + KEY[10:]) == KEY
    with pytest.raises(ValidationError):
        check_recipient("AGE-SECRET-KEY-1ABC")


def test_agreement_review_and_hot_debrief_checks():
    agreement = Agreement(1, review_on=date(2026, 6, 30))
    assert not agreement.review_due(date(2026, 6, 1))
    assert agreement.review_due(date(2026, 6, 20))
    hot = HotDebrief(datetime(2026, 5, 1, 18, 0))
    assert [due for _, due, _ in hot.checks()] == [date(2026, 5, 4), date(2026, 5, 31)]
    assert hot.due_checks(date(2026, 5, 5)) == [("after a few days", date(2026, 5, 4))]
    totals = hours_totals(
        [
            HoursEntry(date(2025, 12, 1), 60, supervisee_id=1),
            HoursEntry(date(2026, 1, 1), 30, supervisee_id=1),
            HoursEntry(date(2026, 2, 1), 45, supervisee_id=1),
        ]
    )
    assert totals == {(1, 2025): 60, (1, 2026): 75}
