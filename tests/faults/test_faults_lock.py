"""Issue 13 item 1: every writer takes the profile's lock; readers keep working.

Before the lock, ``reflect restore`` run during ``reflect import`` threw the import's rows
away while the import reported success, and two imports at once ended in "database is
locked" tracebacks. Now a second writer waits a bounded time (saying so on stderr), then
refuses with exit 2; nothing acknowledged is ever lost.
"""

from __future__ import annotations

import json
import stat
import time
from pathlib import Path

import pytest
from tests.faults.storage_helpers import (
    PASSPHRASE,
    add_rows,
    clean_lines,
    make_profile,
    process,
    row_counts,
    run,
)

from reflect.paths import AppPaths
from reflect.services.backups import backup_now
from reflect.services.profiles import ProfileService
from reflect.storage.file_lock import WAIT_MESSAGE, FileLock, profile_lock


@pytest.fixture
def filled(tmp_path, monkeypatch):
    monkeypatch.setenv("REFLECT_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("REFLECT_LOCK_WAIT_SECONDS", "0.3")
    info = make_profile(tmp_path / "data")
    return tmp_path / "data", info


def _jrnl(path: Path, entries: int, word: str = "jrnl") -> Path:
    path.write_text(
        json.dumps(
            {
                "tags": {},
                "entries": [
                    {
                        "date": f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}",
                        "time": f"{i % 24:02d}:{i % 60:02d}",
                        "title": f"{word} entry {i}",
                        "body": f"{word} body {i}",
                        "tags": [],
                        "starred": False,
                    }
                    for i in range(entries)
                ],
            }
        ),
        encoding="utf-8",
    )
    return path


def _writer_session(data_dir: Path, info):
    """What the app holds while a profile is unlocked."""
    service = ProfileService(AppPaths(data_dir), fast_kdf=True, writer=True)
    return service.unlock(service.get(info.profile_id), PASSPHRASE)


def test_every_writing_command_waits_then_refuses_while_the_app_writes(filled, tmp_path, capsys):
    data_dir, info = filled
    backup = backup_now(_reader(data_dir, info)).written[0]
    jrnl = _jrnl(tmp_path / "j.json", 3)
    app = _writer_session(data_dir, info)
    try:
        add_rows(app.db, 2, start=100)  # acknowledged writes of the app
        expected = {
            t: app.db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
            for t in ("reflections", "checkins", "settings")
        }
        archive_pass = tmp_path / "archive-pass"
        archive_pass.write_text("archive passphrase 123", encoding="utf-8")
        writers = [
            ["import", str(jrnl)],
            ["restore", str(backup), "--yes"],
            ["backup"],
            ["score", "who5", "--answers", "3,3,3,3,3", "--save"],
            ["log-shift", "--encounters", "3"],
            [
                "export",
                "--out",
                str(tmp_path / "x.reflect-archive"),
                "--archive-passphrase-file",
                str(archive_pass),
            ],
        ]
        for argv in writers:
            started = time.monotonic()
            code, _out, err = run(["--data-dir", str(data_dir), *argv], capsys)
            assert code == 2, (argv, err)
            lines = clean_lines(err)
            assert lines[0] == WAIT_MESSAGE, (argv, err)
            assert len(lines) == 2 and "Another Reflect is writing" in lines[1], err
            assert time.monotonic() - started < 5
        # Readers keep working meanwhile.
        code, out, err = run(["--data-dir", str(data_dir), "search", "shift", "--json"], capsys)
        assert code == 0 and json.loads(out)["total"] == 14, err
        code, out, err = run(["--data-dir", str(data_dir), "check", "--json"], capsys)
        assert code == 0, err
    finally:
        app.close()
    after = row_counts(info)
    assert {t: after[t] for t in expected} == expected
    assert not (tmp_path / "x.reflect-archive").exists()


