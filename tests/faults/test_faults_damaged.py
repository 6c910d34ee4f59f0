"""Issue 13 item 3: a damaged profile never turns into a new, empty one.

Truncating reflect.db to 0 bytes used to make ``reflect check`` write a fresh schema, say
"Everything looks fine" and make "verified" backups of the empty database. Now a missing,
empty or unreadable database is reported as damaged (with the latest backup and how to
restore it): exit 1 for ``check``, 2 elsewhere, and nothing is written.
"""

from __future__ import annotations

import pytest
from tests.faults.storage_helpers import (
    PASSPHRASE,
    assert_one_clean_line,
    folder_digest,
    make_profile,
    row_counts,
    run,
)

from reflect.paths import AppPaths
from reflect.services.backups import backup_now
from reflect.services.profiles import ProfileService


@pytest.fixture
def filled(tmp_path, monkeypatch):
    monkeypatch.setenv("REFLECT_PASSPHRASE", PASSPHRASE)
    info = make_profile(tmp_path / "data", reflections=300)
    service = ProfileService(AppPaths(tmp_path / "data"), fast_kdf=True)
    session = service.unlock(info, PASSPHRASE)
    try:
        backup = backup_now(session).written[0]
    finally:
        session.close()
    return tmp_path / "data", info, backup


def _damage(info, how):
    db = info.db_path
    if how == "empty":
        db.write_bytes(b"")
    elif how == "missing":
        db.unlink()
    elif how == "garbage":
        db.write_bytes(b"\x5a" * 8192)
    elif how == "first page":
        data = bytearray(db.read_bytes())
        data[100:200] = b"\x00" * 100
        db.write_bytes(bytes(data))


COMMANDS = [
    (["check"], 1),
    (["check", "--json"], 1),
    (["search", "shift"], 2),
    (["backup"], 2),
    (["import", "JRNL"], 2),
    (["export", "--format", "json", "--plain-ok", "--out", "OUT"], 2),
    (["score", "who5", "--answers", "3,3,3,3,3", "--save"], 2),
]


@pytest.mark.parametrize("how", ["empty", "missing", "garbage", "first page"])
def test_every_command_reports_a_damaged_database_and_writes_nothing(filled, tmp_path, capsys, how):
    data_dir, info, backup = filled
    for wal in ("-wal", "-shm"):
        (info.directory / f"reflect.db{wal}").unlink(missing_ok=True)
    _damage(info, how)
    before = folder_digest(info.directory)
    jrnl = tmp_path / "j.json"
    jrnl.write_text('{"entries": [{"date": "2025-01-02", "body": "x"}]}', encoding="utf-8")
    for argv, expected in COMMANDS:
        argv = [{"JRNL": str(jrnl), "OUT": str(tmp_path / "out.json")}.get(a, a) for a in argv]
        code, out, err = run(["--data-dir", str(data_dir), *argv], capsys)
        line = assert_one_clean_line(err)
        assert code == expected, (argv, line)
        assert "damaged" in line and "That passphrase" not in line, (argv, line)
        assert str(backup) in line and "reflect restore" in line, line
        assert "Everything looks fine" not in out and "verified" not in out
        assert folder_digest(info.directory) == before, (argv, how)
    assert not (tmp_path / "out.json").exists()


def test_the_profile_is_still_listed_and_restorable_after_its_database_vanished(filled, capsys):
    data_dir, info, backup = filled
    info.db_path.unlink()
    code, _out, err = run(["--data-dir", str(data_dir), "restore", str(backup), "--yes"], capsys)
    assert code == 0, err
    assert row_counts(info)["reflections"] == 300
    code, out, err = run(["--data-dir", str(data_dir), "check"], capsys)
    assert code == 0 and "Everything looks fine" in out, err


def _damage_a_data_page(info):
    """Flip bytes in the middle of the file: a page of reflections, not the schema."""
    for wal in ("-wal", "-shm"):
        (info.directory / f"reflect.db{wal}").unlink(missing_ok=True)
    data = bytearray(info.db_path.read_bytes())
    middle = (len(data) // 4096 // 2) * 4096
    data[middle + 200 : middle + 400] = b"\xff" * 200
    info.db_path.write_bytes(bytes(data))


def test_check_reports_a_damaged_page_without_crashing(filled, capsys):
    data_dir, info, _backup = filled
    _damage_a_data_page(info)
    code, out, err = run(["--data-dir", str(data_dir), "check"], capsys)
    assert code == 1, err
    assert "Problems were found" in out
    assert "Traceback" not in err
    code, out, err = run(["--data-dir", str(data_dir), "check", "--json"], capsys)
    assert code == 1 and "Traceback" not in err


def test_backup_never_calls_a_damaged_database_verified(filled, capsys):
    data_dir, info, _backup = filled
    _damage_a_data_page(info)
    before = sorted(p.name for p in (info.directory / "backups").iterdir())
    code, out, err = run(["--data-dir", str(data_dir), "backup"], capsys)
    line = assert_one_clean_line(err)
    assert code == 2, line
    assert "verified" not in out
    assert sorted(p.name for p in (info.directory / "backups").iterdir()) == before
