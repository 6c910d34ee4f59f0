"""The starting state of a crash test: a prepared data folder, copied afresh before every kill."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tests.crash.profile_state import PASSPHRASE, copy_tree, rows_of, service
from tests.faults.storage_helpers import add_rows


@dataclass
class Prepared:
    template: Path  # the starting state, never touched by an operation
    work: Path  # the data folder each kill runs in (a fresh copy of ``template``)
    profile_id: str
    before: dict  # rows of WRITTEN tables in the starting state
    recovery: str | None = None

    def reset(self) -> None:
        copy_tree(self.template, self.work)

    @property
    def profile_dir(self) -> Path:
        return self.work / "profiles" / self.profile_id


def prepare_profile(tmp_path: Path, *, recovery: bool = False, backups: int = 0) -> Prepared:
    """A profile with reflections, follow-ups and check-ins, optionally a recovery key and
    manual backups (so the sidecars of backups are part of every key change)."""
    from reflect.paths import ensure_private_dir
    from reflect.storage.backup import backup_to

    template = tmp_path / "template"
    writer = service(template)
    writer.paths.ensure()
    info = writer.create(PASSPHRASE, "Crash")
    session = writer.unlock(info, PASSPHRASE)
    try:
        add_rows(session.db, 20, 6)
        with session.db.atomic():
            session.db["follow_ups"].insert({"reflection_id": 1, "text": "call back"})
        code = writer.create_recovery_key(session) if recovery else None
        folder = ensure_private_dir(info.directory / "backups")
        for n in range(backups):
            target = folder / f"manual-2026010{n + 1}T000000.reflect-backup"
            backup_to(session.db, target, session.key, vault_path=info.vault_path)
        before = rows_of(session.db)
    finally:
        session.close()
    prepared = Prepared(template, tmp_path / "work", info.profile_id, before, code)
    prepared.reset()
    return prepared
