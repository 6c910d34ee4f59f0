"""Packets and replies between two profiles: only what is shared travels, and a wrong key,
a damaged file or a second import changes nothing."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from reflect.domain.errors import ReflectError, ValidationError
from reflect.services.debrief_markdown import debrief_markdown
from tests.services.supervision_fixtures import (
    CANARY,
    PART_CANARY,
    PART_SHARED,
    all_rows_text,
    open_profile,
)


def _send(pair, tmp_path, with_notes=True):
    recipient, _ = pair.supervisor.supervision.my_key()
    out = tmp_path / "outbox" / "packet.age"
    out.parent.mkdir(exist_ok=True)
    packet, _ = pair.provider.supervision_send.send_packet(
        pair.debrief_id, recipient, out, with_notes=with_notes, flagged_confirmed=True
    )
    return packet, out


def test_packet_round_trip_carries_only_what_is_shared(pair, tmp_path):
    packet, out = _send(pair, tmp_path)
    raw = out.read_bytes()
    assert raw.startswith(b"age-encryption.org/v1\n")
    assert CANARY.encode() not in raw and PART_SHARED.encode() not in raw  # sealed
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    text = packet.all_text()
    assert PART_SHARED in text
    assert CANARY not in text and PART_CANARY not in text
    assert "Book a quiet afternoon" in text and "Tired but steady." in text

    received = pair.supervisor.supervision.import_packet(out)
    assert received.supervisee.name == "Alex"
    stored = all_rows_text(pair.supervisor)
    assert PART_SHARED in stored
    assert CANARY not in stored and PART_CANARY not in stored


def test_notes_stay_home_unless_ticked(pair, tmp_path):
    packet, _ = _send(pair, tmp_path, with_notes=False)
    assert "Tired but steady." not in packet.all_text()
    assert packet.actions == ()


def test_parts_limit_preview_debrief_mode_and_exports(pair):
    view = pair.provider.debrief.shared_view(pair.debrief_id)
    everything = view.all_text()
    assert PART_SHARED in everything and PART_CANARY not in everything
    assert "7/10" not in everything  # intensity was not among the parts
    markdown = debrief_markdown(view)
    assert PART_SHARED in markdown and PART_CANARY not in markdown
    card = pair.provider.debrief.preview(
        "reflection", str(pair.part_reflection), parts=("what_happened",)
    )
    assert [label for label, _ in card.lines] == ["What happened?"] or len(card.lines) == 1
    whole = pair.provider.debrief.preview("reflection", str(pair.part_reflection))
    assert PART_CANARY in " ".join(t for _, t in whole.lines)  # the provider's own preview


def test_parts_survive_saving_and_are_dropped_when_unticked(pair):
    service = pair.provider.debrief
    debrief = service.get(pair.debrief_id)
    assert debrief.parts_of(pair.part_reflection) == ("what_happened",)
    debrief.shared = [s for s in debrief.shared if s != ("reflection", str(pair.part_reflection))]
    saved = service.save(debrief)
    assert str(pair.part_reflection) not in saved.parts


def test_reply_round_trip_adds_actions_and_next_debrief(pair, tmp_path):
    packet, out = _send(pair, tmp_path)
    sup = pair.supervisor.supervision
    sup.import_packet(out)
    sup.save_note(packet.packet_id, "self_care", "Walk at lunch, you said it helps.", share=True)
    sup.save_note(packet.packet_id, "impact", "Private: watch for sleep.", share=False)
    due = date.today() + timedelta(days=7)
    sup.add_action(packet.packet_id, "Try the evening wind-down for a week", "provider", due)
    reply_path = tmp_path / "reply.age"
    next_day = date.today() + timedelta(days=14)
    reply, _ = sup.send_reply(packet.packet_id, reply_path, next_day, flagged_confirmed=True)
    assert "Private: watch for sleep." not in reply.all_text()

    receipt = pair.provider.supervision_send.import_reply(reply_path)
    assert receipt.actions_added == 1
    texts = [a.text for a in pair.provider.debrief.open_actions()]
    assert "Try the evening wind-down for a week" in texts
    assert receipt.next_debrief_id is not None
    nxt = pair.provider.debrief.shared_view(receipt.next_debrief_id)
    assert "Try the evening wind-down for a week" in [a.text for a in nxt.carried_over]
    replies = pair.provider.supervision_send.replies(pair.debrief_id)
    assert replies[0]["notes"] == [["self_care", "Walk at lunch, you said it helps."]]
    assert CANARY not in all_rows_text(pair.supervisor)

    before = all_rows_text(pair.provider)
    with pytest.raises(ValidationError, match="already imported"):
        pair.provider.supervision_send.import_reply(reply_path)
    assert all_rows_text(pair.provider) == before


def test_same_packet_twice_adds_nothing(pair, tmp_path):
    _, out = _send(pair, tmp_path)
    pair.supervisor.supervision.import_packet(out)
    before = all_rows_text(pair.supervisor)
    with pytest.raises(ValidationError, match="already imported"):
        pair.supervisor.supervision.import_packet(out)
    assert all_rows_text(pair.supervisor) == before


def test_wrong_key_changes_nothing(pair, tmp_path):
    _, out = _send(pair, tmp_path)
    stranger = open_profile(tmp_path / "stranger", "Kim", "supervisor")
    try:
        before = all_rows_text(stranger)
        with pytest.raises(ReflectError, match="someone else's key"):
            stranger.supervision.import_packet(out)
        assert all_rows_text(stranger) == before
        assert stranger.supervision.supervisees() == []
    finally:
        stranger.close()


@pytest.mark.parametrize("cut", [10, 60, 200, -1])
def test_damaged_or_truncated_packet_is_refused(pair, tmp_path, cut):
    _, out = _send(pair, tmp_path)
    raw = out.read_bytes()
    damaged = tmp_path / "damaged.age"
    if cut == -1:
        flipped = bytearray(raw)
        flipped[-5] ^= 0x55
        damaged.write_bytes(bytes(flipped))
    else:
        damaged.write_bytes(raw[:cut])
    before = all_rows_text(pair.supervisor)
    with pytest.raises(ReflectError) as caught:
        pair.supervisor.supervision.import_packet(damaged)
    assert "Nothing was changed" in str(caught.value) or "not a debrief packet" in str(caught.value)
    assert all_rows_text(pair.supervisor) == before


def test_provider_reopens_own_packet_but_cannot_import_it(pair, tmp_path):
    _, out = _send(pair, tmp_path)
    packet = pair.provider.supervision.open_packet(out.read_bytes())  # sealed to self too
    assert packet.title
    with pytest.raises(ValidationError, match="sent from this profile"):
        pair.provider.supervision.import_packet(out)


def test_identity_guard_stops_sealing_until_confirmed(pair, tmp_path):
    debrief = pair.provider.debrief.get(pair.debrief_id)
    debrief.topics.append("Call back on 613-555-0199")
    pair.provider.debrief.save(debrief)
    recipient, _ = pair.supervisor.supervision.my_key()
    out = tmp_path / "flagged.age"
    with pytest.raises(ValidationError, match="identity guard"):
        pair.provider.supervision_send.send_packet(pair.debrief_id, recipient, out)
    assert not out.exists()
    _, flags = pair.provider.supervision_send.send_packet(
        pair.debrief_id, recipient, out, flagged_confirmed=True
    )
    assert any(f.finding.kind == "phone" for f in flags)
    assert out.exists()


def test_adding_a_supervisor_needs_the_fingerprint_confirmed(pair):
    recipient, _ = pair.supervisor.supervision.my_key()
    sender = pair.provider.supervision_send
    with pytest.raises(ValidationError, match="fingerprint"):
        sender.add_supervisor("Sam", recipient, fingerprint_confirmed=False)
    with pytest.raises(ValidationError):
        typo = "q" if recipient[-1] != "q" else "p"
        sender.add_supervisor("Sam", recipient[:-1] + typo, fingerprint_confirmed=True)
    added = sender.add_supervisor("Sam", recipient, fingerprint_confirmed=True)
    assert added.fingerprint == pair.supervisor.supervision.my_key()[1]
    assert [s.name for s in sender.supervisors()] == ["Sam"]


def test_key_pair_is_stable_and_kept_inside_the_database(pair):
    first = pair.provider.supervision.my_key()
    assert first == pair.provider.supervision_send.my_key()
    assert first[0].startswith("age1") and len(first[1].split()) == 5
    row = pair.provider.db.execute("SELECT secret FROM supervision_identity").fetchone()
    assert row[0].startswith("AGE-SECRET-KEY-1")


def test_no_export_on_either_side_holds_the_unshared_reflection_or_the_secret_key(pair, tmp_path):
    from reflect.services.export import export_profile
    from reflect.services.supervision_show import supervision_record

    packet, out = _send(pair, tmp_path)
    sup = pair.supervisor.supervision
    sup.import_packet(out)
    sup.add_action(packet.packet_id, "Keep Fridays lighter")
    from reflect.domain.supervision import HoursEntry

    sup.log.add_hours(HoursEntry(date.today(), 45, supervisee_id=sup.supervisees()[0].id))
    outputs = [sup.log.hours_csv().decode("utf-8"), json.dumps(supervision_record(pair.supervisor))]
    secret = pair.supervisor.db.execute("SELECT secret FROM supervision_identity").fetchone()[0]
    for name in ("json", "csv", "markdown"):
        report = export_profile(pair.supervisor, name, tmp_path / f"sup-{name}", plain_ok=True)
        outputs.append(report.path.read_bytes().decode("utf-8", "replace"))
    for text in outputs:
        assert CANARY not in text and PART_CANARY not in text
        assert secret not in text
    provider_json = export_profile(pair.provider, "json", tmp_path / "prov", plain_ok=True)
    provider_secret = pair.provider.db.execute(
        "SELECT secret FROM supervision_identity"
    ).fetchone()[0]
    assert provider_secret not in provider_json.path.read_text(encoding="utf-8")


def test_hostile_sealed_files_are_refused_cleanly(pair, tmp_path):
    """Random bytes after the age header, a packet sealed with a hostile body, or a huge file:
    one clear refusal each, nothing written."""
    import random

    from reflect.storage.sealed_files import seal

    rng = random.Random(7)
    recipient, _ = pair.supervisor.supervision.my_key()
    samples = [b"age-encryption.org/v1\n" + rng.randbytes(n) for n in (0, 1, 50, 500)]
    samples += [
        seal(b'{"format": "reflect-supervision-packet", "version": 1}', [recipient]),
        seal(b"[" * 50000, [recipient]),
        seal(b"\xff" * 100, [recipient]),
        seal(
            json.dumps({"format": "reflect-supervision-packet", "version": 99}).encode(),
            [recipient],
        ),
    ]
    before = all_rows_text(pair.supervisor)
    for index, data in enumerate(samples):
        path = tmp_path / f"hostile-{index}.age"
        path.write_bytes(data)
        with pytest.raises(ReflectError):
            pair.supervisor.supervision.import_packet(path)
    huge = tmp_path / "huge.age"
    huge.write_bytes(b"age-encryption.org/v1\n" + b"x" * (5 * 1024 * 1024))
    with pytest.raises(ReflectError, match="too large"):
        pair.supervisor.supervision.import_packet(huge)
    assert all_rows_text(pair.supervisor) == before


def test_supervision_rows_pass_the_archive_row_validators(pair, tmp_path):
    """Every supervision row (and a debrief sharing part of a reflection) is accepted by the
    validators an archive import runs; a tampered packet row is refused."""
    from reflect.domain.supervision import Agreement, HotDebrief, HoursEntry, SessionRating
    from reflect.storage.table_dump import data_tables

    packet, out = _send(pair, tmp_path)
    sup = pair.supervisor.supervision
    received = sup.import_packet(out)
    sid = received.supervisee.id
    sup.save_note(packet.packet_id, "impact", "Noted.", share=True)
    sup.add_action(packet.packet_id, "Rest", "Alex", date.today())
    sup.save_agreement(Agreement(sid, "monthly", review_on=date.today()))
    sup.log.add_hours(HoursEntry(date.today(), 60, supervisee_id=sid))
    sup.log.rate(SessionRating(date.today(), {"heard": 5}, supervisee_id=sid))
    from datetime import datetime

    sup.log.save_hot_debrief(HotDebrief(datetime.now().replace(microsecond=0), {"outline": "x"}))
    sup.send_reply(packet.packet_id, tmp_path / "r.age", flagged_confirmed=True)
    pair.provider.supervision_send.import_reply(tmp_path / "r.age")
    from reflect.services.row_validators import RowContext, validate_tables
    from reflect.services.row_validators_supervision import SUPERVISION_VALIDATORS
    from reflect.storage.table_dump import iter_rows

    for session in (pair.supervisor, pair.provider):
        conn = session.db.conn
        tables = [*SUPERVISION_VALIDATORS, "debriefs"]
        rows = {t: list(iter_rows(conn, t)) for t in tables}
        assert "supervision_identity" not in data_tables(conn)
        context = RowContext(session.journal.templates, session.checkins.definition)
        validate_tables(((t, iter(r)) for t, r in rows.items()), context, "archive")
    counted = {t: len(list(iter_rows(pair.supervisor.db.conn, t))) for t in SUPERVISION_VALIDATORS}
    assert all(
        counted[t]
        for t in (
            "supervisees",
            "received_packets",
            "supervision_notes",
            "supervision_hours",
            "hot_debriefs",
            "sent_replies",
        )
    )
    # A hostile row is refused with its table, row and column named.
    from reflect.services.row_validators import BadRow

    bad = dict(list(iter_rows(pair.supervisor.db.conn, "received_packets"))[0])
    bad["body"] = json.dumps({"format": "reflect-supervision-packet", "version": 1})
    with pytest.raises(BadRow, match="received_packets, row 1, field body"):
        validate_tables(iter([("received_packets", iter([bad]))]), context, "archive")


def test_archives_of_both_sides_import_into_fresh_profiles(pair, tmp_path):
    from reflect.domain.supervision import HoursEntry
    from reflect.services.export import export_profile
    from reflect.services.importing import import_file

    packet, out = _send(pair, tmp_path)
    sup = pair.supervisor.supervision
    sid = sup.import_packet(out).supervisee.id
    sup.add_action(packet.packet_id, "Rest", "Alex", date.today())
    sup.log.add_hours(HoursEntry(date.today(), 60, supervisee_id=sid))
    sup.send_reply(packet.packet_id, tmp_path / "r.age", flagged_confirmed=True)
    pair.provider.supervision_send.import_reply(tmp_path / "r.age")
    secret = "archive passphrase for tests"
    for index, session in enumerate((pair.supervisor, pair.provider)):
        archive = export_profile(
            session, "archive", tmp_path / f"a{index}", archive_passphrase=secret
        )
        fresh = open_profile(tmp_path / f"fresh{index}", "Fresh")
        try:
            import_file(fresh, archive.path, secret)
            rows = fresh.db.execute("SELECT count(*) FROM supervision_identity").fetchone()[0]
            assert rows == 0  # the secret key never travels
            if session is pair.supervisor:
                people = fresh.supervision.supervisees()
                assert [p.name for p in people] == ["Alex"]
                assert fresh.supervision.log.hours()[0].supervisee_id == people[0].id
                assert [a["text"] for a in fresh.supervision.actions()] == ["Rest"]
                assert CANARY not in all_rows_text(fresh)
            else:
                parts = [d.parts for d in fresh.debrief.history() if d.parts]
                assert parts and ("what_happened",) in parts[0].values()
        finally:
            fresh.close()
