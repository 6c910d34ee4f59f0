"""Killed while the daily backup is written and old ones are pruned: the profile is whole,
every file that looks like a backup is one, and the next unlock finishes the day's work."""

from __future__ import annotations

import shutil
from datetime import date

from reflect.domain.backup_rotation import daily_name, weekly_name
from reflect.services.backups import list_backups, run_automatic_backup
from reflect.storage.backup import sidecar_path, verify_database
from tests.crash.killswitch import Outcome, kill_at_every_step
from tests.crash.profile_state import PASSPHRASE, healthy_state, leftovers, service
from tests.crash.starting_state import prepare_profile

TODAY = date(2026, 3, 20)


def _older_rotation(prepared) -> None:  # type: ignore[no-untyped-def]
    """Seven daily and four weekly backups from before: today's run prunes two of them."""
    backups = prepared.template / "profiles" / prepared.profile_id / "backups"
    model = backups / "manual-20260101T000000.reflect-backup"
    names = [daily_name(date(2026, 3, day)).filename for day in range(12, 19)]
    names += [weekly_name(date(2026, 2, day)).filename for day in (2, 9, 16, 23)]
    for name in names:
        shutil.copy2(model, backups / name)
        shutil.copy2(sidecar_path(model), sidecar_path(backups / name))


def test_daily_backup_and_pruning_killed_at_every_step(tmp_path):
    prepared = prepare_profile(tmp_path, backups=1)
    _older_rotation(prepared)
    prepared.reset()

    def daily() -> None:
        writer = service(prepared.work)
        session = writer.unlock(writer.get(prepared.profile_id), PASSPHRASE)
        run_automatic_backup(session, today=TODAY)
        session.close()

    def check(outcome: Outcome) -> None:
        state = healthy_state(prepared.work, prepared.profile_id, [PASSPHRASE])
        assert state.rows == prepared.before
        assert not leftovers(prepared.profile_dir)  # the unlock removed the working copies
        writer = service(prepared.work)
        session = writer.unlock(writer.get(prepared.profile_id), PASSPHRASE)
        try:
            folder = session.profile.directory / "backups"
            model = prepared.template / "profiles" / prepared.profile_id / "backups"
            for backup in list_backups(session.profile):  # each new one is a real backup
                if not (model / backup.path.name).exists():
                    verify_database(backup.path, session.key)
            run_automatic_backup(session, today=TODAY)  # the next unlock
            for name in (daily_name(TODAY), weekly_name(TODAY)):
                assert (folder / name.filename).exists(), f"{name.filename} never written"
                verify_database(folder / name.filename, session.key)
            names = [b.path.name for b in list_backups(session.profile)]
            assert sum(n.startswith("daily-") for n in names) == 7
            assert sum(n.startswith("weekly-") for n in names) == 4
            # no key file outlives its backup (one pruned, or one that never took its name)
            sidecars = {p.name.removesuffix(".key.json") for p in folder.glob("*.key.json")}
            assert sidecars == {p.name for p in folder.glob("*.reflect-backup")}
        finally:
            session.close()

    kill_at_every_step(prepared.reset, daily, check)
