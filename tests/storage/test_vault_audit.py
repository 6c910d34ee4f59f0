"""Adversarial checks of the vault: an attacker with the disk, an unlucky user."""

from __future__ import annotations

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
