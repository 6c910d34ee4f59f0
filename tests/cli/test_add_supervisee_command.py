"""``reflect supervision add-supervisee``: both fingerprints must match the key text; the
supervisee is then added with their signing key pinned, and their first packet is checked."""

from __future__ import annotations

import json

import pytest

from reflect.cli import main
from tests.services.supervision_fixtures import PASSPHRASE, make_pair, open_profile
from tests.services.test_supervision_signatures import _send


def _run(capsys, *argv):
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_add_supervisee_through_the_cli(tmp_path, monkeypatch, capsys):
    pair = make_pair(tmp_path)
    pair.close()
    monkeypatch.setenv("REFLECT_PASSPHRASE", PASSPHRASE)
    sup = ["--data-dir", str(pair.supervisor_dir), "supervision"]
    prov = ["--data-dir", str(pair.provider_dir), "supervision"]
    code, out, _ = _run(capsys, *prov, "key", "--json")
    key = json.loads(out)
    base = [*sup, "add-supervisee", "Alex", key["key_text"], "--fingerprint", key["fingerprint"]]

    with pytest.raises(SystemExit):  # --signing-fingerprint is required
        _run(capsys, *base)
    assert "--signing-fingerprint" in capsys.readouterr().err
    code, _, err = _run(capsys, *base, "--signing-fingerprint", key["fingerprint"])
    assert code == 2 and "does not match" in err
    wrong = [*sup, "add-supervisee", "Alex", key["key_text"], "--fingerprint", "0000 0000"]
    code, _, err = _run(capsys, *wrong, "--signing-fingerprint", key["signing_fingerprint"])
    assert code == 2 and "does not match" in err
    alone = [*sup, "add-supervisee", "Alex", key["recipient"], "--fingerprint", key["fingerprint"]]
    code, _, err = _run(capsys, *alone, "--signing-fingerprint", key["signing_fingerprint"])
    assert code == 2 and "no signing key" in err
    code, out, _ = _run(capsys, *sup, "show", "--json")
    assert json.loads(out)["supervisees"] == []  # nothing was added by the refusals

    code, out, _ = _run(
        capsys, *base, "--signing-fingerprint", key["signing_fingerprint"], "--json"
    )
    added = json.loads(out)
    assert code == 0
    assert added == {
        "id": added["id"],
        "name": "Alex",
        "recipient": key["recipient"],
        "fingerprint": key["fingerprint"],
        "signing_fingerprint": key["signing_fingerprint"],
        "new": True,
    }
    code, out, _ = _run(capsys, *base, "--signing-fingerprint", key["signing_fingerprint"])
    assert code == 0 and "already a supervisee" in out

    # the first packet is checked against the pin and filed under the same supervisee
    pair.provider = open_profile(pair.provider_dir, "Alex")
    pair.supervisor = open_profile(pair.supervisor_dir, "Sam", "supervisor")
    try:
        _, path = _send(pair, tmp_path)
        received = pair.supervisor.supervision.import_packet(path)
        assert received.supervisee.id == added["id"]
    finally:
        pair.close()
