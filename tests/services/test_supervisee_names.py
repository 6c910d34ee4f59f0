"""A name the supervisor typed when adding a supervisee (Add supervisee…) is theirs to keep:
a later packet may not replace it with the name the packet carries. A supervisee the
supervisor never named still takes the newest name their packets give."""

from __future__ import annotations

from reflect.services.supervision_show import supervision_record
from tests.services.test_supervisee_pairing import _provider_text


def _send_as(pair, tmp_path, name: str, file: str):
    recipient, _ = pair.supervisor.supervision.my_key()
    out = tmp_path / file
    pair.provider.supervision_send.send_packet(
        pair.debrief_id, recipient, out, with_notes=True, flagged_confirmed=True, from_name=name
    )
    return pair.supervisor.supervision.import_packet(out)


def _names(pair) -> list[str]:
    return [p.name for p in pair.supervisor.supervision.supervisees()]


def test_a_name_chosen_at_pairing_stays_when_their_packets_come(pair, tmp_path):
    supervision = pair.supervisor.supervision
    supervision.pairing.expect_supervisee("Alex R (Tuesday group)", _provider_text(pair), True)
    received = _send_as(pair, tmp_path, "Lexi", "first.age")
    assert received.supervisee.name == "Alex R (Tuesday group)"
    assert received.packet.sender.name == "Lexi"  # the packet still says what it says
    _send_as(pair, tmp_path, "Alexandra", "second.age")
    assert _names(pair) == ["Alex R (Tuesday group)"]
    shown = supervision_record(pair.supervisor)
    assert [p["name"] for p in shown["supervisees"]] == ["Alex R (Tuesday group)"]


def test_a_name_chosen_after_their_first_packet_also_stays(pair, tmp_path):
    supervision = pair.supervisor.supervision
    _send_as(pair, tmp_path, "Lexi", "first.age")
    assert _names(pair) == ["Lexi"]
    supervision.pairing.expect_supervisee("Alex R", _provider_text(pair), True)
    assert _names(pair) == ["Alex R"]
    _send_as(pair, tmp_path, "Alexandra", "second.age")
    assert _names(pair) == ["Alex R"]


def test_a_supervisee_never_named_by_the_supervisor_takes_the_newest_packet_name(pair, tmp_path):
    _send_as(pair, tmp_path, "Lexi", "first.age")
    _send_as(pair, tmp_path, "Alexandra", "second.age")
    assert _names(pair) == ["Alexandra"]
    _send_as(pair, tmp_path, "", "third.age")  # no name given: the known one stays
    assert _names(pair) == ["Alexandra"]


def test_a_chosen_name_stays_chosen_through_an_archive(pair, tmp_path):
    from tests.services.archive_signature_fixtures import into_fresh_profile

    pair.supervisor.supervision.pairing.expect_supervisee("Alex R", _provider_text(pair), True)
    fresh, _ = into_fresh_profile(pair.supervisor, tmp_path, "fresh")
    try:
        rows = fresh.db.execute("SELECT name, name_chosen FROM supervisees").fetchall()
        assert rows == [("Alex R", 1)]
    finally:
        fresh.close()
