"""Issue 13 item 2: restore verifies before it replaces; safety copies never overwrite each other.

A 0-byte or 1-byte "backup" used to empty the live profile with exit 0 (and ``check`` then
said all was fine). Now a backup must open, pass both integrity checks, hold Reflect's tables
at a known schema version and at least one row (unless ``--allow-empty``), or nothing changes.
"""

from __future__ import annotations

import os
import secrets
import sqlite3

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
from reflect.services.backups import backup_now, list_backups, restore_backup
from reflect.services.profiles import ProfileService
from reflect.storage.database import close_database, open_database


@pytest.fixture
def filled(tmp_path, monkeypatch):
    monkeypatch.setenv("REFLECT_PASSPHRASE", PASSPHRASE)
    info = make_profile(tmp_path / "data")
    return tmp_path / "data", info


def _session(data_dir, info):
    service = ProfileService(AppPaths(data_dir), fast_kdf=True)
    return service.unlock(service.get(info.profile_id), PASSPHRASE)


def _keyed_file(path, key, statements=(), schema=False):
    """A database under the profile's key holding ``statements`` (and Reflect's schema)."""
    db = open_database(path, key, create=True)
    try:
        if schema:
            from reflect.storage.migrations import apply_migrations

            apply_migrations(db)
        for sql in statements:
            db.execute(sql)
        db.conn.commit()
        db.conn.execute("PRAGMA journal_mode = DELETE")
    finally:
        close_database(db)
    return path


def _bad_backups(tmp_path, data_dir, info):
    session = _session(data_dir, info)
    key = bytearray(session.key)
    try:
        empty_profile = ProfileService(AppPaths(tmp_path / "other"), fast_kdf=True)
        empty = empty_profile.create(PASSPHRASE, "Empty")
        # A genuine backup of an EMPTY profile, re-keyed to this profile's key.
        other = empty_profile.unlock(empty, PASSPHRASE)
        other.db.conn.execute(f"PRAGMA rekey = \"x'{bytes(key).hex()}'\"")
        empty_backup = tmp_path / "empty.reflect-backup"
        from reflect.storage.backup import backup_to

        backup_to(other.db, empty_backup, key)
        other.close()
        plain = tmp_path / "plain.reflect-backup"
        con = sqlite3.connect(plain)
        con.execute("create table reflections(x)")
        con.commit()
        con.close()
        files = {
            "zero bytes": tmp_path / "zero.reflect-backup",
            "one byte": tmp_path / "one.reflect-backup",
            "garbage": tmp_path / "garbage.reflect-backup",
            "page of garbage": tmp_path / "page.reflect-backup",
            "no tables": _keyed_file(tmp_path / "notables.reflect-backup", key),
            "foreign tables": _keyed_file(
                tmp_path / "foreign.reflect-backup", key, ["create table notes(x)"]
            ),
            "unknown schema": _keyed_file(
                tmp_path / "newer.reflect-backup",
                key,
                [
                    "insert into settings values ('x', '1')",
                    "insert into _sqlite_migrations (migration_set, name, applied_at) "
                    "values ('reflect', 'm999_future', '')",
                ],
                schema=True,
            ),
            "plain sqlite": plain,
            "empty profile": empty_backup,
        }
    finally:
        session.close()
    files["zero bytes"].write_bytes(b"")
    files["one byte"].write_bytes(b"x")
    files["garbage"].write_bytes(secrets.token_bytes(10_000))
    files["page of garbage"].write_bytes(secrets.token_bytes(8192))
    return files


def test_a_bad_backup_is_refused_and_nothing_changes(filled, tmp_path, capsys):
    data_dir, info = filled
    before_counts = row_counts(info)
    before_files = folder_digest(info.directory)
    for what, path in _bad_backups(tmp_path, data_dir, info).items():
        code, _out, err = run(["--data-dir", str(data_dir), "restore", str(path), "--yes"], capsys)
        line = assert_one_clean_line(err)
        assert code == 2, (what, line)
        assert "Nothing was changed" in line or "not" in line, (what, line)
        assert "written before the passphrase was changed" not in line, (what, line)
        assert folder_digest(info.directory) == before_files, what
    assert row_counts(info) == before_counts
    code, _out, err = run(["--data-dir", str(data_dir), "check"], capsys)
    assert code == 0, err


