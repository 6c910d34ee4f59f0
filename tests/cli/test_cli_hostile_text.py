"""Text that came in a file from someone else never reaches a terminal as control codes.

A packet is validly sealed by anyone who knows the supervisor's public key, and a team
contribution is plain JSON from anyone: an escape sequence in either could retitle the
terminal, clear the screen or hide lines once ``reflect`` printed it.
"""

from __future__ import annotations

import json
import secrets

from reflect.cli import main
from reflect.storage.sealed_files import seal
from tests.services.supervision_fixtures import PASSPHRASE, make_pair

ESCAPES = ("\x1b]0;owned\x07", "\x1b[2J", "\x9b31m")


def _has_control(text: str) -> bool:
    return any(c in text for c in ("\x1b", "\x07", "\x9b"))


def test_supervision_import_show_and_reply_print_no_control_codes(tmp_path, monkeypatch, capsys):
    pair = make_pair(tmp_path)
    supervisor_key, _ = pair.supervisor.supervision.my_key()
    provider_key, _ = pair.provider.supervision_send.my_key()
    packet, _ = pair.provider.supervision_send.send_packet(
        pair.debrief_id, supervisor_key, tmp_path / "p.age", flagged_confirmed=True
    )
    pair.close()
    data = packet.to_json()
    data["debrief"]["title"] = f"May {ESCAPES[0]} debrief"
    data["from"]["name"] = f"Alex{ESCAPES[1]}"
    hostile = tmp_path / "hostile.age"
    hostile.write_bytes(seal(json.dumps(data).encode(), [supervisor_key]))
    monkeypatch.setenv("REFLECT_PASSPHRASE", PASSPHRASE)
    sup = ["--data-dir", str(pair.supervisor_dir)]

    assert main([*sup, "supervision", "import", str(hostile)]) == 0
    out = capsys.readouterr().out
    assert "May" in out and not _has_control(out)
    assert main([*sup, "supervision", "show"]) == 0
    out = capsys.readouterr().out
    assert "debrief" in out and not _has_control(out)

    reply = {
        "format": "reflect-supervision-reply",
        "version": 1,
        "reply_id": secrets.token_hex(16),
        "packet_id": packet.packet_id,
        "created_at": "2026-05-02T10:00:00",
        "from": {"name": f"Sam{ESCAPES[2]}", "recipient": supervisor_key},
    }
    reply_file = tmp_path / "reply.age"
    reply_file.write_bytes(seal(json.dumps(reply).encode(), [provider_key]))
    prov = ["--data-dir", str(pair.provider_dir)]
    assert main([*prov, "import", str(reply_file), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Sam" in out and not _has_control(out)


def test_a_refused_contribution_names_its_fields_without_control_codes(tmp_path, capsys):
    path = tmp_path / "contribution.json"
    path.write_text(
        json.dumps(
            {
                "format": "reflect-team-contribution/1",
                "contributor": "a" * 32,
                "written": "2026-03",
                "months": [],
                ESCAPES[0]: 1,
            }
        ),
        encoding="utf-8",
    )
    assert main(["team", "summary", str(path)]) == 2
    err = capsys.readouterr().err
    assert "fields a contribution never has" in err and not _has_control(err)


def test_packets_replies_and_hours_are_never_written_over_a_profile(tmp_path, monkeypatch, capsys):
    """'--out' pointing into a profile folder (its vault.json, say) replaced the vault with a
    sealed packet, destroying the profile; the export commands refuse this, these did not."""
    pair = make_pair(tmp_path)
    supervisor_key, _ = pair.supervisor.supervision.my_key()
    packet, _ = pair.provider.supervision_send.send_packet(
        pair.debrief_id, supervisor_key, tmp_path / "p.age", flagged_confirmed=True
    )
    pair.supervisor.supervision.import_packet(tmp_path / "p.age")
    pair.close()
    monkeypatch.setenv("REFLECT_PASSPHRASE", PASSPHRASE)
    prov_vault = next(pair.provider_dir.rglob("vault.json"))
    sup_vault = next(pair.supervisor_dir.rglob("vault.json"))
    sup_db = next(pair.supervisor_dir.rglob("reflect.db"))
    before = {p: p.read_bytes() for p in (prov_vault, sup_vault, sup_db)}
    prov = ["--data-dir", str(pair.provider_dir)]
    sup = ["--data-dir", str(pair.supervisor_dir)]
    attempts = [
        [*prov, "debrief", "packet", str(pair.debrief_id), "--to", supervisor_key]
        + ["--out", str(prov_vault), "--confirm-flagged"],
        [*sup, "supervision", "reply", packet.packet_id, "--out", str(sup_vault)]
        + ["--confirm-flagged"],
        [*sup, "supervision", "reply", packet.packet_id, "--out", str(sup_db.parent / "r.age")]
        + ["--confirm-flagged"],
        [*sup, "supervision", "hours", "--csv", str(sup_vault)],
    ]
    for argv in attempts:
        assert main(argv) == 2, argv
        assert "profile folder" in capsys.readouterr().err
    assert {p: p.read_bytes() for p in before} == before
    assert not (sup_db.parent / "r.age").exists()
