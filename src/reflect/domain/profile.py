"""What is known about a profile before it is unlocked."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from reflect.domain import safe_json
from reflect.domain.vault_file import (  # noqa: F401 - used from here
    DB_FILE,
    MAX_VAULT_BYTES,
    VAULT_FILE,
    read_vault_json,
)


@dataclass(frozen=True)
class ProfileInfo:
    """What the lock screen may show before unlocking: never anything from inside the db."""

    profile_id: str
    display_name: str
    directory: Path
    created_at: str
    is_demo: bool = False

    @property
    def db_path(self) -> Path:
        return self.directory / DB_FILE

    @property
    def vault_path(self) -> Path:
        return self.directory / VAULT_FILE


def read_profile_info(directory: Path) -> ProfileInfo | None:
    """Read a profile folder's public vault.json; None when it is not a profile.

    vault.json is written last when a profile is created, so a folder that has one is a
    profile even when its database is missing: unlocking then reports it as damaged (and
    points to the backups) instead of the profile silently disappearing from the list.
    """
    vault = directory / VAULT_FILE
    # Anything named vault.json makes a profile: a FIFO or a folder put there is a damaged
    # vault (refused by the reader below), not a reason to drop the profile from the list.
    if not os.path.lexists(vault):
        return None
    try:
        # Limited like every file from outside: one hostile vault.json (nested 100,000 deep,
        # a 5,000-digit name) must not stop the lock screen from listing the other profiles.
        data = read_vault_json(vault)
    except (safe_json.JsonLimitError, OSError):
        data = None
    if not isinstance(data, dict):
        # Still a profile, with a damaged vault: listed by its folder name so that unlocking
        # says what is wrong, rather than the profile silently disappearing.
        data = {}
    return ProfileInfo(
        profile_id=directory.name,
        display_name=str(data.get("display_name") or directory.name),
        directory=directory,
        created_at=str(data.get("created_at", "")),
        is_demo=bool(data.get("is_demo", False)),
    )


def list_profile_infos(profiles_dir: Path) -> list[ProfileInfo]:
    if not profiles_dir.is_dir():
        return []
    # A name starting with a dot is no profile: a deletion in progress (storage/
    # profile_removal.py) hides the folder that way before emptying it.
    children = [c for c in sorted(profiles_dir.iterdir()) if not c.name.startswith(".")]
    found = [read_profile_info(child) for child in children]
    return [info for info in found if info is not None]
