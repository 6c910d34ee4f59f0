"""vault.json, a pending vault and backup ``.key.json`` sidecars are read with limits.

Unlock already read vault.json through the limited reader (1 MiB, regular file only, depth
and number limits); restore, the backup sidecars, a pending vault and the unlock throttle
read it with ``read_text``. A FIFO named vault.json hung restore forever, a vault nested
100,000 deep gave a traceback, and a vault padded to megabytes was read whole and used.
Each must now give one clear line, never hang, and change nothing.
"""

from __future__ import annotations

import json
import os
import threading

import pytest
from tests.faults.storage_helpers import (
    PASSPHRASE,
    assert_one_clean_line,
    folder_digest,
    make_profile,
    run,
)

from reflect.domain.errors import ReflectError
from reflect.paths import AppPaths
from reflect.services.backups import backup_now, restore_backup
from reflect.services.profiles import ProfileService

NEW_PASSPHRASE = "a different fault passphrase"


@pytest.fixture
def profile(tmp_path, monkeypatch):
    monkeypatch.setenv("REFLECT_PASSPHRASE", PASSPHRASE)
    data_dir = tmp_path / "data"
    info = make_profile(data_dir, reflections=3, checkins=1)
    service = ProfileService(AppPaths(data_dir), fast_kdf=True)
    session = service.unlock(service.get(info.profile_id), PASSPHRASE)
    try:
        backup = backup_now(session, tmp_path / "saved.reflect-backup").written[0]
    finally:
        session.close()
    return data_dir, info, backup


def _huge(path):
    vault = json.loads(path.read_text(encoding="utf-8"))
    vault["padding"] = "x" * (2 * 1024 * 1024)  # valid JSON, every key still there
    path.write_text(json.dumps(vault), encoding="utf-8")


def _nested(path):
    path.write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")


def _fifo(path):
    path.unlink()
    os.mkfifo(path)


def _finishes(work, fifo=None, seconds=30.0):
    """Run ``work`` in a thread; if a FIFO makes it hang, unblock it and fail the test."""
    outcome: dict[str, object] = {}

    def target():
        try:
            outcome["value"] = work()
        except BaseException as exc:  # noqa: BLE001 - examined by the test
            outcome["error"] = exc

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        if fifo is not None:  # a writer that closes at once gives the reader its EOF
            for _ in range(5):
                fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK) if _has_reader(fifo) else None
                if fd is not None:
                    os.close(fd)
            thread.join(10)
        pytest.fail("reading a FIFO blocked: it was not refused")
    return outcome


def _has_reader(fifo):
    try:
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
    except OSError:
        return False
    return True


@pytest.mark.parametrize("spoil", [_huge, _nested], ids=["huge", "nested"])
def test_restore_refuses_a_hostile_vault_json(profile, spoil, capsys):
    data_dir, info, backup = profile
    spoil(info.vault_path)
    before = folder_digest(info.directory)
    code, _out, err = run(
        ["--data-dir", str(data_dir), "restore", str(backup), "--yes", "--json"], capsys
    )
    line = assert_one_clean_line(err)
    assert code == 2
    assert "vault.json" in line
    assert folder_digest(info.directory) == before


def test_restore_refuses_a_fifo_vault_json_without_hanging(profile):
    _data_dir, info, backup = profile
    _fifo(info.vault_path)
    outcome = _finishes(lambda: restore_backup(info, backup, PASSPHRASE), info.vault_path)
    error = outcome.get("error")
    assert isinstance(error, ReflectError), outcome
    assert "vault.json" in str(error) and "regular file" in str(error)
    assert not list(info.directory.glob("backups/pre-restore-*"))


def _old_backup(data_dir, info):
    """A backup from before a passphrase change: restoring it needs its .key.json sidecar."""
    service = ProfileService(AppPaths(data_dir), fast_kdf=True)
    session = service.unlock(service.get(info.profile_id), PASSPHRASE)
    try:
        service.change_passphrase(session, NEW_PASSPHRASE, NEW_PASSPHRASE)
    finally:
        session.close()


