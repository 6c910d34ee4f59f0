"""The old recovery key stops working everywhere in the profile folder, backups included."""

from __future__ import annotations

import json

import pytest

from reflect.domain.errors import WrongPassphrase
from reflect.services.backups import backup_now
from reflect.storage.backup import read_key_sidecar
from reflect.storage.database import open_database
from reflect.storage.vault import open_seal_forms
from tests.conftest import PASSPHRASE


def _opens_with_old_recovery(profile, code):
    """What an attacker holding the old printed key and the disk can do."""
    for sidecar_file in sorted((profile.directory / "backups").glob("*.key.json")):
        sidecar = read_key_sidecar(sidecar_file.with_name(sidecar_file.name[: -len(".key.json")]))
        if not sidecar or not sidecar.get("recovery"):
            continue
        try:
            key, _ = open_seal_forms(code, sidecar["recovery"])
        except WrongPassphrase:
            continue
        try:
            open_database(profile.db_path, key).conn.close()
        except WrongPassphrase:
            continue
        return True
    return False


def test_new_recovery_key_revokes_the_old_one_in_backups_too(profile_service, profile):
    session = profile_service.unlock(profile, PASSPHRASE)
    old_code = profile_service.create_recovery_key(session)
    backup_now(session)
    new_code = profile_service.create_recovery_key(session)
    session.close()
    assert not _opens_with_old_recovery(profile, old_code)
    # The new key still opens the backup that was made before it.
    assert _opens_with_old_recovery(profile, new_code)


def test_removed_recovery_key_does_not_live_on_in_backups(profile_service, profile):
    session = profile_service.unlock(profile, PASSPHRASE)
    old_code = profile_service.create_recovery_key(session)
    backup_now(session)
    profile_service.remove_recovery_key(profile)
    session.close()
    assert not _opens_with_old_recovery(profile, old_code)


def test_changed_passphrase_revokes_the_old_recovery_key_in_backups(profile_service, profile):
    session = profile_service.unlock(profile, PASSPHRASE)
    old_code = profile_service.create_recovery_key(session)
    backup_now(session)
    session.close()
    session = profile_service.unlock(profile, PASSPHRASE)
    new_code = profile_service.change_passphrase(session, "a new passphrase", "a new passphrase")
    session.close()
    backups = profile.directory / "backups"
    for sidecar_file in backups.glob("*.key.json"):
        recovery = json.loads(sidecar_file.read_text())["recovery"]
        if recovery:
            with pytest.raises(WrongPassphrase):
                open_seal_forms(old_code, recovery)
            assert new_code is not None
            open_seal_forms(new_code, recovery)


def test_a_sidecar_that_cannot_be_rewritten_does_not_undo_the_change(
    profile_service, profile, monkeypatch
):
    """The passphrase change is complete once vault.json is replaced: a full disk while the
    backups' key files are updated must not raise and leave the session on the old key."""
    import reflect.storage.backup as backup

    session = profile_service.unlock(profile, PASSPHRASE)
    profile_service.create_recovery_key(session)
    backup_now(session)

    def full_disk(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backup, "write_private_file", full_disk)
    assert profile_service.change_passphrase(session, "a new passphrase", "a new passphrase")
    monkeypatch.undo()
    backup_now(session)  # the session holds the new key
    session.close()
    profile_service.unlock(profile, "a new passphrase").close()
