"""An archive keeps no signature, only a mark saying a packet or reply was signed; a crafted
archive can set that mark on anything. So a packet or reply an archive import brings is
never shown as signed: ``signed`` is false and ``signature`` says "not_checked_here" (its
signature, if it had one, was checked on another computer, never on this one)."""

from __future__ import annotations

import json

from reflect.cli import main
from reflect.services.supervision_show import supervision_record
from tests.services.archive_signature_fixtures import (
    claim_signed,
    into_fresh_profile,
    unsigned_packet,
    unsigned_reply,
)
from tests.services.supervision_fixtures import PASSPHRASE
from tests.services.test_supervision_signatures import _exchange, _reply


def _cli_json(capsys, monkeypatch, folder, *argv) -> dict:
    monkeypatch.setenv("REFLECT_PASSPHRASE", PASSPHRASE)
    capsys.readouterr()
    assert main(["--data-dir", str(folder), *argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_a_crafted_archive_cannot_make_a_packet_show_as_signed(pair, tmp_path, monkeypatch, capsys):
    unsigned_packet(pair, tmp_path)
    claim_signed(pair.supervisor)
    # the crafted rows do say "signed" (to the profile that holds them)
    assert [row["signed"] for row, _ in pair.supervisor.supervision.packets()] == [True]
    fresh, _ = into_fresh_profile(pair.supervisor, tmp_path, "fresh")
    try:
        rows = [row for row, _ in fresh.supervision.packets()]
        assert [(r["signed"], r["signature"]) for r in rows] == [(False, "not_checked_here")]
        shown = supervision_record(fresh)["supervisees"][0]["packets"][0]
        assert (shown["signed"], shown["signature"]) == (False, "not_checked_here")
    finally:
        fresh.close()
    data = _cli_json(capsys, monkeypatch, tmp_path / "fresh", "supervision", "show")
    packet = data["supervisees"][0]["packets"][0]
    assert packet["signed"] is False and packet["signature"] == "not_checked_here"
    monkeypatch.setenv("REFLECT_PASSPHRASE", PASSPHRASE)
    assert main(["--data-dir", str(tmp_path / "fresh"), "supervision", "show"]) == 0
    assert "(signature not checked here)" in capsys.readouterr().out


def test_a_crafted_archive_cannot_make_a_reply_show_as_signed(pair, tmp_path, monkeypatch, capsys):
    unsigned_reply(pair, tmp_path)
    claim_signed(pair.provider)
    assert [r["signed"] for r in pair.provider.supervision_send.replies()] == [True]
    fresh, _ = into_fresh_profile(pair.provider, tmp_path, "fresh")
    try:
        replies = fresh.supervision_send.replies()
        assert [(r["signed"], r["signature"]) for r in replies] == [(False, "not_checked_here")]
        debrief_id = replies[0]["debrief_id"]
    finally:
        fresh.close()
    data = _cli_json(capsys, monkeypatch, tmp_path / "fresh", "debrief", "show", str(debrief_id))
    assert [(r["signed"], r["signature"]) for r in data["replies"]] == [(False, "not_checked_here")]


def test_signed_files_checked_here_say_so_and_an_archive_of_them_does_not(pair, tmp_path):
    """The honest other half: a real signed packet and reply kept here are "checked"; the
    same rows brought by an archive into another profile are not checked there."""
    packet = _exchange(pair, tmp_path)
    _, path = _reply(pair, tmp_path, packet)
    pair.provider.supervision_send.import_reply(path)
    rows = [row for row, _ in pair.supervisor.supervision.packets()]
    assert [(r["signed"], r["signature"]) for r in rows] == [(True, "checked")]
    replies = pair.provider.supervision_send.replies()
    assert [(r["signed"], r["signature"]) for r in replies] == [(True, "checked")]
    for session, name in ((pair.supervisor, "sup"), (pair.provider, "prov")):
        fresh, summary = into_fresh_profile(session, tmp_path, name)
        try:
            if session is pair.supervisor:
                marks = [(r["signed"], r["signature"]) for r, _ in fresh.supervision.packets()]
            else:
                marks = [(r["signed"], r["signature"]) for r in fresh.supervision_send.replies()]
            assert marks == [(False, "not_checked_here")]
            assert any("not checked again on this computer" in n for n in summary.preview.notes)
        finally:
            fresh.close()
    # the archive brought back into the profile that checked them changes nothing there
    rows = [row for row, _ in pair.supervisor.supervision.packets()]
    assert [r["signature"] for r in rows] == ["checked"]


def test_an_unsigned_packet_from_an_archive_stays_unsigned(pair, tmp_path):
    unsigned_packet(pair, tmp_path)
    fresh, summary = into_fresh_profile(pair.supervisor, tmp_path, "fresh")
    try:
        rows = [row for row, _ in fresh.supervision.packets()]
        assert [(r["signed"], r["signature"]) for r in rows] == [(False, "unsigned")]
        assert not any("not checked again" in n for n in summary.preview.notes)
    finally:
        fresh.close()
