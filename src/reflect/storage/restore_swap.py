"""The swap at the end of a restore, made so that a crash in the middle is finished later.

The profile's database may hold its latest entries in its WAL (``reflect.db-wal``) when the
app was not closed cleanly. A restore with today's passphrase checkpoints that WAL into the
safety copy first; with only the backup's old passphrase it cannot, so the WAL must go at
the moment the new database comes in: the old WAL would otherwise be replayed onto the new
file. Removing the WAL and renaming the new file are two steps; a crash between them would
leave the old database without its latest entries, or with all of them (a WAL that was never
checkpointed holds everything), looking healthy and empty.

So the verified new file is first renamed to ``reflect.db.restored``: from that moment the
restore is decided. The WAL is removed, then the file renamed over ``reflect.db``. A crash in
between leaves ``reflect.db.restored``, and the next process holding the writer lock finishes
the same two steps before it opens anything (``finish_interrupted_swap``). The data replaced
is in the ``pre-restore-…`` safety copy, WAL included, before any of this starts.

A reader (search, check, a plain export) would otherwise read the data from before the
restore until then. It finishes the swap itself when the writer lock is free, taking it for
those two steps (``finish_for_reader``); while another process holds it (a restore under
way), it must not, and says it shows the data from before the restore.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from reflect.domain.vault_file import DB_FILE, RESTORED_DB_FILE
from reflect.paths import sync_folder

DB_NAME = DB_FILE


def ready_path(profile_dir: Path) -> Path:
    return Path(profile_dir) / RESTORED_DB_FILE


def _drop_wal_and_rename(ready: Path, db_path: Path) -> None:
    for suffix in ("-wal", "-shm"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)
    os.replace(ready, db_path)
    sync_folder(db_path.parent)


def swap_in(staging: Path, db_path: Path) -> None:
    """Make the verified ``staging`` file the profile's database (see the module docstring)."""
    ready = ready_path(db_path.parent)
    os.replace(staging, ready)
    sync_folder(db_path.parent)
    _drop_wal_and_rename(ready, db_path)


def finish_interrupted_swap(profile_dir: Path) -> bool:
    """With the writer lock held: finish a restore a crash interrupted after it was decided.
    Returns True when there was one."""
    ready = ready_path(profile_dir)
    if not ready.is_file():
        return False
    _drop_wal_and_rename(ready, Path(profile_dir) / DB_NAME)
    return True


def restore_waiting(profile_dir: Path) -> bool:
    """Whether a decided restore waits to be finished (its file is not the database yet)."""
    return ready_path(profile_dir).is_file()


def finish_for_reader(profile_dir: Path) -> bool:
    """For a process without the writer lock: finish an interrupted restore if the lock is
    free right now (holding it meanwhile, as a writer would). Never waits. Returns True when
    a restore still waits: a writer holds the lock, or the folder cannot be changed."""
    from reflect.storage.file_lock import lock_if_free

    if not restore_waiting(profile_dir):
        return False
    with contextlib.ExitStack() as stack:
        if lock_if_free(Path(profile_dir), stack):
            with contextlib.suppress(OSError):  # a read-only folder: it stays waiting
                finish_interrupted_swap(profile_dir)
    return restore_waiting(profile_dir)
