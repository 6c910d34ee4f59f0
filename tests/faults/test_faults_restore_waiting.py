"""A restore killed once decided leaves the verified file as ``reflect.db.restored``. A reader
(search, check, a plain export) finishes it when no writer holds the profile's lock, so it
reads the restored data; while a writer holds the lock it must not touch it, and says that
it shows the data from before the restore (stderr, and ``restore_waiting`` in check's JSON).
"""

from __future__ import annotations

import json
import shutil

import pytest
from tests.faults.storage_helpers import PASSPHRASE, add_rows, make_profile, run

from reflect.paths import AppPaths
from reflect.services.profiles import ProfileService
from reflect.storage.backup import backup_to
from reflect.storage.file_lock import profile_lock
from reflect.storage.restore_swap import ready_path

WAITING = "A restore of this profile is not finished yet"


@pytest.fixture
def interrupted(tmp_path, monkeypatch):
    """12 reflections restored (decided, not yet swapped in) over a profile holding 15."""
    monkeypatch.setenv("REFLECT_PASSPHRASE", PASSPHRASE)
    data_dir = tmp_path / "data"
    info = make_profile(data_dir)
    service = ProfileService(AppPaths(data_dir), fast_kdf=True, writer=True)
    session = service.unlock(info, PASSPHRASE)
    try:
        backup_to(session.db, tmp_path / "twelve.reflect-backup", session.key)
        add_rows(session.db, 3, start=40)
    finally:
        session.close()
    shutil.copy2(tmp_path / "twelve.reflect-backup", ready_path(info.directory))
    return data_dir, info


def _reflections(data_dir, capsys) -> tuple[int, str]:
    code, out, err = run(["--data-dir", str(data_dir), "search", "--json"], capsys)
    assert code == 0, err
    return len(json.loads(out)["results"]), err


def test_a_reader_finishes_the_restore_when_no_writer_is_at_work(interrupted, capsys):
    data_dir, info = interrupted
    count, err = _reflections(data_dir, capsys)
    assert count == 12  # the restored data, not the 15 from before
    assert WAITING not in err
    assert not ready_path(info.directory).exists()
    code, out, err = run(["--data-dir", str(data_dir), "check", "--json"], capsys)
    report = json.loads(out)
    assert code == 0 and report["ok"] is True and report["restore_waiting"] is False


@pytest.mark.parametrize("command", ["search", "check", "export"])
def test_while_a_writer_holds_the_lock_a_reader_says_it_shows_the_data_before(
    interrupted, capsys, tmp_path, command
):
    data_dir, info = interrupted
    argv = {
        "search": ["search", "--json"],
        "check": ["check", "--json"],
        "export": ["export", "--format", "json", "--plain-ok", "--out", str(tmp_path / "x")],
    }[command]
    with profile_lock(info.directory).acquire(wait_seconds=0):
        code, out, err = run(["--data-dir", str(data_dir), *argv], capsys)
        assert code == 0, err
        lines = [line for line in err.splitlines() if line.strip()]
        assert len(lines) == 1 and lines[0].startswith(f"reflect: {WAITING}"), err
        if command == "check":
            report = json.loads(out)
            # ok describes the database read; restore_waiting says which one that was
            assert report["ok"] is True and report["restore_waiting"] is True
        if command == "search":
            assert len(json.loads(out)["results"]) == 15
        assert ready_path(info.directory).exists()  # a reader never writes without the lock
    count, err = _reflections(data_dir, capsys)  # the lock is free again
    assert count == 12 and WAITING not in err
