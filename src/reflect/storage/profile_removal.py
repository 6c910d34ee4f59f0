"""Deleting a profile folder so that a crash never leaves half a profile that looks whole.

``shutil.rmtree`` removes files one by one in no set order: killed midway, a profile could
keep its vault.json and database but lose its backups or its WAL (recent entries), and
still be listed and open as if nothing happened. So the folder is first renamed, in one
step, to a hidden name the profile list never shows; only then is it emptied. A crash
leaves either the whole profile or a hidden folder that the next create, delete or unlock
removes.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path
from typing import Any

from reflect.paths import sync_folder

# Hidden (the listing skips names starting with a dot) and never a profile id (slugs and
# ids are made of letters, digits and dashes).
TRASH_PREFIX = ".deleting-"


def _remove_tree(folder: Path) -> None:
    def gone_already(_function: Any, _path: str, error: Any) -> None:
        # Another process tidying the same abandoned folder: what it removed is gone.
        if not isinstance(error[1], FileNotFoundError):
            raise error[1]

    shutil.rmtree(folder, onerror=gone_already)


def remove_profile_folder(profiles_dir: Path, directory: Path) -> None:
    """Hide ``directory`` (one rename), then remove it with everything in it (and what
    earlier interrupted deletions left)."""
    remove_abandoned_deletions(profiles_dir)
    trash = profiles_dir / f"{TRASH_PREFIX}{directory.name}-{os.urandom(4).hex()}"
    os.rename(directory, trash)
    sync_folder(profiles_dir)
    _remove_tree(trash)


def remove_abandoned_deletions(profiles_dir: Path) -> None:
    """Finish deletions a crash interrupted (their profiles were already gone from the list)."""
    try:
        children = list(Path(profiles_dir).iterdir())
    except OSError:
        return
    for child in children:
        if child.name.startswith(TRASH_PREFIX) and child.is_dir() and not child.is_symlink():
            with contextlib.suppress(OSError):
                _remove_tree(child)
