"""Killed while a profile is created, deleted or replaced by a new demo: never a profile
that looks healthy but is half there, and never a change to another profile."""

from __future__ import annotations

import os
import time

from reflect.services.demo import DEMO_PASSPHRASE
from reflect.storage.backup import verify_database
from reflect.storage.profile_folders import STAGING_PREFIX
from tests.crash.killswitch import Outcome, kill_at_every_step
from tests.crash.profile_state import PASSPHRASE, healthy_state, rows_of, run_cli, service
from tests.crash.starting_state import prepare_profile
from tests.faults.storage_helpers import add_rows

OTHER = "other"


def _add_other_profile(prepared) -> dict:
    """A second profile beside the first; returns its rows."""
    writer = service(prepared.template)
    info = writer.create(PASSPHRASE, "Other", profile_id=OTHER)
    session = writer.unlock(info, PASSPHRASE)
    try:
        add_rows(session.db, 5, 2, start=100)
        rows = rows_of(session.db)
    finally:
        session.close()
    return rows


def _listed(prepared) -> set[str]:
    return {info.profile_id for info in service(prepared.work).list_profiles()}


def test_deleting_a_profile_killed_at_every_step(tmp_path):
    prepared = prepare_profile(tmp_path, recovery=True, backups=2)
    other_rows = _add_other_profile(prepared)

    def delete() -> None:
        writer = service(prepared.work)
        writer.delete(writer.get(prepared.profile_id))

    def check(outcome: Outcome) -> None:
        # the other profile is untouched
        assert healthy_state(prepared.work, OTHER, [PASSPHRASE]).rows == other_rows
        if prepared.profile_id in _listed(prepared):
            # still listed: then it is whole (its rows and its backups), never half of it
            state = healthy_state(prepared.work, prepared.profile_id, [PASSPHRASE])
            assert state.rows == prepared.before
            backups = list((prepared.profile_dir / "backups").glob("*.reflect-backup"))
            assert len(backups) == 2
        else:
            assert not prepared.profile_dir.exists()
        # the other profile's unlock (above) tidied what the killed delete left
        assert sorted(p.name for p in (prepared.work / "profiles").iterdir()) == sorted(
            _listed(prepared)
        )

    kill_at_every_step(prepared.reset, delete, check)


def test_creating_a_profile_killed_at_every_step(tmp_path):
    prepared = prepare_profile(tmp_path)

    def create() -> None:
        service(prepared.work).create("the new person's passphrase", "New person")

    def check(outcome: Outcome) -> None:
        assert healthy_state(prepared.work, prepared.profile_id, [PASSPHRASE]).rows == (
            prepared.before
        )
        listed = _listed(prepared)
        if "new-person" in listed:  # listed: then it opens and is healthy
            healthy_state(prepared.work, "new-person", ["the new person's passphrase"])
        else:
            assert not outcome.killed or listed == {prepared.profile_id}
        # nothing half made is left beside the profiles, but a hidden folder (a profile
        # being made now by another process could be one: removed once an hour old)
        names = {p.name for p in (prepared.work / "profiles").iterdir()}
        visible = {n for n in names if not n.startswith(STAGING_PREFIX)}
        assert visible == listed, f"left behind: {visible - listed}"

    kill_at_every_step(prepared.reset, create, check)


MIGRATION = "m006_reflection_lookup_indexes"


def test_first_unlock_after_an_upgrade_killed_at_every_step(tmp_path):
    """An older Reflect's profile (its newest schema step not applied): the first unlock
    writes a pre-migration backup and migrates; killed anywhere, the next one does it."""
    prepared = prepare_profile(tmp_path)
    writer = service(prepared.template)
    session = writer.unlock(writer.get(prepared.profile_id), PASSPHRASE)
    with session.db.atomic():
        session.db.execute("DELETE FROM _sqlite_migrations WHERE name = ?", [MIGRATION])
    session.close()

    def first_unlock() -> None:
        writer = service(prepared.work)
        writer.unlock(writer.get(prepared.profile_id), PASSPHRASE).close()

    def check(outcome: Outcome) -> None:
        backups = prepared.profile_dir / "backups"
        kept = sorted(backups.glob("pre-migration-*.reflect-backup")) if backups.exists() else []
        state = healthy_state(prepared.work, prepared.profile_id, [PASSPHRASE])
        assert state.rows == prepared.before
        # the backup a migration promises is there (and is a real backup) once migrated
        writer = service(prepared.work)
        session = writer.unlock(writer.get(prepared.profile_id), PASSPHRASE)
        try:
            found = sorted(backups.glob("pre-migration-*.reflect-backup"))
            assert found, "migrated without a pre-migration backup"
            for backup in found:
                verify_database(backup, session.key)
        finally:
            session.close()
        assert kept == [] or kept == found[: len(kept)]

    kill_at_every_step(prepared.reset, first_unlock, check)


def test_a_half_made_profile_is_removed_once_an_hour_old(tmp_path):
    prepared = prepare_profile(tmp_path)
    profiles = prepared.work / "profiles"
    stale = profiles / f"{STAGING_PREFIX}new-person-0a1b2c3d"
    fresh = profiles / f"{STAGING_PREFIX}other-person-0a1b2c3e"
    for folder in (stale, fresh):
        folder.mkdir()
        (folder / "reflect.db").write_bytes(b"x" * 4096)
    os.utime(stale, (time.time() - 7200, time.time() - 7200))
    service(prepared.work).unlock(
        service(prepared.work).get(prepared.profile_id), PASSPHRASE
    ).close()
    assert not stale.exists() and fresh.exists()
    assert _listed(prepared) == {prepared.profile_id}


def test_demo_replace_killed_at_sampled_steps(tmp_path):
    """``reflect demo --replace`` deletes the demo and makes a new one (hundreds of
    commits: a sample of them is killed). A person's own profile is never touched, and a
    demo that is listed is a whole one."""
    prepared = prepare_profile(tmp_path)
    argv = ["--data-dir", str(prepared.work), "demo", "--replace", "--json", "--team", "3"]
    code, _out, err = run_cli(
        ["--data-dir", str(prepared.template), *argv[2:4], "--team", "3"], DEMO_PASSPHRASE
    )
    assert code == 0, err
    prepared.reset()
    whole: dict = {}

    def replace_demo() -> None:
        code, _out, err = run_cli(argv, DEMO_PASSPHRASE)
        assert code == 0, err

    def check(outcome: Outcome) -> None:
        assert healthy_state(prepared.work, prepared.profile_id, [PASSPHRASE]).rows == (
            prepared.before
        )
        demos = [p for p in service(prepared.work).list_profiles() if p.is_demo]
        assert len(demos) <= 1
        if demos:
            state = healthy_state(prepared.work, demos[0].profile_id, [DEMO_PASSPHRASE])
            counts = {t: len(rows) for t, rows in state.rows.items()}
            if not outcome.killed:
                whole.update(counts)
            assert counts == whole, "a half-made demo is listed as the demo"
        assert _listed(prepared) <= {prepared.profile_id, "demo"}

    kill_at_every_step(prepared.reset, replace_demo, check, sample=12)
