"""Killed while a backup is restored: the profile holds its data as before or the backup's,
opens with the passphrase that goes with it, and the data replaced is never lost."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reflect.paths import ensure_private_dir
from reflect.services.backups import restore_backup
from reflect.storage.backup import backup_to
from reflect.storage.restore_swap import ready_path
from tests.crash.killswitch import Outcome, kill_at_every_step
from tests.crash.profile_state import (
    PASSPHRASE,
    healthy_state,
    leftovers,
    recovery_opens,
    rows_of,
    service,
)
from tests.crash.starting_state import Prepared
from tests.faults.storage_helpers import add_rows

CHANGED = "the passphrase after the change"


def _keep_wal_of_an_open_profile(profile_dir: Path, writes) -> None:  # type: ignore[no-untyped-def]
    """Leave the profile as a crashed app leaves it: its latest commits only in the WAL."""
    side = profile_dir.parent / "side"
    side.mkdir()
    writes()  # runs with the session still open; the WAL holds its commits
    for name in ("reflect.db", "reflect.db-wal", "reflect.db-shm"):
        shutil.copy2(profile_dir / name, side / name)


def _prepare(tmp_path: Path) -> tuple[Prepared, dict, dict]:
    """Backup ``old`` made under PASSPHRASE, then a change to CHANGED, backup ``current``,
    more entries, and a profile left with entries in its WAL. Returns the rows of each."""
    template = tmp_path / "template"
    writer = service(template)
    writer.paths.ensure()
    info = writer.create(PASSPHRASE, "Crash")
    backups = ensure_private_dir(info.directory / "backups")
    session = writer.unlock(info, PASSPHRASE)
    writer.create_recovery_key(session)
    add_rows(session.db, 10, 3)
    backup_to(
        session.db,
        backups / "manual-20260101T000000.reflect-backup",
        session.key,
        vault_path=info.vault_path,
    )
    old_rows = rows_of(session.db)
    recovery = writer.change_passphrase(session, CHANGED, CHANGED)
    add_rows(session.db, 4, 1, start=50)
    backup_to(
        session.db,
        backups / "manual-20260102T000000.reflect-backup",
        session.key,
        vault_path=info.vault_path,
    )
    current_rows = rows_of(session.db)
    side = info.directory.parent / "side"
    _keep_wal_of_an_open_profile(info.directory, lambda: add_rows(session.db, 3, 1, start=80))
    before = rows_of(session.db)
    session.close()
    for name in ("reflect.db", "reflect.db-wal", "reflect.db-shm"):
        shutil.copy2(side / name, info.directory / name)
    shutil.rmtree(side)
    assert (info.directory / "reflect.db-wal").stat().st_size > 0
    prepared = Prepared(template, tmp_path / "work", info.profile_id, before, recovery)
    prepared.reset()
    return prepared, old_rows, current_rows


@pytest.mark.parametrize("which", ["current", "old"])
def test_restore_killed_at_every_step(tmp_path, which):
    prepared, old_rows, current_rows = _prepare(tmp_path)
    name = "manual-20260101T000000" if which == "old" else "manual-20260102T000000"
    passphrase = PASSPHRASE if which == "old" else CHANGED
    restored_rows = old_rows if which == "old" else current_rows

    def restore() -> None:
        writer = service(prepared.work)
        backup = prepared.profile_dir / "backups" / f"{name}.reflect-backup"
        restore_backup(writer.get(prepared.profile_id), backup, passphrase)

    def check(outcome: Outcome) -> None:
        if ready_path(prepared.profile_dir).exists():  # decided: a reader finishes it
            reader = service(prepared.work, writer=False)
            session = reader.unlock(reader.get(prepared.profile_id), passphrase)
            try:
                assert rows_of(session.db) == restored_rows and not session.restore_waiting
            finally:
                session.close()
        state = healthy_state(prepared.work, prepared.profile_id, [PASSPHRASE, CHANGED])
        assert not leftovers(prepared.profile_dir)
        for kept in (prepared.profile_dir / "backups").glob("pre-restore-*-files"):
            # a safety copy of the raw files is whole, never the first of them alone
            assert sorted(p.name for p in kept.iterdir()) == [
                "reflect.db",
                "reflect.db-shm",
                "reflect.db-wal",
                "vault.json",
            ]
        if state.rows == prepared.before:
            assert state.passphrase == CHANGED  # nothing changed
            assert outcome.killed
        else:
            assert state.rows == restored_rows, "neither the data before nor the backup's"
            # the data it replaced is kept in a safety copy
            kept = list((prepared.profile_dir / "backups").glob("pre-restore-*"))
            assert kept
        # the recovery key the person holds (shown at the passphrase change) opens it
        assert recovery_opens(prepared.work, prepared.profile_id, prepared.recovery)

    kill_at_every_step(prepared.reset, restore, check)