def test_an_empty_backup_needs_allow_empty(filled, tmp_path, capsys):
    data_dir, info = filled
    empty = _bad_backups(tmp_path, data_dir, info)["empty profile"]
    code, _out, err = run(["--data-dir", str(data_dir), "restore", str(empty), "--yes"], capsys)
    assert code == 2 and "--allow-empty" in assert_one_clean_line(err)
    assert row_counts(info)["reflections"] == 12
    code, _out, err = run(
        ["--data-dir", str(data_dir), "restore", str(empty), "--yes", "--allow-empty"], capsys
    )
    assert code == 0, err
    assert row_counts(info)["reflections"] == 0
    # What it replaced is kept.
    assert any(b.kind == "pre-restore" for b in list_backups(info))


def test_two_restores_in_one_second_keep_both_safety_copies(filled, monkeypatch):
    data_dir, info = filled
    session = _session(data_dir, info)
    backup = backup_now(session).written[0]
    from tests.faults.storage_helpers import add_rows

    add_rows(session.db, 10, start=50)  # written after the backup: kept only by a safety copy
    session.close()

    import reflect.storage.restore as restore

    class FrozenClock:
        @staticmethod
        def now(tz=None):
            from datetime import datetime

            return datetime(2026, 12, 6, 21, 0, 0, tzinfo=tz)

    monkeypatch.setattr(restore, "datetime", FrozenClock)
    first = restore_backup(info, backup, PASSPHRASE)
    second = restore_backup(info, backup, PASSPHRASE)
    assert first.safety_copy != second.safety_copy
    assert first.safety_copy.exists() and second.safety_copy.exists()
    from reflect.storage.backup import verify_database

    key = _session(data_dir, info)
    try:
        assert verify_database(first.safety_copy, key.key)["reflections"] == 22
        assert verify_database(second.safety_copy, key.key)["reflections"] == 12
    finally:
        key.close()
    kinds = [b.kind for b in list_backups(info)]
    assert kinds.count("pre-restore") == 2


def test_a_leftover_staging_file_from_an_interrupted_restore_is_cleaned(filled, capsys):
    data_dir, info = filled
    for name in ("reflect.db.restoring", "reflect.db.restoring-wal", ".vault.json.ab12.part"):
        (info.directory / name).write_bytes(b"old")
    backups = info.directory / "backups"
    backups.mkdir(exist_ok=True)
    (backups / "manual-20261206T000000.reflect-backup.tmp").write_bytes(b"half")
    # A reader does not clean (a writer may be using them right now)...
    code, _out, err = run(["--data-dir", str(data_dir), "search", "--json"], capsys)
    assert code == 0, err
    assert (info.directory / "reflect.db.restoring").exists()
    # ...the next writer, holding the lock, does.
    code, _out, err = run(["--data-dir", str(data_dir), "backup"], capsys)
    assert code == 0, err
    leftovers = [
        p.name for p in info.directory.rglob("*") if p.name.endswith((".restoring", ".tmp"))
    ]
    assert leftovers == [] and not (info.directory / ".vault.json.ab12.part").exists()
    assert not (info.directory / "reflect.db.restoring-wal").exists()
    assert os.listdir(backups)


def test_random_or_cut_short_backups_never_replace_anything(tmp_path_factory):
    """Property: random bytes, or a real backup cut anywhere, are refused; nothing changes."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from reflect.cli import main

    data_dir = tmp_path_factory.mktemp("prop") / "data"
    info = make_profile(data_dir)
    session = _session(data_dir, info)
    real = backup_now(session).written[0].read_bytes()
    session.close()
    before = folder_digest(info.directory)
    candidate = data_dir.parent / "candidate.reflect-backup"

    @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
    @given(
        st.one_of(
            st.binary(max_size=20_000),
            st.integers(min_value=0, max_value=len(real) - 1).map(lambda n: real[:n]),
            st.tuples(st.integers(0, len(real) - 1), st.binary(min_size=1, max_size=64)).map(
                lambda cut: real[: cut[0]] + cut[1] + real[cut[0] + len(cut[1]) :]
            ),
        )
    )
    def refused(data):
        if data == real:
            return
        candidate.write_bytes(data)
        os.environ["REFLECT_PASSPHRASE"] = PASSPHRASE
        import contextlib
        import io

        err = io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            code = main(["--data-dir", str(data_dir), "restore", str(candidate), "--yes"])
        assert code == 2  # every page carries an HMAC: no changed byte goes unnoticed
        assert_one_clean_line(err.getvalue())
        assert folder_digest(info.directory) == before

    try:
        refused()
    finally:
        os.environ.pop("REFLECT_PASSPHRASE", None)
