"""Adversarial checks of the vault: an attacker with the disk, an unlucky user."""

from __future__ import annotations

import json
import os
import shutil

import pytest

from reflect.domain.errors import TooManyAttempts, WrongPassphrase
from reflect.storage.throttle import FREE_ATTEMPTS
from tests.conftest import PASSPHRASE


def test_pending_vault_does_not_bypass_the_throttle(profile_service, profile):
    """A copied vault.json.pending must not give one free, unthrottled guess per try."""
    shutil.copy(profile.vault_path, profile.directory / "vault.json.pending")
    for _ in range(FREE_ATTEMPTS):
        with pytest.raises((WrongPassphrase, TooManyAttempts)):
            profile_service.unlock(profile, "not the passphrase")
    # While the wait runs even the right passphrase is refused, pending file or not.
    with pytest.raises(TooManyAttempts):
        profile_service.unlock(profile, PASSPHRASE)


def test_a_reader_never_removes_a_pending_vault_mid_change(paths, profile_service, profile):
    """A passphrase change in the app writes vault.json.pending, then rekeys. A reading
    command (no writer lock) unlocking with the new passphrase inside that window must not
    delete the pending vault: the rekey would then finish with no vault that opens it."""
    from reflect.services.profiles import ProfileService
    from reflect.storage.kdf import KdfParams
    from reflect.storage.keywrap import new_data_key
    from reflect.storage.vault import _seal, write_private_json

    writer = ProfileService(paths, fast_kdf=True, writer=True)  # like the app
    old_session = writer.unlock(profile, PASSPHRASE)
    pending = profile.directory / "vault.json.pending"
    vault = json.loads(profile.vault_path.read_text(encoding="utf-8"))
    new_key = new_data_key()
    vault["passphrase"] = _seal("a new passphrase", KdfParams.floor(), new_key)
    write_private_json(pending, vault)

    reader = ProfileService(paths, fast_kdf=True, writer=False)
    with pytest.raises(WrongPassphrase):
        reader.unlock(profile, "a new passphrase")
    assert pending.exists()

    # The writer's rekey and rename complete: the new passphrase opens the profile.
    old_session.db.conn.execute(f"PRAGMA rekey = \"x'{bytes(new_key).hex()}'\"")
    os.replace(pending, profile.vault_path)
    old_session.close()
    profile_service.unlock(profile, "a new passphrase").close()
