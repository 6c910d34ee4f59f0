"""``reflect team contribute`` and ``reflect team summary`` end to end."""

from __future__ import annotations

import json
import os
import stat
from datetime import date
from pathlib import Path

import pytest

from reflect.cli import main
from reflect.services.demo_team import demo_contributions
from reflect.services.profiles import ProfileService
from tests.domain.test_team_contribution import walk_against_allow_list

PASSPHRASE = "a long enough test passphrase"


def test_contribute_writes_a_readable_file(paths, tmp_path, monkeypatch, capsys):
    ProfileService(paths, fast_kdf=True).create(PASSPHRASE, "CLI")
    monkeypatch.setenv("REFLECT_PASSPHRASE", PASSPHRASE)
    out = tmp_path / "contribution.json"
    base = ["--data-dir", str(paths.data_dir), "team", "contribute", "--out", str(out)]
    assert main([*base, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["file"] == str(out)
    assert json.loads(out.read_text(encoding="utf-8")) == report["contribution"]
    walk_against_allow_list(report["contribution"])
    assert len(report["contribution"]["months"]) == 3
    assert main([*base, "--from", "2025-13"]) == 2
    assert "YYYY-MM" in capsys.readouterr().err
    out.unlink()
    assert main([*base, "--from", "2030-01"]) == 2 and not out.exists()
    assert main(base) == 0
    out = capsys.readouterr().out
    assert "no text" in out
    # The minimum group hides nothing from whoever holds the file: the person is told so.
    assert "Whoever receives it can read these figures" in out


def _files(folder, count):
    result = []
    for index, contribution in enumerate(demo_contributions(count, date(2026, 3, 1), seed=count)):
        path = folder / f"person{index}.json"
        path.write_bytes(contribution.to_bytes())
        result.append(str(path))
    return result


def test_summary_hides_small_groups(tmp_path, capsys):
    four = _files(tmp_path, 4)
    assert main(["--data-dir", str(tmp_path / "data"), "team", "summary", *four, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["contributors"] == 4 and data["suppressed"] is True and data["min_group"] == 5
    assert all(m["contributors"] is None for m in data["months"])
    assert all(v is None for m in data["months"] for v in m["categories"].values())
    six = _files(tmp_path, 6)
    assert main(["team", "summary", *six, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["suppressed"] is False
    shown = [m for m in data["months"] if m["contributors"] is not None]
    assert shown and all(m["contributors"] >= 5 for m in shown)
    category = next(c for c in shown[-1]["categories"].values() if c is not None)
    assert set(category) == {"median", "q1", "q3"}
    assert main(["team", "summary", *six, *six]) == 0  # the same files twice count once
    assert "6 contributor(s)" in capsys.readouterr().out
    assert main(["team", "summary", *six, "--min-group", "4"]) == 2
    assert "5 or more" in capsys.readouterr().err


def test_summary_refuses_foreign_files(tmp_path, capsys):
    good = _files(tmp_path, 5)
    foreign = tmp_path / "notes.json"
    foreign.write_text('{"entries": [{"title": "a journal"}]}', encoding="utf-8")
    assert main(["team", "summary", *good, str(foreign)]) == 2
    err = capsys.readouterr().err
    assert "notes.json" in err and "Traceback" not in err
    missing = tmp_path / "missing.json"
    assert main(["team", "summary", str(missing)]) == 2
    assert "missing.json" in capsys.readouterr().err
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 50_000, encoding="utf-8")
    assert main(["team", "summary", str(deep)]) == 2
    assert "deep.json" in capsys.readouterr().err


def test_demo_team_option(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("REFLECT_PASSPHRASE", "a private demo passphrase")
    data_dir = str(tmp_path / "demo")
    assert main(["demo", "--data-dir", data_dir, "--team", "7", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["added"]["team_contributions"] == 7
    assert main(["demo", "--data-dir", data_dir, "--team", "-1", "--replace"]) == 2


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are a POSIX thing")
@pytest.mark.timeout(20)
def test_summary_refuses_a_fifo_and_devices_without_waiting(tmp_path, capsys):
    # Opening a FIFO for reading blocks until someone writes: a file named x.json that is a
    # FIFO must be refused at once, not hang the command.
    good = _files(tmp_path, 5)
    fifo = tmp_path / "x.json"
    os.mkfifo(fifo)
    assert main(["team", "summary", *good, str(fifo)]) == 2
    err = capsys.readouterr().err
    assert "x.json" in err and "not a regular file" in err and "Traceback" not in err
    zero = tmp_path / "zero.json"
    zero.symlink_to("/dev/zero")
    assert main(["team", "summary", *good, str(zero)]) == 2
    assert "not a regular file" in capsys.readouterr().err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are a POSIX thing")
def test_contribute_never_replaces_a_pipe_or_device(paths, tmp_path, monkeypatch, capsys):
    # Written beside the target and renamed over it: a FIFO (or, run as root, /dev/full)
    # was silently replaced by a regular file.
    ProfileService(paths, fast_kdf=True).create(PASSPHRASE, "CLI")
    monkeypatch.setenv("REFLECT_PASSPHRASE", PASSPHRASE)
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    base = ["--data-dir", str(paths.data_dir)]
    assert main([*base, "team", "contribute", "--out", str(fifo)]) == 2
    assert "not a regular file" in capsys.readouterr().err
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert (
        main([*base, "export", "--out", str(fifo), "--force", "--format", "json", "--plain-ok"])
        == 2
    )
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_summary_refuses_a_file_written_in_the_future(tmp_path, capsys):
    # A real file is written this month at the latest; one from 2099 would stretch every
    # team chart over seventy empty years.
    good = _files(tmp_path, 5)
    content = json.loads(Path(good[0]).read_text(encoding="utf-8"))
    content["written"] = "2099-12"
    for index, month in enumerate(content["months"]):
        month["month"] = f"2099-{index + 1:02d}"
    future = tmp_path / "future.json"
    future.write_text(json.dumps(content), encoding="utf-8")
    assert main(["team", "summary", *good[1:], str(future)]) == 2
    err = capsys.readouterr().err
    assert "future.json" in err and "has not come yet" in err
