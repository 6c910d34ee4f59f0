"""Remove what an interrupted restore or backup left behind (called with the writer lock held).

A restore stages the new database as ``reflect.db.restoring``; a backup writes ``….tmp``
before renaming; private files are written as ``.name.xxxx.part``. A crash or power cut can
leave them. They are encrypted, but they take space and hold old data, so the next writer
removes them. Only a holder of the profile's writer lock may do this: another process could
be writing them right now otherwise.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

_SQLITE_SIDE_FILES = ("", "-wal", "-shm", "-journal")


def _is_leftover(name: str) -> bool:
    for side in _SQLITE_SIDE_FILES:
        if name.endswith(".restoring" + side) or name.endswith(".tmp" + side):
            return True
    return name.startswith(".") and name.endswith(".part")


def clean_leftovers(profile_dir: Path) -> list[Path]:
    """Delete leftovers in the profile folder and its backups folder; return what went."""
    removed = []
    for folder in (Path(profile_dir), Path(profile_dir) / "backups"):
        try:
            children = list(folder.iterdir())
        except OSError:
            continue
        for child in children:
            if _is_leftover(child.name) and child.is_file():
                with contextlib.suppress(OSError):
                    child.unlink()
                    removed.append(child)
    return removed
