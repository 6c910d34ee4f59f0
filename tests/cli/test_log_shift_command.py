"""``reflect log-shift``: writes one shift to a real encrypted profile; bad input exits 2."""

from __future__ import annotations

import argparse
import json
import math
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reflect.cli import main
from reflect.commands.log_shift import _count, _hours
from reflect.domain.exposure import MAX_COUNT, MAX_HOURS
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
        (["--encounters", "\u00b2"], "whole number"),  # isdigit() is true, int() refuses it
        (["--crises", "1_0"], "whole number"),
        (["--hours", "1_0"], "hours is a number"),  # float() reads it as 10
        (["--hours", "0x10"], "hours is a number"),
        (["--hours", "nan"], "hours is a number"),
        (["--hours", "30"], "hours is a number"),
        (["--date", "2026-13-01"], "not a date"),
        (["--outline", "x"], "goes with --critical"),
        (["--hours", "2", "--date", (date.today() + timedelta(days=2)).isoformat()], "not come"),
        (["--critical", "--outline", "x" * 400], "limited to 160"),
        # A byte that is not UTF-8 arrives as a lone surrogate: it cannot be stored.
        (["--critical", "--outline", "bad \udcff byte"], "plain text"),
        (["--critical", "--outline", "esc \x1b[31m red"], "plain text"),
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


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=12))
def test_number_arguments_accept_plain_numbers_or_refuse_cleanly(text):
    # Whatever is typed, the parser gets a number in range or argparse's clean refusal.
    for parse, top in ((_count, MAX_COUNT), (_hours, MAX_HOURS)):
        try:
            value = parse(text)
        except argparse.ArgumentTypeError:
            continue
        assert 0 <= value <= top and math.isfinite(value)
        assert text.strip().replace(",", ".").replace(".", "", 1).isascii()
