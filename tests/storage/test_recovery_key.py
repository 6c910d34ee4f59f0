from __future__ import annotations

import json

import pytest

from reflect.domain.errors import VaultError, WrongPassphrase
from reflect.storage.keywrap import new_recovery_code, normalise_recovery_code
from tests.conftest import PASSPHRASE
from tests.storage.interrupted_rekey import change_passphrase_crashing_at_the_vault


def test_recovery_key_opens_profile_and_sets_new_passphrase(profile_service, profile):
    session = profile_service.unlock(profile, PASSPHRASE)
    session.settings.set("kept", "yes")
    code = profile_service.create_recovery_key(session)
    session.close()
    assert profile_service.has_recovery_key(profile)
    assert code not in profile.vault_path.read_text()

    restored = profile_service.unlock_with_recovery_key(
        profile, code.lower().replace("-", " "), "my new passphrase", "my new passphrase"
    )
    assert restored.settings.get("kept") == "yes"
    restored.close()
    with pytest.raises(WrongPassphrase):
        profile_service.unlock(profile, PASSPHRASE)
    profile_service.unlock(profile, "my new passphrase").close()


def test_wrong_recovery_key_is_refused(profile_service, profile):
    session = profile_service.unlock(profile, PASSPHRASE)
    profile_service.create_recovery_key(session)
    session.close()
    with pytest.raises(WrongPassphrase):
        profile_service.unlock_with_recovery_key(
            profile, new_recovery_code(), "another passphrase", "another passphrase"
        )
    profile_service.unlock(profile, PASSPHRASE).close()


def test_no_recovery_key_means_no_recovery(profile_service, profile):
    assert not profile_service.has_recovery_key(profile)
    with pytest.raises(VaultError):
        profile_service.unlock_with_recovery_key(
            profile, new_recovery_code(), "another passphrase", "another passphrase"
        )


def test_changing_passphrase_replaces_recovery_key(profile_service, profile):
    session = profile_service.unlock(profile, PASSPHRASE)
    old_code = profile_service.create_recovery_key(session)
    new_code = profile_service.change_passphrase(session, "second passphrase", "second passphrase")
    session.close()
    assert new_code and new_code != old_code
    with pytest.raises(WrongPassphrase):
        profile_service.unlock_with_recovery_key(
            profile, old_code, "third passphrase", "third passphrase"
        )
    profile_service.unlock_with_recovery_key(
        profile, new_code, "third passphrase", "third passphrase"
    ).close()


def test_recovery_code_normalisation():
    code = new_recovery_code()
    assert normalise_recovery_code(code.lower()) == code
    assert normalise_recovery_code(" ".join(code.split("-"))) == code
    with pytest.raises(VaultError):
        normalise_recovery_code("too-short")


def test_interrupted_passphrase_change_is_completed(profile_service, profile, monkeypatch):
    """Simulate a crash after PRAGMA rekey but before vault.json was replaced."""

    session = profile_service.unlock(profile, PASSPHRASE)
    session.settings.set("kept", 1)
    change_passphrase_crashing_at_the_vault(profile_service, session, monkeypatch)
    session.close()
    assert (profile.directory / "vault.json.pending").exists()
    # The old passphrase's key no longer opens the re-keyed database...
    with pytest.raises(WrongPassphrase):
        profile_service.unlock(profile, PASSPHRASE)
    # ...the new one does, and finishes the change.
    again = profile_service.unlock(profile, "changed passphrase")
    assert again.settings.get("kept") == 1
    again.close()
    assert not (profile.directory / "vault.json.pending").exists()
    assert json.loads(profile.vault_path.read_text())["format"] == 1
