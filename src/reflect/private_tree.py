"""Making an existing data folder private again: folders 0700, profile files 0600.

Apart from paths.py (which re-exports it) because `reflect search` runs it before it loads
pathlib and dataclasses: plain os calls only.
"""

from __future__ import annotations

import os

PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600


def tighten_private_tree(data_dir: str | os.PathLike[str]) -> None:
    """A folder copied from another machine, unpacked from a zip or made by an older version
    may be readable by others. Only what exists is touched; links are never followed, and a
    folder that is not ours (or is read-only) is left as it is.
    """
    root = os.fspath(data_dir)
    if not os.path.isdir(root) or os.path.islink(root):
        return
    profiles = os.path.join(root, "profiles")
    folders = [root, profiles]
    if os.path.isdir(profiles):
        for name in os.listdir(profiles):
            profile = os.path.join(profiles, name)
            if os.path.isdir(profile) and not os.path.islink(profile):
                folders += [profile, os.path.join(profile, "backups")]
    for folder in folders:
        if not os.path.isdir(folder) or os.path.islink(folder):
            continue
        _chmod_quietly(folder, PRIVATE_DIR_MODE)
        if folder != root:
            _files_private(folder)
    _files_private(root)


def _files_private(folder: str) -> None:
    for name in os.listdir(folder):
        child = os.path.join(folder, name)
        if os.path.isfile(child) and not os.path.islink(child):
            _chmod_quietly(child, PRIVATE_FILE_MODE)


def _chmod_quietly(path: str, mode: int) -> None:
    try:
        if (os.stat(path).st_mode & 0o777) != mode:
            os.chmod(path, mode)
    except OSError:
        pass
