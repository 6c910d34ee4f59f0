"""Dates in a supervision packet or reply: kept to the minute, refused outside 1900-2199.

A packet is written on the provider's computer in its local time; the supervisor keeps the
same wall-clock numbers (no zone is added or converted). A date outside the years Reflect
keeps would later overflow the follow-up arithmetic, so it is refused like any bad field.
"""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest

from reflect.domain.errors import ValidationError
from reflect.domain.supervision_messages import Reply, Sender, read_packet, read_reply
from tests.domain.test_supervision_messages import KEY, _packet


def _encode(data) -> bytes:
    return json.dumps(data).encode()


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda d: d.update(created_at="9999-12-31T23:00:00"), "packet.created_at"),
        (lambda d: d["debrief"].update(scheduled_for="0001-01-01T10:00"), "scheduled_for"),
        (lambda d: d["debrief"]["actions"][0].update(due="9999-12-31"), "due"),
    ],
)
def test_a_packet_date_outside_the_kept_years_is_refused(change, where):
    data = _packet().to_json()
    change(data)
    with pytest.raises(ValidationError, match=where) as caught:
        read_packet(_encode(data))
    assert "outside the years Reflect keeps (1900 to 2199)" in str(caught.value)


def test_a_reply_next_date_outside_the_kept_years_is_refused():
    reply = Reply("b" * 32, "a" * 32, datetime(2026, 5, 2), Sender("Sam", KEY))
    data = reply.to_json()
    data["next_date"] = "9999-12-31"
    with pytest.raises(ValidationError, match="outside the years Reflect keeps"):
        read_reply(_encode(data))


def test_packet_times_keep_their_wall_clock_numbers():
    """A time with an offset (another program's packet) keeps its numbers, not converted."""
    data = _packet().to_json()
    data["debrief"]["scheduled_for"] = "2026-03-29T02:30:00+05:00"
    packet = read_packet(_encode(data))
    assert packet.scheduled_for == datetime(2026, 3, 29, 2, 30)
    assert packet.actions[0].due == date(2026, 5, 8)
