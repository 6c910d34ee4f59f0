"""Two profiles in two data folders exchange a packet and a reply through the command line."""

from __future__ import annotations

import json
from datetime import date, timedelta

from reflect.cli import main
from tests.services.supervision_fixtures import (
    CANARY,
    PART_CANARY,
    PASSPHRASE,
    all_rows_text,
    make_pair,
    open_profile,
)


def _run(capsys, *argv) -> tuple[int, dict | str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    if code == 0 and "--json" in argv:
        return code, json.loads(captured.out)
    return code, captured.err or captured.out


def test_packet_and_reply_through_the_cli(tmp_path, monkeypatch, capsys):
    pair = make_pair(tmp_path)
    pair.close()
    monkeypatch.setenv("REFLECT_PASSPHRASE", PASSPHRASE)
    prov = ["--data-dir", str(pair.provider_dir)]
    sup = ["--data-dir", str(pair.supervisor_dir)]

    code, key = _run(capsys, *sup, "supervision", "key", "--json")
    assert code == 0 and key["recipient"].startswith("age1") and key["fingerprint"]

    code, listed = _run(capsys, *prov, "debrief", "list", "--json")
    assert code == 0
    first = listed["debriefs"][0]
    assert first["shared"] == {"reflection": 2, "checkin": 1, "chart": 2}

    code, shown = _run(capsys, *prov, "debrief", "show", str(pair.debrief_id), "--json")
    assert code == 0 and CANARY not in json.dumps(shown) and PART_CANARY not in json.dumps(shown)
    assert len(shown["items"]) == 5

    packet_file = tmp_path / "to-supervisor.age"
    code, sent = _run(
        capsys,
        *prov,
        "debrief",
        "packet",
        str(pair.debrief_id),
        "--to",
        key["recipient"],
        "--out",
        str(packet_file),
        "--with-notes",
        "--confirm-flagged",
        "--json",
    )
    assert code == 0, sent
    assert sent["fingerprint"] == key["fingerprint"] and sent["items"] == 5

    code, imported = _run(capsys, *sup, "supervision", "import", str(packet_file), "--json")
    assert code == 0 and imported["supervisee"] == "Alex"
    # signed, with the signing key the provider can read out to compare
    code, provider_key = _run(capsys, *prov, "supervision", "key", "--json")
    assert imported["signed"] is True
    assert imported["signing_fingerprint"] == provider_key["signing_fingerprint"]
    pid = imported["packet_id"]
    assert pid == sent["packet_id"]

    code, again = _run(capsys, *sup, "supervision", "import", str(packet_file))
    assert code == 2 and "already imported" in again

    assert (
        _run(
            capsys, *sup, "supervision", "note", pid, "self_care", "Rest well.", "--share", "--json"
        )[0]
        == 0
    )
    due = (date.today() + timedelta(days=5)).isoformat()
    assert (
        _run(
            capsys,
            *sup,
            "supervision",
            "action",
            pid,
            "Plan two short breaks",
            "--owner",
            "provider",
            "--due",
            due,
            "--json",
        )[0]
        == 0
    )
    code, hours = _run(
        capsys,
        *sup,
        "supervision",
        "hours",
        "--add",
        date.today().isoformat(),
        "--minutes",
        "50",
        "--supervisee",
        "Alex",
        "--json",
    )
    assert code == 0 and hours["totals"][0]["minutes"] == 50

    code, record = _run(capsys, *sup, "supervision", "show", "--supervisee", "Alex", "--json")
    assert code == 0
    packet = record["supervisees"][0]["packets"][0]
    assert packet["signed"] is True
    assert record["supervisees"][0]["signing_fingerprint"] == imported["signing_fingerprint"]
    assert record["key"]["signing_fingerprint"] == key["signing_fingerprint"]
    assert packet["agreed_actions"][0]["text"] == "Plan two short breaks"
    assert CANARY not in json.dumps(record) and PART_CANARY not in json.dumps(record)

    reply_file = tmp_path / "reply.age"
    next_date = (date.today() + timedelta(days=21)).isoformat()
    code, replied = _run(
        capsys,
        *sup,
        "supervision",
        "reply",
        pid,
        "--out",
        str(reply_file),
        "--next",
        next_date,
        "--json",
    )
    assert code == 0 and replied["actions"] == 1 and replied["notes_shared"] == ["self_care"]

    code, dry = _run(capsys, *prov, "import", str(reply_file), "--dry-run", "--json")
    assert code == 0 and dry["dry_run"] and dry["written"] == {}
    assert dry["signed"] is True and dry["signing_fingerprint"] == key["signing_fingerprint"]
    code, taken = _run(capsys, *prov, "import", str(reply_file), "--json")
    assert code == 0, taken
    assert taken["source"] == "supervision-reply" and taken["written"]["follow_ups"] == 1
    code, twice = _run(capsys, *prov, "import", str(reply_file))
    assert code == 2 and "already imported" in twice

    code, shown = _run(capsys, *prov, "debrief", "show", str(pair.debrief_id), "--json")
    assert "Plan two short breaks" in [a["text"] for a in shown["actions"]]
    assert shown["replies"][0]["notes"] == [["self_care", "Rest well."]]
    assert shown["replies"][0]["signed"] is True and taken["signed"] is True

    # Neither side holds the unshared reflection anywhere but the provider's journal.
    supervisor = open_profile(pair.supervisor_dir, "Sam")
    try:
        assert CANARY not in all_rows_text(supervisor)
        assert PART_CANARY not in all_rows_text(supervisor)
    finally:
        supervisor.close()


def test_cli_refuses_wrong_key_and_damage(tmp_path, monkeypatch, capsys):
    pair = make_pair(tmp_path)
    other = open_profile(tmp_path / "other", "Kim", "supervisor")
    other_key = other.supervision.my_key()[0]
    other.close()
    pair.close()
    monkeypatch.setenv("REFLECT_PASSPHRASE", PASSPHRASE)
    packet_file = tmp_path / "p.age"
    code, _ = _run(
        capsys,
        "--data-dir",
        str(pair.provider_dir),
        "debrief",
        "packet",
        str(pair.debrief_id),
        "--to",
        other_key,
        "--out",
        str(packet_file),
        "--confirm-flagged",
    )
    assert code == 0
    sup = ["--data-dir", str(pair.supervisor_dir)]
    code, err = _run(capsys, *sup, "supervision", "import", str(packet_file))
    assert code == 2 and "someone else's key" in err and "Traceback" not in err
    cut = tmp_path / "cut.age"
    cut.write_bytes(packet_file.read_bytes()[:120])
    code, err = _run(
        capsys, "--data-dir", str(tmp_path / "other"), "supervision", "import", str(cut)
    )
    assert code == 2 and ("damaged" in err or "incomplete" in err)
    code, err = _run(
        capsys, *sup, "debrief", "packet", "1", "--to", "age1nope", "--out", str(tmp_path / "x.age")
    )
    assert code == 2 and not (tmp_path / "x.age").exists()


def test_writing_supervision_commands_wait_for_the_app_then_refuse(tmp_path, monkeypatch, capsys):
    from reflect.paths import AppPaths
    from reflect.services.profiles import ProfileService

    pair = make_pair(tmp_path)
    pair.close()
    monkeypatch.setenv("REFLECT_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("REFLECT_LOCK_WAIT_SECONDS", "0.3")
    service = ProfileService(AppPaths(pair.supervisor_dir), fast_kdf=True, writer=True)
    app = service.unlock(service.list_profiles()[0], PASSPHRASE)  # what the app holds
    try:
        sup = ["--data-dir", str(pair.supervisor_dir)]
        for argv in (["supervision", "key"], ["supervision", "hours", "--add", "2026-01-05"]):
            code, err = _run(capsys, *sup, *argv)
            assert code == 2 and "Traceback" not in str(err), argv
    finally:
        app.close()
    code, key = _run(capsys, *sup, "supervision", "key", "--json")
    assert code == 0 and key["recipient"].startswith("age1")
