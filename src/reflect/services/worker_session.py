"""A second, private connection to an unlocked profile, for reading on a worker thread.

Every worker thread uses one of these, never the GUI's connection. Exports and manual
backups read the whole database; imports write. Doing that on the GUI's connection from
another thread would share its transaction state; a second connection reads a consistent
WAL snapshot instead, and the GUI can keep saving meanwhile. It holds its own copy of the
key and wipes it when closed, so locking the profile during the work is safe.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from reflect.services.session import Session


@contextmanager
def separate_session(session: Session) -> Iterator[Session]:
    from reflect.storage.database import open_database
    from reflect.storage.kdf import wipe

    key = bytearray(session.key)
    try:
        db = open_database(session.profile.db_path, key)
    except BaseException:
        wipe(key)
        raise
    # Same feed: a write made on the worker is announced to the interface like any other.
    second = Session(session.paths, session.profile, db, key, changes=session.changes)
    try:
        yield second
    finally:
        second.close()
