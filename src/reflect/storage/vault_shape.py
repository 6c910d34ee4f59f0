"""The shape vault.json must have before anything in it is used: the one check of it.

Apart from storage/vault.py (which reads and writes vaults) because `reflect search` checks
a profile's vault before it loads anything heavy (commands/search_quick.py).
"""

from __future__ import annotations

from reflect.storage.errors import VaultError

TYPE_CHECKING = False  # typing is not loaded here; type checkers read the block all the same
if TYPE_CHECKING:
    from typing import Any

VAULT_FORMAT = 1
# A pending vault's mark that its recovery key was not shown yet (storage/pending_vault.py).
UNSEEN_RECOVERY = "recovery_unseen"
# The recovery seal a replacement interrupted half way still opens (storage/recovery_seals.py).
REPLACED_RECOVERY = "recovery_replaced"


def check_seal(sealed: object, where: str = "vault.json") -> dict[str, Any]:
    """``sealed`` if it has the shape a seal must have, else a clear VaultError."""
    if not isinstance(sealed, dict):
        raise VaultError("{source} is damaged: a sealed key is missing.", source=where)
    wrapped = sealed.get("wrapped_key")
    if not isinstance(sealed.get("kdf"), dict) or not isinstance(wrapped, dict):
        raise VaultError("{source} is damaged: 'kdf' or 'wrapped_key' is missing.", source=where)
    if not isinstance(wrapped.get("nonce"), str) or not isinstance(wrapped.get("sealed"), str):
        raise VaultError(
            "{source} is damaged: the wrapped key has no 'nonce' or 'sealed'.", source=where
        )
    return sealed


def check_recovery_seals(vault: dict[str, Any]) -> None:
    for name in ("recovery", REPLACED_RECOVERY):
        if vault.get(name) is not None:
            check_seal(vault[name])


def checked_vault(data: object) -> dict[str, Any]:
    """vault.json's content as read, if its shape is one Reflect writes; else VaultError."""
    if isinstance(data, dict):
        data.pop(UNSEEN_RECOVERY, None)  # only a pending vault's mark (see promote_pending)
    if not isinstance(data, dict) or data.get("format") != VAULT_FORMAT:
        raise VaultError("This profile's vault.json comes from an unknown version of Reflect.")
    if not isinstance(data.get("passphrase"), dict):
        raise VaultError("This profile's vault.json is damaged (no sealed key).")
    check_seal(data["passphrase"])
    check_recovery_seals(data)
    return data
