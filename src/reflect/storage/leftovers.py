"""Remove what an interrupted restore or backup left behind (called with the writer lock held).

A restore stages the new database as ``reflect.db.restoring``. A backup writes its copy,
and an import unpacks an archive, as a working file ``.reflect-<hex>.work`` guarded by a
locked ``.reflect-<hex>.part`` (earlier versions: ``<backup>.tmp`` and ``.archive-xxxx.db``);
private files, where O_TMPFILE is missing, as ``.reflect-<hex>.part`` (earlier versions:
``.name.xxxx.part``; see reflect.private_output). A crash or power cut can leave them. They
are encrypted, but they take space and hold old data, so the next writer removes them. Only
a holder of the profile's writer lock may do this: another process could be writing them
right now otherwise (a working file or ``.part`` a reader is writing is locked, and stays).
"""

from __future__ import annotations

import contextlib
import re
import time
from pathlib import Path

from reflect.private_output import in_use, remove_stale_parts
from reflect.storage.restore_swap import finish_interrupted_swap

_SQLITE_SIDE_FILES = ("", "-wal", "-shm", "-journal")
# An import's working copy of an archive as earlier versions named it (now a working file of
# reflect.private_output, guarded by its lock). A dry run made one too, as a reader without
# the lock, and nothing marked it as in use, so only one untouched for a day is abandoned.
_ARCHIVE_COPY = re.compile(r"^\.archive-[0-9a-f]{12}\.db(-wal|-shm|-journal)?$")
_ARCHIVE_COPY_AGE = 86400.0


def _is_abandoned_archive_copy(path: Path) -> bool:
    if not _ARCHIVE_COPY.match(path.name):
        return False
    try:
        return time.time() - path.stat().st_mtime > _ARCHIVE_COPY_AGE
    except OSError:
        return False


def _is_leftover(name: str) -> bool:
    for side in _SQLITE_SIDE_FILES:
        if name.endswith(".restoring" + side) or name.endswith(".tmp" + side):
            return True
    return name.startswith(".") and name.endswith(".part")


def clean_leftovers(profile_dir: Path) -> list[Path]:
    """Delete leftovers in the profile folder and its backups folder; return what went.

    A restore interrupted once decided is finished first (``restore_swap``): its new
    database is no leftover.
    """
    finish_interrupted_swap(Path(profile_dir))
    removed = []
    for folder in (Path(profile_dir), Path(profile_dir) / "backups"):
        removed += remove_stale_parts(folder)  # what no writer holds (a reader may be one)
        try:
            children = list(folder.iterdir())
        except OSError:
            continue
        for child in children:
            gone = _is_leftover(child.name) or _is_abandoned_archive_copy(child)
            # A private file being written right now (by a reader: the unlock throttle) is
            # locked by its writer (reflect.private_output): not a leftover.
            if gone and child.is_file() and not (child.name.endswith(".part") and in_use(child)):
                with contextlib.suppress(OSError):
                    child.unlink()
                    removed.append(child)
    return removed
