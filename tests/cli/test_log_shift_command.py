"""``reflect log-shift``: writes one shift to a real encrypted profile; bad input exits 2."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from reflect.cli import main
from reflect.services.profiles import ProfileService

PASSPHRASE = "a long enough test passphrase"


@pytest.fixture
def data_dir(paths, monkeypatch):
    service = ProfileService(paths, fast_kdf=True)
    service.create(PASSPHRASE, "CLI")
    monkeypatch.setenv("REFLECT_PASSPHRASE", PASSPHRASE)
    return paths.data_dir


def _shifts(paths):
    service = ProfileService(paths, fast_kdf=True)
    session = service.unlock(service.list_profiles()[0], PASSPHRASE)
    try:
        return session.exposure.shifts(), session.exposure.self_checks()
    finally:
        session.close()


def test_log_shift_json(capsys, data_dir, paths):
    code = main(
        [
            "--data-dir", str(data_dir), "log-shift", "--encounters", "6", "--disclosures",
            "2", "--crises", "1", "--hours", "7,5", "--material", "0", "--critical",
            "--outline", "a hard call", "--self-checks", "--date", "2026-03-02", "--json",
        ]
    )  # fmt: skip
    out, err = capsys.readouterr()
    assert code == 0, err
    data = json.loads(out)
    assert data["day"] == "2026-03-02" and data["hours"] == 7.5 and data["critical"] is True
    assert data["has_outline"] is True and "a hard call" not in out  # never echoed
    assert data["identity_warning"] == ""
    assert data["self_checks"] == [
        {"kind": "3d", "due": "2026-03-05"},
        {"kind": "1m", "due": "2026-04-01"},
    ]
    (log,), checks = _shifts(paths)
    assert (log.encounters, log.disclosures, log.crises, log.outline) == (6, 2, 1, "a hard call")
    assert len(checks) == 2


def test_log_shift_plain_line_and_identity_warning(capsys, data_dir, paths):
    code = main(
        ["--data-dir", str(data_dir), "log-shift", "--critical", "--outline",
         "Call from Maria Gonzalez at 416-555-0199"]
    )  # fmt: skip
    out, err = capsys.readouterr()
    assert code == 0 and out.startswith("Shift logged for ")
    assert "may identify someone" in err and "phone number" in err
    (log,), checks = _shifts(paths)
    assert log.critical and checks == []  # self-checks only when asked for


@pytest.mark.parametrize(
    "argv, message",
    [
        ([], "Nothing to log yet"),
        (["--disclosures", "-1"], "whole number"),
        (["--disclosures", "5000"], "whole number"),
        (["--hours", "nan"], "hours is a number"),
        (["--hours", "30"], "hours is a number"),
        (["--date", "2026-13-01"], "not a date"),
        (["--outline", "x"], "goes with --critical"),
        (["--hours", "2", "--date", (date.today() + timedelta(days=2)).isoformat()], "not come"),
        (["--critical", "--outline", "x" * 400], "limited to 160"),
    ],
)
def test_bad_input_is_one_line_and_writes_nothing(capsys, data_dir, paths, argv, message):
    try:
        code = main(["--data-dir", str(data_dir), "log-shift", *argv])
    except SystemExit as exc:  # argparse's own usage error, also one message and exit 2
        code = exc.code
    out, err = capsys.readouterr()
    assert code == 2 and message in err and "Traceback" not in err
    assert _shifts(paths) == ([], [])