@pytest.mark.parametrize("spoil", [_huge, _nested, _fifo], ids=["huge", "nested", "fifo"])
def test_restore_refuses_a_hostile_key_sidecar(profile, spoil):
    data_dir, info, backup = profile
    _old_backup(data_dir, info)
    sidecar = backup.with_name(backup.name + ".key.json")
    spoil(sidecar)
    before = folder_digest(info.directory)
    outcome = _finishes(lambda: restore_backup(info, backup, PASSPHRASE), sidecar)
    error = outcome.get("error")
    assert isinstance(error, ReflectError), outcome
    assert ".key.json" in str(error), str(error)
    assert folder_digest(info.directory) == before


def test_a_fifo_pending_vault_does_not_hang_unlock(profile):
    data_dir, info, _backup = profile
    os.mkfifo(info.directory / "vault.json.pending")
    service = ProfileService(AppPaths(data_dir), fast_kdf=True)
    outcome = _finishes(
        lambda: service.unlock(service.get(info.profile_id), PASSPHRASE).close(),
        info.directory / "vault.json.pending",
    )
    assert "error" not in outcome, outcome


def test_a_fifo_sidecar_does_not_hang_a_passphrase_change(profile):
    data_dir, info, _backup = profile
    backups = info.directory / "backups"
    backups.mkdir(exist_ok=True)
    os.mkfifo(backups / "manual-20260101T000000.reflect-backup.key.json")
    service = ProfileService(AppPaths(data_dir), fast_kdf=True)
    session = service.unlock(service.get(info.profile_id), PASSPHRASE)
    try:
        service.create_recovery_key(session)
        outcome = _finishes(
            lambda: service.change_passphrase(session, NEW_PASSPHRASE, NEW_PASSPHRASE),
            backups / "manual-20260101T000000.reflect-backup.key.json",
        )
    finally:
        session.close()
    assert "error" not in outcome, outcome


def test_a_fifo_throttle_file_does_not_hang_unlock(profile):
    data_dir, info, _backup = profile
    from reflect.storage.throttle import THROTTLE_FILE

    os.mkfifo(info.directory / THROTTLE_FILE)
    service = ProfileService(AppPaths(data_dir), fast_kdf=True)
    outcome = _finishes(
        lambda: service.unlock(service.get(info.profile_id), PASSPHRASE).close(),
        info.directory / THROTTLE_FILE,
    )
    assert "error" not in outcome, outcome


def test_a_key_sidecar_linking_nowhere_is_named_not_a_traceback(profile):
    data_dir, info, backup = profile
    _old_backup(data_dir, info)
    sidecar = backup.with_name(backup.name + ".key.json")
    sidecar.unlink()
    sidecar.symlink_to(sidecar.with_name("gone.json"))
    with pytest.raises(ReflectError, match=r"Cannot read saved\.reflect-backup\.key\.json"):
        restore_backup(info, backup, PASSPHRASE)


def test_a_profile_whose_vault_json_is_a_fifo_stays_listed(profile):
    """Its database is still there: it is listed by its folder name and reported as damaged
    when opened, never silently dropped from the list."""
    data_dir, info, _backup = profile
    _fifo(info.vault_path)
    service = ProfileService(AppPaths(data_dir), fast_kdf=True)
    listed = _finishes(service.list_profiles, info.vault_path)
    assert [p.profile_id for p in listed.get("value", [])] == [info.profile_id], listed


def test_opening_a_profile_whose_vault_json_is_a_fifo_says_so(profile):
    data_dir, info, _backup = profile
    _fifo(info.vault_path)
    service = ProfileService(AppPaths(data_dir), fast_kdf=True)
    listed = service.list_profiles()
    outcome = _finishes(lambda: service.unlock(listed[0], PASSPHRASE), info.vault_path)
    error = outcome.get("error")
    assert isinstance(error, ReflectError), outcome
    assert "vault.json" in str(error)
