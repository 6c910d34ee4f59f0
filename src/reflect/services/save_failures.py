"""A save that fails in SQLite or the OS, told as the command line tells it.

SQLite's own words ("database or disk is full") are English only and name no folder. The
command line turns them into one sentence (``storage.failures.translate``); the interface
cannot import storage, so it asks here and gets the same sentence as a ReflectError, whose
template the interface translates.
"""

from __future__ import annotations

from reflect.domain.errors import ReflectError
from reflect.domain.message import Term

# Where, when the error names no file: the same words ``reflect`` prints, translated.
DATA_FOLDER = Term("the data folder")


def explained(exc: BaseException) -> BaseException:
    """A ReflectError for an OSError or a SQLite error; any other exception as it came."""
    if isinstance(exc, ReflectError):
        return exc
    from reflect.storage.failures import is_sqlite_error, translate

    if not isinstance(exc, OSError) and not is_sqlite_error(exc):
        return exc
    filename = getattr(exc, "filename", None)
    return translate(exc, str(filename) if filename else DATA_FOLDER)
