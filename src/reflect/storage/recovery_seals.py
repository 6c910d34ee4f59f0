"""Replacing or removing the printed recovery key so that a crash never strands the person.

A new recovery key is written to vault.json before the app can show it. Were the old seal
dropped at once, a crash in between would leave a profile whose only recovery key is one
nobody ever saw, while the person still holds the old one, now useless. So the old seal is
kept beside the new one (``recovery_replaced``) until the backups' sidecars are resealed;
only then is it dropped and the new key returned. Interrupted, both keys open the profile,
and whichever one is used next becomes the only one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reflect.paths import write_private_file
from reflect.storage.backup import reseal_recovery_in_sidecars
from reflect.storage.errors import WrongPassphrase
from reflect.storage.kdf import KdfParams
from reflect.storage.keywrap import new_recovery_code
from reflect.storage.seals import _open_seal, _seal
from reflect.storage.vault_shape import (  # noqa: F401 - used from here
    REPLACED_RECOVERY,
    check_recovery_seals,
)

# In vault.json while a new recovery key is being written: the seal it replaces.


def _write(path: Path, vault: dict[str, Any]) -> None:
    write_private_file(path, json.dumps(vault, indent=2).encode("utf-8"))


def recovery_seals(vault: dict[str, Any]) -> list[dict[str, Any]]:
    """The seals a recovery key may open: the current one, and the one it replaces while a
    replacement was interrupted."""
    return [vault[n] for n in ("recovery", REPLACED_RECOVERY) if vault.get(n)]


def open_recovery(code: str, vault: dict[str, Any]) -> bytearray:
    """The data key sealed under ``code``; afterwards the seal it opened is the only one
    in ``vault`` (the caller writes it): the key the person used is the key they hold."""
    for sealed in recovery_seals(vault):
        try:
            key = _open_seal(code, sealed)
        except WrongPassphrase:
            continue
        vault["recovery"] = sealed
        vault.pop(REPLACED_RECOVERY, None)
        return key
    raise WrongPassphrase()


def replace_recovery(
    vault_path: Path, vault: dict[str, Any], data_key: bytearray, backups: Path
) -> str:
    """Seal ``data_key`` under a new recovery code (the old one stops working) and return it."""
    old = vault.get("recovery")
    code = new_recovery_code()
    vault["recovery"] = _seal(code, KdfParams.floor(), data_key)
    if old:
        _write(vault_path, {**vault, REPLACED_RECOVERY: vault.get(REPLACED_RECOVERY) or old})
        reseal_recovery_in_sidecars(backups, old, vault["recovery"])
    replaced = vault.pop(REPLACED_RECOVERY, None)
    if replaced:  # left by an earlier interrupted replacement: it stops working too
        reseal_recovery_in_sidecars(backups, replaced, vault["recovery"])
    _write(vault_path, vault)
    return code


def remove_recovery(vault_path: Path, vault: dict[str, Any], backups: Path) -> None:
    """No recovery key any more: vault.json first, then every backup's sidecar."""
    old = recovery_seals(vault)
    vault["recovery"] = None
    vault.pop(REPLACED_RECOVERY, None)
    _write(vault_path, vault)
    for sealed in old:
        reseal_recovery_in_sidecars(backups, sealed, None)


@dataclass(frozen=True)
class RecoveryRotation:
    """What a passphrase change does to the recovery key (see ``rotate_recovery``)."""

    code: str | None  # the new recovery key to show, when the profile had one
    retired: list[dict[str, Any]]  # seals that must stop opening anything
    for_backups: dict[str, Any] | None  # the new code sealing the old data key

    def reseal_backups(self, backups: Path) -> None:
        for sealed in self.retired:
            reseal_recovery_in_sidecars(backups, sealed, self.for_backups)


def rotate_recovery(
    vault: dict[str, Any], old_key: bytearray, new_key: bytearray
) -> RecoveryRotation:
    """A passphrase change retires the recovery key: a new code seals the new data key in
    ``vault`` and, for the backups (which keep the old data key), the old one."""
    retired = recovery_seals(vault)
    vault.pop(REPLACED_RECOVERY, None)
    if not retired:
        return RecoveryRotation(None, [], None)
    code = new_recovery_code()
    vault["recovery"] = _seal(code, KdfParams.floor(), new_key)
    return RecoveryRotation(code, retired, _seal(code, KdfParams.floor(), old_key))
