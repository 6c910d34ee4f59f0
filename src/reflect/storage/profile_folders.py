"""Making and deleting profile folders so that a crash never leaves half a profile.

A new profile is built in a hidden folder and renamed into place once its database and
vault.json are written: killed before, there is no new profile, only a hidden folder that
holds nothing anyone wrote (removed once an hour old), never a profile folder without its
vault.json. The demo is also filled while hidden (``ProfileService.create_hidden``).

Deleting:
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
import time
from pathlib import Path
from typing import Any

from reflect.paths import sync_folder

# Hidden (the listing skips names starting with a dot) and never a profile id (slugs and
# ids are made of letters, digits and dashes).
TRASH_PREFIX = ".deleting-"
STAGING_PREFIX = ".creating-"
# A profile being made right now by another process has a fresh staging folder: only one
# untouched this long is abandoned.
_STAGING_AGE = 3600.0


def _remove_tree(folder: Path) -> None:
    def gone_already(_function: Any, _path: str, error: Any) -> None:
        # Another process tidying the same abandoned folder: what it removed is gone.
        if not isinstance(error[1], FileNotFoundError):
            raise error[1]

    shutil.rmtree(folder, onerror=gone_already)


def remove_profile_folder(profiles_dir: Path, directory: Path) -> None:
    """Hide ``directory`` (one rename), then remove it with everything in it (and what
    earlier interrupted deletions left)."""
    remove_abandoned_folders(profiles_dir)
    trash = profiles_dir / f"{TRASH_PREFIX}{directory.name}-{os.urandom(4).hex()}"
    os.rename(directory, trash)
    sync_folder(profiles_dir)
    _remove_tree(trash)


def _abandoned(child: Path) -> bool:
    if child.is_symlink() or not child.is_dir():
        return False
    if child.name.startswith(TRASH_PREFIX):
        return True
    if child.name.startswith(STAGING_PREFIX):
        return time.time() - child.stat().st_mtime > _STAGING_AGE
    return False


def remove_abandoned_folders(profiles_dir: Path) -> None:
    """Finish deletions a crash interrupted (their profiles were already gone from the
    list) and remove profiles a crash stopped half made (never listed)."""
    try:
        children = list(Path(profiles_dir).iterdir())
    except OSError:
        return
    for child in children:
        with contextlib.suppress(OSError):
            if _abandoned(child):
                _remove_tree(child)


def staging_folder(profiles_dir: Path, profile_id: str) -> Path:
    """A hidden, private folder to build a new profile in (see ``publish``)."""
    staging = profiles_dir / f"{STAGING_PREFIX}{profile_id}-{os.urandom(4).hex()}"
    staging.mkdir(mode=0o700)
    os.chmod(staging, 0o700)
    return staging


def publish(staging: Path, directory: Path) -> None:
    """The finished profile takes its name in one rename (refused if the name is taken)."""
    if directory.exists():
        raise FileExistsError(directory)
    os.rename(staging, directory)
    sync_folder(directory.parent)


def free_name(profiles_dir: Path, base: str) -> Path:
    """``base``, or ``base-2``, ``base-3``… whichever is not taken yet."""
    candidate, n = profiles_dir / base, 1
    while candidate.exists():
        n += 1
        candidate = profiles_dir / f"{base}-{n}"
    return candidate