def test_demo_replace_waits_for_the_open_demo_then_refuses(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("REFLECT_LOCK_WAIT_SECONDS", "0.2")
    data_dir = tmp_path / "data"
    service = ProfileService(AppPaths(data_dir).ensure(), fast_kdf=True, writer=True)
    demo = service.create(PASSPHRASE, "Demo", is_demo=True, profile_id="demo")
    app = service.unlock(demo, PASSPHRASE)
    try:
        add_rows(app.db, 3)
        code, _out, err = run(["--data-dir", str(data_dir), "demo", "--replace"], capsys)
    finally:
        app.close()
    assert code == 2
    assert clean_lines(err)[0] == WAIT_MESSAGE and len(clean_lines(err)) == 2
    assert demo.db_path.exists()


def _reader(data_dir: Path, info):
    service = ProfileService(AppPaths(data_dir), fast_kdf=True)
    return service.unlock(service.get(info.profile_id), PASSPHRASE)


def test_a_writer_that_finishes_in_time_lets_the_next_one_through(filled, tmp_path, capsys):
    """The wait is real: once the holder lets go, the waiting command goes ahead."""
    import threading

    data_dir, info = filled
    holder = profile_lock(info.directory).acquire()
    threading.Timer(0.1, holder.release).start()
    code, _out, err = run(
        ["--data-dir", str(data_dir), "import", str(_jrnl(tmp_path / "j.json", 4))], capsys
    )
    assert code == 0, err
    assert clean_lines(err) == [WAIT_MESSAGE]
    assert row_counts(info)["reflections"] == 16


def test_two_imports_at_once_both_land_without_database_is_locked(filled, tmp_path):
    data_dir, info = filled
    first = _jrnl(tmp_path / "a.json", 1500, "alpha")
    second = _jrnl(tmp_path / "b.json", 1500, "beta")
    env = {"REFLECT_LOCK_WAIT_SECONDS": "60"}
    procs = [
        process(["--data-dir", str(data_dir), "import", str(f)], env=env) for f in (first, second)
    ]
    results = [(p.wait(timeout=120), p.communicate()) for p in procs]
    for code, (_out, err) in results:
        assert code == 0, err
        assert "locked" not in err
        assert all(line == WAIT_MESSAGE for line in clean_lines(err))
    assert row_counts(info)["reflections"] == 12 + 3000


def test_restore_during_an_import_never_loses_what_the_import_acknowledged(filled, tmp_path):
    """The restore either waits for the import (whose rows then sit in the safety copy) or
    refuses; before the lock it swapped the database under the import and lost its rows."""
    data_dir, info = filled
    backup = backup_now(_reader(data_dir, info)).written[0]
    big = _jrnl(tmp_path / "big.json", 4000, "imported")
    importer = process(["--data-dir", str(data_dir), "import", str(big), "--json"])
    lock = profile_lock(info.directory)
    deadline = time.monotonic() + 30
    while not lock.is_held_elsewhere():  # the import has started writing
        assert importer.poll() is None and time.monotonic() < deadline
        time.sleep(0.01)
    restorer = process(
        ["--data-dir", str(data_dir), "restore", str(backup), "--yes", "--json"],
        env={"REFLECT_LOCK_WAIT_SECONDS": "60"},
    )
    imported_code, (imported_out, imported_err) = importer.wait(timeout=120), importer.communicate()
    restored_code, (restored_out, restored_err) = restorer.wait(timeout=120), restorer.communicate()
    assert imported_code == 0, imported_err
    assert json.loads(imported_out)["written"]["reflections"] == 4000
    clean_lines(restored_err)
    if restored_code == 0:
        # The import finished first; its rows were kept in the pre-restore safety copy.
        safety = Path(json.loads(restored_out)["safety_copy"])
        from reflect.storage.backup import verify_database
        from reflect.storage.restore import unseal

        vault = json.loads(info.vault_path.read_text(encoding="utf-8"))
        key = unseal(PASSPHRASE, vault["passphrase"])
        assert verify_database(safety, key)["reflections"] == 12 + 4000
        assert row_counts(info)["reflections"] == 12
    else:
        assert restored_code == 2
        assert row_counts(info)["reflections"] == 12 + 4000


def test_the_lock_files_are_private_and_hold_no_host_name(filled, tmp_path):
    data_dir, info = filled
    paths = AppPaths(data_dir)
    # An older Reflect's QLockFile left its pid and the host name in reflect.lock.
    paths.lock_file.write_text("4242\nreflect\nmy-laptop.local\n", encoding="utf-8")
    paths.lock_file.chmod(0o644)
    instance = FileLock(paths.lock_file).acquire(wait_seconds=0)
    writer = profile_lock(info.directory).acquire(wait_seconds=0)
    try:
        for path in (paths.lock_file, info.directory / "writer.lock"):
            assert stat.S_IMODE(path.stat().st_mode) == 0o600
            assert path.read_bytes() == b""
        assert FileLock(paths.lock_file).is_held_elsewhere()
    finally:
        instance.release()
        writer.release()
    assert not FileLock(paths.lock_file).is_held_elsewhere()
