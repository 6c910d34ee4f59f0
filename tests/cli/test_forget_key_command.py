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


def test_key_text_through_the_cli(tmp_path, monkeypatch, capsys):
    pair = make_pair(tmp_path)
    pair.close()
    monkeypatch.setenv("REFLECT_PASSPHRASE", PASSPHRASE)
    sup = ["--data-dir", str(pair.supervisor_dir), "supervision"]
    prov = ["--data-dir", str(pair.provider_dir), "supervision"]
    code, out, _ = _run(capsys, *sup, "key", "--json")
    key = json.loads(out)
    assert code == 0 and set(key) >= {"recipient", "fingerprint", "signing_fingerprint"}
    assert key["key_text"] == f"{key['recipient']} sign:{key['signing_key']}"
    text = key["key_text"]
    # the signing fingerprint must be given, and right, when the key text carries a key
    base = [*prov, "add-supervisor", "Sam", text, "--fingerprint", key["fingerprint"]]
    code, _, err = _run(capsys, *base)
    assert code == 2 and "does not match" in err
    code, _, err = _run(capsys, *base, "--signing-fingerprint", key["fingerprint"])
    assert code == 2 and "does not match" in err
    code, out, _ = _run(
        capsys, *base, "--signing-fingerprint", key["signing_fingerprint"], "--json"
    )
    added = json.loads(out)
    assert code == 0 and added["recipient"] == key["recipient"]
    assert added["signing_fingerprint"] == key["signing_fingerprint"]
    # an old key text (the age key alone) adds as before
    code, out, _ = _run(
        capsys,
        *prov,
        "add-supervisor",
        "Kim",
        key["recipient"],
        "--fingerprint",
        key["fingerprint"],
        "--json",
    )
    assert code == 0 and json.loads(out)["signing_fingerprint"] is None
