"""A passphrase change that stops where a crash would: after the database is re-keyed and
``vault.json.pending`` written, before vault.json itself is replaced."""

from __future__ import annotations

import pytest

import reflect.storage.vault as vault

NEW_PASSPHRASE = "changed passphrase"


def change_passphrase_crashing_at_the_vault(profile_service, session, monkeypatch) -> None:
    real_write = vault.write_private_json

    def crash_on_final_write(path, data):
        # after the rekey, vault.json is written while the pending vault still exists
        if path.name == "vault.json":
            raise OSError("simulated crash")
        real_write(path, data)

    monkeypatch.setattr(vault, "write_private_json", crash_on_final_write)
    with pytest.raises(OSError):
        profile_service.change_passphrase(session, NEW_PASSPHRASE, NEW_PASSPHRASE)
    monkeypatch.setattr(vault, "write_private_json", real_write)
