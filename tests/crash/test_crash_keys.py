"""Killed while the keys change: the profile opens with the old or the new passphrase, every
reflection is there, and a recovery key works whenever the person may hold it."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

from reflect.storage.recovery_seals import REPLACED_RECOVERY
from tests.crash.killswitch import Outcome, kill_at_every_step
from tests.crash.profile_state import (
    PASSPHRASE,
    healthy_state,
    leftovers,
    recovery_opens,
    service,
)
from tests.crash.starting_state import prepare_profile

CHANGED = "the passphrase after the change"


def _shown(where: Path) -> str | None:
    """The recovery key the operation returned (what the app would show), if it returned."""
    return where.read_text() if where.exists() else None


def _took(outcome: Outcome, step: str) -> bool:
    """Whether the killed operation had already taken ``step`` (the last step is the one it
    was killed before, so it never ran)."""
    return any(line.endswith(step) for line in outcome.steps[:-1])


def test_passphrase_change_killed_at_every_step(tmp_path):
    prepared = prepare_profile(tmp_path, recovery=True, backups=2)
    shown_file = tmp_path / "shown-recovery"

    def reset() -> None:
        prepared.reset()
        shown_file.unlink(missing_ok=True)

    def change() -> None:
        writer = service(prepared.work)
        session = writer.unlock(writer.get(prepared.profile_id), PASSPHRASE)
        code = writer.change_passphrase(session, CHANGED, CHANGED)
        shown_file.write_text(code or "")
        session.close()

    def check(outcome: Outcome) -> None:
        state = healthy_state(prepared.work, prepared.profile_id, [PASSPHRASE, CHANGED])
        assert state.rows == prepared.before
        assert not leftovers(prepared.profile_dir)
        shown = _shown(shown_file)
        if state.passphrase == PASSPHRASE:
            # not changed: the recovery key the person printed still works
            assert state.has_recovery
            assert recovery_opens(prepared.work, prepared.profile_id, prepared.recovery)
        elif shown:
            assert state.has_recovery
            assert not recovery_opens(prepared.work, prepared.profile_id, prepared.recovery)
            assert recovery_opens(prepared.work, prepared.profile_id, shown)
        elif _took(outcome, "os.unlink(vault.json.pending)"):
            # done but for returning the key: a crash now is a crash just after it returned
            assert not recovery_opens(prepared.work, prepared.profile_id, prepared.recovery)
        else:
            # changed, but the new recovery key was never shown: nobody holds one, so the
            # profile must not claim to have one (and the old one no longer opens it)
            assert not state.has_recovery, "the profile claims a recovery key nobody saw"
            assert not recovery_opens(prepared.work, prepared.profile_id, prepared.recovery)

    kill_at_every_step(reset, change, check)


def test_new_recovery_key_killed_at_every_step(tmp_path):
    prepared = prepare_profile(tmp_path, recovery=True, backups=2)
    shown_file = tmp_path / "shown-recovery"

    def reset() -> None:
        prepared.reset()
        shown_file.unlink(missing_ok=True)

    def replace_recovery() -> None:
        writer = service(prepared.work)
        session = writer.unlock(writer.get(prepared.profile_id), PASSPHRASE)
        shown_file.write_text(writer.create_recovery_key(session))
        session.close()

    def vault(where: Path) -> dict:
        return json.loads((where / "profiles" / prepared.profile_id / "vault.json").read_text())

    def check(outcome: Outcome) -> None:
        complete = vault(prepared.work)["recovery"] != vault(prepared.template)["recovery"]
        complete = complete and REPLACED_RECOVERY not in vault(prepared.work)
        state = healthy_state(prepared.work, prepared.profile_id, [PASSPHRASE])
        assert state.rows == prepared.before and state.has_recovery
        shown = _shown(shown_file)
        if shown:
            assert recovery_opens(prepared.work, prepared.profile_id, shown)
        elif not complete:
            # Until the new key is complete, the one the person holds must keep working.
            assert recovery_opens(prepared.work, prepared.profile_id, prepared.recovery)
        else:  # complete but for returning the key: as if killed just after it returned
            assert not recovery_opens(prepared.work, prepared.profile_id, prepared.recovery)

    kill_at_every_step(reset, replace_recovery, check)


def test_removing_the_recovery_key_killed_at_every_step(tmp_path):
    prepared = prepare_profile(tmp_path, recovery=True, backups=2)

    def remove() -> None:
        writer = service(prepared.work)
        writer.remove_recovery_key(writer.get(prepared.profile_id))

    def check(outcome: Outcome) -> None:
        state = healthy_state(prepared.work, prepared.profile_id, [PASSPHRASE])
        assert state.rows == prepared.before
        opens = recovery_opens(prepared.work, prepared.profile_id, prepared.recovery)
        assert opens == state.has_recovery  # never "has one" that does not open it
        if not outcome.killed:
            assert not state.has_recovery

    kill_at_every_step(prepared.reset, remove, check)


def test_forgotten_passphrase_reset_with_the_recovery_key_killed_at_every_step(tmp_path):
    prepared = prepare_profile(tmp_path, recovery=True, backups=1)

    def reset_with_recovery() -> None:
        writer = service(prepared.work)
        info = writer.get(prepared.profile_id)
        writer.unlock_with_recovery_key(info, prepared.recovery, CHANGED, CHANGED).close()

    def check(outcome: Outcome) -> None:
        state = healthy_state(prepared.work, prepared.profile_id, [PASSPHRASE, CHANGED])
        assert state.rows == prepared.before and state.has_recovery
        assert state.passphrase == (CHANGED if not outcome.killed else state.passphrase)
        assert recovery_opens(prepared.work, prepared.profile_id, prepared.recovery)

    kill_at_every_step(prepared.reset, reset_with_recovery, check)


def test_finishing_an_interrupted_change_killed_at_every_step(tmp_path, monkeypatch):
    """The unlock that finishes a passphrase change a crash interrupted (database re-keyed,
    vault.json not yet written) is itself killed at every step."""
    import reflect.storage.vault as vault

    prepared = prepare_profile(tmp_path, recovery=True, backups=2)
    writer = service(prepared.template)
    session = writer.unlock(writer.get(prepared.profile_id), PASSPHRASE)
    real_write = vault.write_private_json

    def crash_after_rekey(path, data):  # type: ignore[no-untyped-def]
        if path.name == "vault.json":
            raise KeyboardInterrupt  # the process dies here
        real_write(path, data)

    monkeypatch.setattr(vault, "write_private_json", crash_after_rekey)
    with contextlib.suppress(KeyboardInterrupt):
        writer.change_passphrase(session, CHANGED, CHANGED)
    monkeypatch.undo()
    session.close()
    assert (prepared.template / "profiles" / prepared.profile_id / "vault.json.pending").exists()

    def finish() -> None:
        writer = service(prepared.work)
        writer.unlock(writer.get(prepared.profile_id), CHANGED).close()

    def check(outcome: Outcome) -> None:
        state = healthy_state(prepared.work, prepared.profile_id, [PASSPHRASE, CHANGED])
        assert state.passphrase == CHANGED and state.rows == prepared.before
        assert not state.has_recovery  # the new key was never shown; the old one is void
        assert not recovery_opens(prepared.work, prepared.profile_id, prepared.recovery)
        assert not (prepared.profile_dir / "vault.json.pending").exists()
        for sidecar in (prepared.profile_dir / "backups").glob("*.key.json"):
            assert json.loads(sidecar.read_text())["recovery"] is None  # opens no backup

    prepared.reset()
    kill_at_every_step(prepared.reset, finish, check)
