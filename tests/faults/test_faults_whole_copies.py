"""Paths that copy a person's whole data (import, restore, backup, check) against hostile
or unlucky input: each case here once lost, changed or misdescribed data."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.faults.input_helpers import (
    ARCHIVE_PASS,
    GOOD_ROWS,
    PASSPHRASE,
    assert_one_clean_line,
    build_archive,
    run,
)

from reflect.paths import AppPaths
from reflect.services.profiles import ProfileService

FUTURE = (
    "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
    "VALUES ('reflect', 'm099_future', '2030-01-01')"
)


@pytest.fixture
def cli(tmp_path, monkeypatch):
    paths = AppPaths(tmp_path / "data").ensure()
    ProfileService(paths, fast_kdf=True).create(PASSPHRASE, "Target")
    monkeypatch.setenv("REFLECT_PASSPHRASE", PASSPHRASE)
    passfile = tmp_path / "archive-pass.txt"
    passfile.write_text(ARCHIVE_PASS, encoding="utf-8")
    return ["--data-dir", str(paths.data_dir)], ["--archive-passphrase-file", str(passfile)]


def test_an_archive_from_a_newer_reflect_is_named_as_the_archive_not_the_profile(
    cli, tmp_path, capsys
):
    root, secret = cli
    archive = build_archive(tmp_path, {"reflections": [GOOD_ROWS["reflections"]]}, (FUTURE,))
    code, _, err = run([*root, "import", str(archive), *secret], capsys)
    assert code == 2
    line = assert_one_clean_line(err)
    assert archive.name in line and "newer version of Reflect" in line
    assert "This profile" not in line
    assert run([*root, "check"], capsys)[0] == 0  # the profile itself is fine


def test_a_full_disk_while_unpacking_an_archive_is_not_called_a_damaged_archive(
    cli, tmp_path, capsys, monkeypatch
):
    import errno
    import os

    from reflect.storage import archive as archive_module

    root, secret = cli
    archive = build_archive(tmp_path, {"reflections": [GOOD_ROWS["reflections"]]})
    real_fdopen = os.fdopen

    class FullDisk:
        def __init__(self, handle):
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def write(self, _block):
            raise OSError(errno.ENOSPC, "No space left on device")

    def fdopen(fd, mode="r", *args, **kwargs):
        handle = real_fdopen(fd, mode, *args, **kwargs)
        return FullDisk(handle) if mode == "wb" else handle

    monkeypatch.setattr(archive_module.os, "fdopen", fdopen)
    code, _, err = run([*root, "import", str(archive), *secret], capsys)
    monkeypatch.undo()
    assert code == 2
    line = assert_one_clean_line(err)
    assert "The disk is full" in line and "damaged" not in line
    data = tmp_path / "data"
    assert not [
        p for p in data.rglob(".*") if p.name.startswith((".archive-", ".reflect-"))
    ]  # the partial copy is gone


@pytest.mark.parametrize(
    ("table", "row"),
    [
        ("supervisees", {"name": "Sam", "recipient": "age1sam", "first_seen": "2026-01-01"}),
        ("shift_logs", {"day": "2026-01-05", "hours": 8.0, "created_at": "2026-01-05T20:00:00"}),
        ("breaks", {"start_day": "2026-02-01", "end_day": "2026-02-08", "kind": "leave"}),
    ],
)
def test_a_backup_holding_only_supervision_or_exposure_rows_is_not_called_empty(
    tmp_path, table, row
):
    """Restoring from the app never passes allow_empty: such a backup could not come back."""
    from reflect.services.backups import backup_now, restore_backup

    service = ProfileService(AppPaths(tmp_path / "data").ensure(), fast_kdf=True)
    info = service.create(PASSPHRASE, "Supervisor")
    session = service.unlock(info, PASSPHRASE)
    try:
        with session.db.atomic():
            session.db[table].insert(row)
        backup = backup_now(session).written[0]
        with session.db.atomic():
            session.db.execute(f'DELETE FROM "{table}"')
    finally:
        session.close()
    report = restore_backup(info, backup, PASSPHRASE)
    assert report.counts[table] == 1


@pytest.fixture(scope="module")
def archive_bytes(tmp_path_factory):
    folder = tmp_path_factory.mktemp("whole-archive")
    return build_archive(folder, {n: [r] for n, r in GOOD_ROWS.items()}).read_bytes()


@settings(max_examples=30, deadline=None)
@given(fraction=st.floats(0.0, 1.0, exclude_max=True))
def test_an_archive_cut_short_is_called_cut_short_not_a_wrong_kind_of_file(
    archive_bytes, tmp_path_factory, fraction
):
    """A copy to a USB stick that did not finish: the person must not be told to pick another
    kind of file."""
    from reflect.domain.errors import ValidationError
    from reflect.services.importing import detect_format

    cut = 4 + int(fraction * (len(archive_bytes) - 4))
    path = tmp_path_factory.mktemp("cut") / "mine.reflect-archive"
    path.write_bytes(archive_bytes[:cut])
    with pytest.raises(ValidationError) as refused:
        detect_format(path)
    assert "cut short" in str(refused.value) and "neither" not in str(refused.value)


def test_restoring_an_archive_says_it_is_an_archive_not_a_cut_short_backup(cli, tmp_path, capsys):
    root, _ = cli
    archive = build_archive(tmp_path, {n: [r] for n, r in GOOD_ROWS.items()})
    code, _, err = run([*root, "restore", str(archive), "--yes"], capsys)
    assert code == 2
    line = assert_one_clean_line(err)
    assert "archive" in line and "reflect import" in line
    assert "cut short" not in line


def _disk_full(*_args, **_kwargs):
    import sqlcipher3

    raise sqlcipher3.OperationalError("database or disk is full")


def test_a_full_disk_during_a_restore_reaches_the_app_as_one_clear_sentence(tmp_path, monkeypatch):
    """The app shows the error's text: SQLite's own 'database or disk is full' is English
    only and names no folder."""
    from reflect.domain.errors import ReflectError
    from reflect.services.backups import backup_now, restore_backup
    from reflect.storage import restore

    service = ProfileService(AppPaths(tmp_path / "data").ensure(), fast_kdf=True)
    info = service.create(PASSPHRASE, "Full")
    session = service.unlock(info, PASSPHRASE)
    try:
        session.checkins.record({"work.swamped": 2}, sleep=1)
        backup = backup_now(session).written[0]
    finally:
        session.close()
    monkeypatch.setattr(restore, "connect_encrypted", _disk_full)
    with pytest.raises(ReflectError, match="The disk is full: Reflect could not write in"):
        restore_backup(info, backup, PASSPHRASE)
    monkeypatch.undo()
    session = service.unlock(info, PASSPHRASE)
    try:
        assert session.checkins.count() == 1
    finally:
        session.close()


def test_a_full_disk_during_an_import_reaches_the_app_as_one_clear_sentence(tmp_path, monkeypatch):
    from reflect.domain.errors import ReflectError
    from reflect.services.importing import import_file
    from reflect.storage import merge

    archive = build_archive(tmp_path, {n: [r] for n, r in GOOD_ROWS.items()})
    service = ProfileService(AppPaths(tmp_path / "data").ensure(), fast_kdf=True)
    session = service.unlock(service.create(PASSPHRASE, "Full"), PASSPHRASE)
    try:
        monkeypatch.setattr(merge, "apply_merge", _disk_full)
        with pytest.raises(ReflectError, match="The disk is full: Reflect could not write in"):
            import_file(session, archive, ARCHIVE_PASS)
        assert session.journal.count() == 0
    finally:
        session.close()


@pytest.mark.parametrize("fmt", ["json", "archive"])
def test_a_full_disk_during_an_export_reaches_the_app_as_one_clear_sentence(
    tmp_path, monkeypatch, fmt
):
    import errno

    from reflect import private_output
    from reflect.domain.errors import ReflectError
    from reflect.services import export
    from reflect.storage import archive

    def no_space(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    service = ProfileService(AppPaths(tmp_path / "data").ensure(), fast_kdf=True)
    session = service.unlock(service.create(PASSPHRASE, "Full"), PASSPHRASE)
    try:
        # Linking a plain export's unnamed file or renaming a named one (also archive.os:
        # the same module).
        monkeypatch.setattr(private_output.os, "replace", no_space)
        monkeypatch.setattr(private_output.os, "link", no_space)
        assert archive.os is private_output.os
        with pytest.raises(ReflectError, match="The disk is full: Reflect could not write in"):
            export.export_profile(
                session, fmt, tmp_path / "out", plain_ok=True, archive_passphrase=ARCHIVE_PASS
            )
    finally:
        monkeypatch.undo()
        session.close()
    assert [p.name for p in tmp_path.iterdir()] == ["data"]  # no partial file left


@pytest.mark.parametrize("automatic", [False, True])
def test_a_full_disk_during_a_backup_reaches_the_app_as_one_clear_sentence(
    tmp_path, monkeypatch, automatic
):
    import errno

    from reflect.domain.errors import ReflectError
    from reflect.services.backups import automatic_backup_job, backup_now, backups_dir
    from reflect.storage import backup

    def no_space(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    service = ProfileService(AppPaths(tmp_path / "data").ensure(), fast_kdf=True)
    session = service.unlock(service.create(PASSPHRASE, "Full"), PASSPHRASE)
    try:
        monkeypatch.setattr(backup, "write_private_file", no_space)  # the key sidecar
        with pytest.raises(ReflectError, match="The disk is full: Reflect could not write in"):
            automatic_backup_job(session)() if automatic else backup_now(session)
        assert not [p for p in backups_dir(session.profile).glob("*") if p.is_file()]
    finally:
        session.close()


def test_the_working_copy_of_an_import_killed_midway_is_removed_by_a_later_writer(
    cli, tmp_path, capsys
):
    """A SIGKILL or power cut skips the import's own clean-up: the archive's whole database
    would stay in the profile folder for good. A copy touched in the last day is kept: a
    ``--dry-run`` (a reader, without the lock) may be reading it right now."""
    import os
    import time

    root, _ = cli
    (folder,) = (tmp_path / "data" / "profiles").iterdir()
    old = [folder / ".archive-0123456789ab.db", folder / ".archive-0123456789ab.db-wal"]
    fresh = folder / ".archive-ba9876543210.db"
    for path in [*old, fresh]:
        path.write_bytes(b"encrypted bytes")
    two_days_ago = time.time() - 2 * 86400
    for path in old:
        os.utime(path, (two_days_ago, two_days_ago))
    code, _, err = run([*root, "backup"], capsys)
    assert code == 0, err
    assert not any(p.exists() for p in old)
    assert fresh.exists()


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_a_plain_export_given_to_import_is_named_as_such(tmp_path, fmt):
    """Not 'This is an encrypted Reflect archive: its passphrase is needed' for the CSV zip
    (the command line would even ask for a passphrase), nor a jrnl complaint for the JSON."""
    from reflect.domain.errors import ValidationError
    from reflect.services.export import export_profile
    from reflect.services.importing import detect_format, import_file

    service = ProfileService(AppPaths(tmp_path / "data").ensure(), fast_kdf=True)
    session = service.unlock(service.create(PASSPHRASE, "Plain"), PASSPHRASE)
    try:
        path = export_profile(session, fmt, tmp_path / "mine", plain_ok=True).path
        with pytest.raises(ValidationError) as refused:
            detect_format(path)
        with pytest.raises(ValidationError):
            import_file(session, path, ARCHIVE_PASS)
    finally:
        session.close()
    text = str(refused.value)
    assert "plain" in text and "encrypted archive" in text, text
    assert "passphrase" not in text and "entries" not in text


def test_a_zip_that_is_no_archive_is_refused_before_a_passphrase_is_asked(tmp_path):
    import zipfile

    from reflect.domain.errors import ValidationError
    from reflect.services.importing import detect_format

    path = tmp_path / "holiday.zip"
    with zipfile.ZipFile(path, "w") as photos:
        photos.writestr("beach.jpg", b"\xff\xd8 not really a photo")
    with pytest.raises(ValidationError, match=r"^holiday\.zip is not a Reflect archive\.$"):
        detect_format(path)


def test_an_archive_never_holds_the_profiles_secret_supervision_key(tmp_path):
    """docs/supervisors.md: the key 'never appears in an export'. An archive is a database
    copy; anyone given it and its passphrase would otherwise read every packet sealed to
    this person."""
    import zipfile

    from reflect.services.export import export_profile
    from reflect.storage.archive import DATABASE, read_manifest
    from reflect.storage.backup import connect_readonly
    from reflect.storage.kdf import KdfParams, derive_key
    from reflect.storage.supervision_keys import SupervisionKeyRepository

    service = ProfileService(AppPaths(tmp_path / "data").ensure(), fast_kdf=True)
    session = service.unlock(service.create(PASSPHRASE, "Keyed"), PASSPHRASE)
    try:
        secret, recipient = SupervisionKeyRepository(session.db).identity()
        session.checkins.record({"work.swamped": 2}, sleep=1)
        path = export_profile(session, "archive", tmp_path / "a", archive_passphrase=ARCHIVE_PASS)
    finally:
        session.close()
    path = path.path
    key = derive_key(ARCHIVE_PASS, KdfParams.from_dict(read_manifest(path)["kdf"]))
    copy = tmp_path / "copy.db"
    with zipfile.ZipFile(path) as archive:
        copy.write_bytes(archive.read(DATABASE))
    conn = connect_readonly(copy, key)
    try:
        assert conn.execute("SELECT count(*) FROM supervision_identity").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM checkins").fetchone()[0] == 1
        # Rewritten by VACUUM: no free page where the deleted row's bytes could remain.
        assert conn.execute("PRAGMA freelist_count").fetchone()[0] == 0
    finally:
        conn.close()
    assert recipient.startswith("age1") and secret
