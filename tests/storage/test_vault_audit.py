"""Adversarial checks of the vault: an attacker with the disk, an unlucky user."""

from __future__ import annotations

import json
import os
import shutil

import pytest

from reflect.domain.errors import TooManyAttempts, WrongPassphrase
from reflect.storage.throttle import FREE_ATTEMPTS
from tests.conftest import PASSPHRASE
from tests.storage.interrupted_rekey import change_passphrase_crashing_at_the_vault


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


def test_a_passphrase_pasted_with_its_line_break_opens_when_typed(profile_service):
    """The passphrase field keeps a pasted line break, but Enter cannot type one: a profile
    created by pasting "...\\n" twice must open with the passphrase typed by hand."""
    info = profile_service.create("pasted from my notes\n", "Pasted")
    profile_service.unlock(info, "pasted from my notes").close()
    profile_service.unlock(info, "pasted from my notes\r\n").close()


def test_an_old_profile_sealed_with_a_line_break_opens_and_is_sealed_again(profile_service):
    from reflect.storage.kdf import KdfParams, derive_key
    from reflect.storage.keywrap import wrap

    info = profile_service.create("pasted from my notes", "Old")
    session = profile_service.unlock(info, "pasted from my notes")
    key = bytearray(session.key)
    session.close()
    vault = json.loads(info.vault_path.read_text())
    params = KdfParams.floor()  # what this Reflect wrote for a pasted passphrase
    vault["passphrase"] = {
        "kdf": params.to_dict(),
        "wrapped_key": wrap(key, derive_key("pasted from my notes\n", params)),
    }
    info.vault_path.write_text(json.dumps(vault))
    profile_service.unlock(info, "pasted from my notes\n").close()  # pasted again: opens
    profile_service.unlock(info, "pasted from my notes").close()  # and now typed too


def test_a_line_break_does_not_count_towards_the_minimum_length(profile_service):
    from reflect.domain.errors import VaultError

    with pytest.raises(VaultError):
        profile_service.create("1234567\n", "Short")


def test_an_interrupted_change_drops_the_recovery_key_nobody_saw(
    profile_service, profile, monkeypatch
):
    """A crash after the rekey: the replacement recovery key was never shown, and the old
    one no longer opens the database. The profile must not claim a recovery key that nobody
    holds (Forgot passphrase? would ask for it, and Settings would not offer a new one)."""
    session = profile_service.unlock(profile, PASSPHRASE)
    profile_service.create_recovery_key(session)
    change_passphrase_crashing_at_the_vault(profile_service, session, monkeypatch)
    session.close()
    profile_service.unlock(profile, "changed passphrase").close()
    assert not (profile.directory / "vault.json.pending").exists()
    assert not profile_service.has_recovery_key(profile)
    assert "recovery_unseen" not in profile.vault_path.read_text(encoding="utf-8")


def test_a_completed_change_keeps_its_recovery_key(profile_service, profile):
    session = profile_service.unlock(profile, PASSPHRASE)
    profile_service.create_recovery_key(session)
    code = profile_service.change_passphrase(session, "changed passphrase", "changed passphrase")
    session.close()
    assert code and profile_service.has_recovery_key(profile)
    assert "recovery_unseen" not in profile.vault_path.read_text(encoding="utf-8")
    profile_service.unlock_with_recovery_key(
        profile, code, "third passphrase", "third passphrase"
    ).close()


def test_a_reader_does_not_rewrite_vault_json(paths, profile_service):
    """Sealing an old raw-form passphrase again rewrites vault.json from what was read
    before: without the writer lock that could overwrite a passphrase change made meanwhile
    (the database re-keyed, vault.json back to the old key). Readers leave it to a writer."""
    from reflect.services.profiles import ProfileService
    from reflect.storage.file_lock import profile_lock
    from reflect.storage.kdf import KdfParams, derive_key
    from reflect.storage.keywrap import wrap

    info = profile_service.create("pasted from my notes", "Old")
    session = profile_service.unlock(info, "pasted from my notes")
    key = bytearray(session.key)
    session.close()
    vault = json.loads(info.vault_path.read_text())
    params = KdfParams.floor()
    vault["passphrase"] = {
        "kdf": params.to_dict(),
        "wrapped_key": wrap(key, derive_key("pasted from my notes\n", params)),
    }
    info.vault_path.write_text(json.dumps(vault))
    before = info.vault_path.read_bytes()
    reader = ProfileService(paths, fast_kdf=True, writer=False)
    with profile_lock(info.directory):  # a writer (the app) has the profile open
        reader.unlock(info, "pasted from my notes\n").close()
    assert info.vault_path.read_bytes() == before
    reader.unlock(info, "pasted from my notes\n").close()  # nobody writing: sealed again
    assert info.vault_path.read_bytes() != before
    reader.unlock(info, "pasted from my notes").close()
