"""Backups are encrypted, verified, rotated; restore verifies first and keeps the old data."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from reflect.domain.errors import VaultError, WrongPassphrase
from reflect.domain.reflection import Reflection
from reflect.services.backups import (
    backup_now,
    check_profile,
    list_backups,
    restore_backup,
    run_automatic_backup,
)
from tests.conftest import PASSPHRASE

MARKER = "zebra-marker-in-a-backup"


def _write(session, text, day=1):
    return session.journal.save(
        Reflection("free_write", datetime(2026, 3, day, 9), answers={"text": text})
    )


def _texts(session):
    return sorted(r.answers.get("text", "") for r in session.journal.all_reflections())


def test_automatic_backup_is_daily_weekly_encrypted_and_cheap_the_second_time(session):
    _write(session, MARKER)
    report = run_automatic_backup(session, today=date(2026, 3, 2))
    names = sorted(p.name for p in report.written)
    assert names == ["daily-2026-03-02.reflect-backup", "weekly-2026-W10.reflect-backup"]
    assert report.counts["reflections"] == 1
    for path in report.written:
        data = path.read_bytes()
        assert not data.startswith(b"SQLite format 3")
        assert MARKER.encode() not in data
        assert path.stat().st_mode & 0o777 == 0o600
    again = run_automatic_backup(session, today=date(2026, 3, 2))
    assert again.written == [] and again.pruned == []


def test_rotation_keeps_seven_daily_and_four_weekly(session):
    start = date(2026, 3, 2)
    for i in range(35):
        run_automatic_backup(session, today=start + timedelta(days=i))
    kinds = [b.kind for b in list_backups(session.profile)]
    assert kinds.count("daily") == 7
    assert kinds.count("weekly") == 4
    leftovers = [p.name for p in (session.profile.directory / "backups").iterdir()]
    assert all(".tmp" not in n for n in leftovers)
    # every kept backup still has its key sidecar, and no sidecar outlives its backup
    backups = {n for n in leftovers if n.endswith(".reflect-backup")}
    sidecars = {n.removesuffix(".key.json") for n in leftovers if n.endswith(".key.json")}
    assert backups == sidecars


def test_restore_round_trip_keeps_a_safety_copy(profile_service, profile):
    session = profile_service.unlock(profile, PASSPHRASE)
    _write(session, "before the backup")
    backup = backup_now(session).written[0]
    _write(session, "after the backup", day=2)
    session.close()

    report = restore_backup(profile, backup, PASSPHRASE)
    assert report.counts["reflections"] == 1
    assert report.safety_copy is not None and report.safety_copy.exists()

    session = profile_service.unlock(profile, PASSPHRASE)
    try:
        assert _texts(session) == ["before the backup"]
        assert check_profile(session).ok
    finally:
        session.close()
    # the replaced data is itself a restorable backup
    restore_backup(profile, report.safety_copy, PASSPHRASE)
    session = profile_service.unlock(profile, PASSPHRASE)
    try:
        assert _texts(session) == ["after the backup", "before the backup"]
    finally:
        session.close()


def test_restore_refuses_a_wrong_passphrase_or_a_damaged_file_and_changes_nothing(
    profile_service, profile
):
    session = profile_service.unlock(profile, PASSPHRASE)
    _write(session, "precious")
    backup = backup_now(session).written[0]
    session.close()
    before = profile.db_path.read_bytes()
    with pytest.raises(WrongPassphrase):
        restore_backup(profile, backup, "not the passphrase at all")
    damaged = backup.with_name("damaged.reflect-backup")
    data = bytearray(backup.read_bytes())
    for offset in range(5000, 5064):
        data[offset] ^= 0xFF
    damaged.write_bytes(bytes(data))
    with pytest.raises(VaultError):
        restore_backup(profile, damaged, PASSPHRASE)
    assert profile.db_path.read_bytes() == before
    assert not list(profile.directory.glob("*.restoring"))


def _backup_then_a_new_passphrase(profile_service, profile):
    """A backup with "old days" under PASSPHRASE, then a new passphrase and "new days"."""
    session = profile_service.unlock(profile, PASSPHRASE)
    _write(session, "old days")
    backup = backup_now(session).written[0]
    new = "a brand new passphrase for today"
    profile_service.change_passphrase(session, new, new)
    _write(session, "new days", day=3)
    session.close()
    return backup, new


def test_backup_from_before_a_passphrase_change_still_restores(profile_service, profile):
    backup, new = _backup_then_a_new_passphrase(profile_service, profile)

    with pytest.raises(WrongPassphrase):
        restore_backup(profile, backup, "wrong one entirely")  # opens neither
    with pytest.raises(VaultError, match="before the passphrase was changed"):
        restore_backup(profile, backup, new)  # today's passphrase cannot open the old key
    report = restore_backup(profile, backup, PASSPHRASE)  # the passphrase of that day
    assert report.passphrase_from_backup
    session = profile_service.unlock(profile, PASSPHRASE)
    try:
        assert _texts(session) == ["old days"]
    finally:
        session.close()


def test_check_reports_integrity_and_migrations(session):
    report = check_profile(session).to_json()
    assert report["ok"] is True
    assert report["integrity"] == [] and report["cipher_integrity"] == []
    assert "m001_initial" in report["migrations_applied"]
    assert report["migrations_pending"] == []
    assert report["counts"]["reflections"] == 0


def test_background_job_survives_the_profile_locking_first(session):
    from reflect.services.backups import automatic_backup_job

    _write(session, "written before locking")
    job = automatic_backup_job(session, today=date(2026, 4, 1))
    profile = session.profile
    session.close()  # the person locked while the backup waited for a worker thread
    report = job()
    assert report.counts["reflections"] == 1
    assert [p.name for p in report.written][0] == "daily-2026-04-01.reflect-backup"
    assert (profile.directory / "backups" / "weekly-2026-W14.reflect-backup").exists()


def test_no_plain_text_in_any_backup_sidecar_or_archive(session, tmp_path):
    from reflect.services.export import export_profile

    _write(session, MARKER)
    run_automatic_backup(session, today=date(2026, 3, 2))
    backup_now(session)
    export_profile(session, "archive", tmp_path / "out", archive_passphrase="archive secret 123")
    session.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert any(p.name.endswith(".key.json") for p in files)
    assert any(p.name.endswith(".reflect-archive") for p in files)
    leaks = [p for p in files if MARKER.encode() in p.read_bytes()]
    assert leaks == []


@pytest.mark.parametrize("crash", ["before the swap", "after the swap"])
def test_a_restore_with_the_old_passphrase_killed_midway_still_opens(
    profile_service, profile, monkeypatch, crash
):
    """The database is swapped, then the vault goes back to the keys of that day: a crash
    between the two must not leave a profile that neither passphrase opens."""
    import reflect.storage.restore as restore_module

    backup, new = _backup_then_a_new_passphrase(profile_service, profile)

    real_replace = restore_module.os.replace

    def replace_then_die(src, dst):
        # The restore is decided when its verified file is renamed to reflect.db.restored
        # (storage/restore_swap.py): a crash after that is finished by the next unlock.
        decided = str(dst).endswith("reflect.db.restored")
        if decided and crash == "before the swap":
            raise KeyboardInterrupt  # the process is killed here
        real_replace(src, dst)
        if decided:
            raise KeyboardInterrupt

    monkeypatch.setattr(restore_module.os, "replace", replace_then_die)
    with pytest.raises(KeyboardInterrupt):
        restore_backup(profile, backup, PASSPHRASE)
    monkeypatch.setattr(restore_module.os, "replace", real_replace)

    # Whichever side of the swap the crash fell on, one of the two passphrases opens the
    # profile with its data whole: today's before the swap, the old one after it.
    expected = {
        "before the swap": (new, ["new days", "old days"]),
        "after the swap": (PASSPHRASE, ["old days"]),
    }
    passphrase, texts = expected[crash]
    opened = profile_service.unlock(profile, passphrase)
    try:
        assert _texts(opened) == texts
    finally:
        opened.close()
    # and the next unlock (the same passphrase) still works, with nothing left pending
    profile_service.unlock(profile, passphrase).close()
    assert not (profile.directory / "vault.json.pending").exists()
