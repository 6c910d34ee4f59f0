"""``reflect supervision forget-key``: refused without --compared, then forgets the pin."""

from __future__ import annotations

import json

from reflect.cli import main
from tests.services.supervision_fixtures import PASSPHRASE, make_pair
from tests.services.test_supervision_signatures import _send


def _run(capsys, *argv):
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_forget_key_for_a_supervisee_and_a_supervisor(tmp_path, monkeypatch, capsys):
    pair = make_pair(tmp_path)
    _, out = _send(pair, tmp_path)
    pair.supervisor.supervision.import_packet(out)
    supervisor_key = pair.supervisor.supervision.my_key()[0]
    pair.provider.supervision_send.add_supervisor("Sam", supervisor_key, True)
    provider_signing = pair.provider.supervision_send.my_signing_fingerprint()
    pair.close()
    monkeypatch.setenv("REFLECT_PASSPHRASE", PASSPHRASE)
    sup = ["--data-dir", str(pair.supervisor_dir), "supervision", "forget-key"]

    code, _, err = _run(capsys, *sup, "--supervisee", "Alex", "--json")
    assert code == 2 and "--compared" in err and "Traceback" not in err
    code, out, _ = _run(capsys, *sup, "--supervisee", "Alex", "--compared", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["who"] == "supervisee" and data["name"] == "Alex"
    assert data["forgotten"] is True and data["signing_fingerprint"] == provider_signing
    code, out, _ = _run(capsys, *sup, "--supervisee", "Alex", "--compared")
    assert code == 0 and "nothing changed" in out

    prov = ["--data-dir", str(pair.provider_dir), "supervision", "forget-key"]
    code, out, _ = _run(capsys, *prov, "--supervisor", "Sam", "--compared", "--json")
    assert code == 0
    assert json.loads(out) | {"fingerprint": ""} == {
        "who": "supervisor",
        "name": "Sam",
        "fingerprint": "",
        "forgotten": False,
        "signing_fingerprint": None,
    }
    code, _, err = _run(capsys, *prov, "--supervisor", "Nobody", "--compared")
    assert code == 2 and "No supervisor called" in err
