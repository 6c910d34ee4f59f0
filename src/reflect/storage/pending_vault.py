"""Completing a passphrase change that a crash interrupted (``vault.json.pending``)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from reflect.domain.vault_file import PENDING_VAULT_FILE
from reflect.paths import write_private_file
from reflect.storage.backup import ANY_RECOVERY, reseal_recovery_in_sidecars
from reflect.storage.vault_shape import UNSEEN_RECOVERY

# Set in a pending vault whose new recovery key is shown only once the change returns.


def pending_path(profile_dir: Path) -> Path:
    """Where a change of keys writes the next vault before the database takes those keys."""
    return profile_dir / PENDING_VAULT_FILE


def promote_pending(pending: Path, data: dict[str, Any], vault_path: Path) -> None:
    """Make a pending vault the vault. After an interrupted passphrase change its recovery
    key was never shown and the old one no longer opens the database: nobody holds either,
    so the profile says it has none (and backups stop opening with the old one)."""
    if not data.pop(UNSEEN_RECOVERY, False):
        os.replace(pending, vault_path)
        return
    data["recovery"] = None
    write_private_file(vault_path, json.dumps(data, indent=2).encode("utf-8"))
    # Every recovery seal beside a backup is under the old code or the unseen one (the
    # interrupted change may have written vault.json and some sidecars already): none may
    # open anything now. The pending file goes last, so a crash in here is finished next time.
    reseal_recovery_in_sidecars(vault_path.parent / "backups", ANY_RECOVERY, None)
    pending.unlink(missing_ok=True)
