"""Which day a late-night reflection is on, as the command line shows and filters it.

A reflection belongs to the day on the clock when it happened: 23:30 is on that day, 00:30
on the next, in the text output, the JSON (``YYYY-MM-DDTHH:MM``, local time, no zone) and
the --from/--to filters alike.
"""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from reflect.cli import main
from reflect.domain.reflection import Reflection
from reflect.services.profiles import ProfileService
from reflect.storage.bulk_reflections import add_reflections

PASSPHRASE = "a long enough test passphrase"
MOMENTS = [
    datetime(2026, 12, 31, 23, 30),  # the last evening of a year in ISO week 53
    datetime(2027, 1, 1, 0, 30),
    datetime(999, 5, 1, 8, 0),  # a far-past date from an imported file, kept as it was
    datetime(9999, 12, 31, 23, 59),
]


@pytest.fixture
def base(paths, monkeypatch):
    service = ProfileService(paths, fast_kdf=True)
    session = service.unlock(service.create(PASSPHRASE, "CLI"), PASSPHRASE)
    try:
        add_reflections(
            session.db,
            [
                Reflection("free_write", m, setting="other", answers={"text": f"entry {m.year}"})
                for m in MOMENTS
            ],
        )
    finally:
        session.close()
    monkeypatch.setenv("REFLECT_PASSPHRASE", PASSPHRASE)
    return ["--data-dir", str(paths.data_dir), "search"]


def _found(base, capsys, *args: str) -> list[str]:
    assert main([*base, "--json", *args]) == 0
    return [r["occurred_at"] for r in json.loads(capsys.readouterr().out)["results"]]


def test_half_past_eleven_and_half_past_midnight_are_on_their_own_days(base, capsys):
    assert _found(base, capsys, "--from", "2026-12-31", "--to", "2026-12-31") == [
        "2026-12-31T23:30"
    ]
    assert _found(base, capsys, "--from", "2027-01-01", "--to", "2027-01-01") == [
        "2027-01-01T00:30"
    ]


def test_the_widest_range_a_date_can_name_is_not_a_crash(base, capsys):
    found = _found(base, capsys, "--from", "0001-01-01", "--to", "9999-12-31")
    assert found == [
        "9999-12-31T23:59",
        "2027-01-01T00:30",
        "2026-12-31T23:30",
        "0999-05-01T08:00",
    ]


def test_text_output_writes_every_year_with_four_digits(base, capsys):
    assert main(base) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line[:16] for line in lines] == [
        "9999-12-31 23:59",
        "2027-01-01 00:30",
        "2026-12-31 23:30",
        "0999-05-01 08:00",
    ]


@pytest.mark.parametrize("day", ["9999-12-31", "1899-12-31"])
def test_supervision_dates_outside_the_kept_years_are_refused(base, capsys, day):
    """Kept, such an hour would make the profile's own archive refuse to import back."""
    root = base[:2]
    with pytest.raises(SystemExit) as caught:
        main([*root, "supervision", "hours", "--add", day])
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert f"'{day}' is outside the years Reflect keeps (1900 to 2199)" in err
    assert "Traceback" not in err
