"""Readers never change the schema without the writer lock; ``check`` describes, never migrates.

Before: ``search``, plain ``export``, ``import --dry-run`` and ``check`` applied pending
migrations (and wrote a pre-migration backup) holding no lock, so they could race the app or
a writing command; and ``check`` could never report a migration as pending.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.faults.storage_helpers import PASSPHRASE, clean_lines, make_profile, run

from reflect.domain.profile import ProfileInfo
from reflect.paths import AppPaths
from reflect.services.profiles import ProfileService
from reflect.storage.database import close_database, open_database
from reflect.storage.file_lock import WAIT_MESSAGE, profile_lock
from reflect.storage.kdf import wipe
from reflect.storage.vault import ProfileStore, open_seal_forms

STEP = "m006_reflection_lookup_indexes"


def _applied(info: ProfileInfo) -> set[str]:
    """The steps recorded in the database, read without opening a session (no migration)."""
    vault = ProfileStore(info.directory.parent)._read_vault(info)
    key, _raw = open_seal_forms(PASSPHRASE, vault["passphrase"])
    db = open_database(info.db_path, key)
    try:
        return {r[0] for r in db.execute("SELECT name FROM _sqlite_migrations")}
    finally:
        close_database(db)
        wipe(key)


def _backups(info: ProfileInfo) -> list[Path]:
    return list((info.directory / "backups").glob("pre-migration-*.reflect-backup"))


@pytest.fixture
def older(tmp_path, monkeypatch):
    """A profile an earlier Reflect wrote: its newest step is not applied yet."""
    monkeypatch.setenv("REFLECT_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("REFLECT_LOCK_WAIT_SECONDS", "0.3")
    data_dir = tmp_path / "data"
    info = make_profile(data_dir, reflections=3, checkins=1)
    service = ProfileService(AppPaths(data_dir), fast_kdf=True, writer=True)
    session = service.unlock(info, PASSPHRASE)
    try:
        with session.db.atomic():
            session.db.execute("DELETE FROM _sqlite_migrations WHERE name = ?", [STEP])
    finally:
        session.close()
    assert STEP not in _applied(info) and not _backups(info)
    return data_dir, info


def test_check_reports_a_pending_migration_and_changes_nothing(older, capsys):
    data_dir, info = older
    code, out, err = run(["--data-dir", str(data_dir), "check", "--json"], capsys)
    assert code == 0, err
    report = json.loads(out)
    assert report["migrations_pending"] == [STEP]
    assert report["ok"] is True  # an older schema is not a problem: a writer brings it up
    assert STEP not in _applied(info) and not _backups(info)
    code, out, err = run(["--data-dir", str(data_dir), "check"], capsys)
    assert code == 0, err
    assert "1 pending" in out and "Everything looks fine." in out


READERS = [
    ["search", "shift", "--json"],
    ["import", "--dry-run", "JRNL"],
    ["export", "--format", "json", "--plain-ok", "--out", "OUT"],
]


def _argv(argv: list[str], tmp_path: Path) -> list[str]:
    jrnl = tmp_path / "j.json"
    jrnl.write_text('{"tags": {}, "entries": []}', encoding="utf-8")
    swap = {"JRNL": str(jrnl), "OUT": str(tmp_path / "out.json")}
    return [swap.get(a, a) for a in argv]


@pytest.mark.parametrize("argv", READERS, ids=lambda a: a[0])
def test_a_reader_that_must_migrate_waits_for_the_writer_then_refuses(
    older, tmp_path, capsys, argv
):
    data_dir, info = older
    with profile_lock(info.directory).acquire():  # the app has the profile open
        code, _out, err = run(["--data-dir", str(data_dir), *_argv(argv, tmp_path)], capsys)
    assert code == 2, err
    lines = clean_lines(err)
    assert lines[0] == WAIT_MESSAGE
    assert len(lines) == 2 and lines[1].startswith("reflect: Another Reflect is writing"), err
    assert STEP not in _applied(info) and not _backups(info)
    assert not (tmp_path / "out.json").exists()


@pytest.mark.parametrize("argv", READERS, ids=lambda a: a[0])
def test_a_reader_migrates_under_the_lock_and_lets_it_go(older, tmp_path, capsys, argv):
    data_dir, info = older
    code, _out, err = run(["--data-dir", str(data_dir), *_argv(argv, tmp_path)], capsys)
    assert code == 0, err
    assert STEP in _applied(info) and len(_backups(info)) == 1
    lock = profile_lock(info.directory)
    assert lock.try_acquire()  # released once the schema is up to date
    lock.release()


def test_a_reader_with_nothing_to_migrate_never_waits(older, capsys):
    data_dir, info = older
    run(["--data-dir", str(data_dir), "search", "shift"], capsys)  # brings the schema up
    with profile_lock(info.directory).acquire():
        code, out, err = run(["--data-dir", str(data_dir), "search", "shift", "--json"], capsys)
    assert code == 0 and not err and json.loads(out)["total"] == 3


def test_a_schema_from_a_newer_reflect_is_described_by_check_and_refused_by_readers(older, capsys):
    data_dir, info = older
    service = ProfileService(AppPaths(data_dir), fast_kdf=True, writer=True)
    session = service.unlock(info, PASSPHRASE)
    try:
        session.db["_sqlite_migrations"].insert(
            {"migration_set": "reflect", "name": "m999_future", "applied_at": "2099-01-01"}
        )
    finally:
        session.close()  # this writer brought m006 up: one pre-migration backup
    code, out, err = run(["--data-dir", str(data_dir), "check", "--json"], capsys)
    assert code == 1, err
    assert json.loads(out)["migrations_unknown"] == ["m999_future"]
    with profile_lock(info.directory).acquire():  # refused at once: no wait for the lock
        code, _out, err = run(["--data-dir", str(data_dir), "search", "shift"], capsys)
    assert code == 2
    assert clean_lines(err) == [
        "reflect: This profile was saved by a newer version of Reflect (m999_future). "
        "Please update Reflect; nothing was changed."
    ]
    assert len(_backups(info)) == 1
