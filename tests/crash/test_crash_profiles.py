"""Killed while a profile is created, deleted or replaced by a new demo: never a profile
that looks healthy but is half there, and never a change to another profile."""

from __future__ import annotations

from tests.crash.conftest import prepare_profile
from tests.crash.killswitch import Outcome, kill_at_every_step
from tests.crash.profile_state import PASSPHRASE, healthy_state, rows_of, service
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
