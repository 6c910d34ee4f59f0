"""Exclusive locks between Reflect processes: one writer per profile, one app per data folder.

The lock is an OS advisory lock (``flock`` on POSIX, ``msvcrt.locking`` on Windows) on a small
file created 0600. The file holds nothing: no process id, no host or machine name. The OS
drops the lock when the process ends, even on a crash, so a lock can never be left stale.

Writers (the app while a profile is unlocked, and every command that writes) take the
profile's lock; readers (search, check) never do: SQLite's WAL lets them read meanwhile.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from reflect.domain.errors import ProfileBusy, ReflectError, StorageUnavailable
from reflect.paths import PRIVATE_FILE_MODE

PROFILE_LOCK_NAME = "writer.lock"
WAIT_MESSAGE = "Another Reflect is writing to this profile; waiting…"
WAIT_ENV = "REFLECT_LOCK_WAIT_SECONDS"
DEFAULT_WAIT_SECONDS = 15.0
_POLL_SECONDS = 0.05


def default_wait_seconds() -> float:
    """How long a writer waits for the lock (tests shorten it through the environment)."""
    try:
        return max(0.0, min(600.0, float(os.environ.get(WAIT_ENV, DEFAULT_WAIT_SECONDS))))
    except ValueError:
        return DEFAULT_WAIT_SECONDS


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno in (errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES):
            return False
        raise
    return True


def _unlock(fd: int) -> None:
    if sys.platform == "win32":  # pragma: no cover
        import msvcrt

        with contextlib.suppress(OSError):
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    with contextlib.suppress(OSError):
        fcntl.flock(fd, fcntl.LOCK_UN)


class FileLock:
    """An exclusive lock on ``path``; ``acquire`` waits a bounded time, then refuses."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def _open(self) -> int:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, PRIVATE_FILE_MODE)
        except OSError as exc:
            raise StorageUnavailable.from_os_error(exc, self.path.parent) from exc
        with contextlib.suppress(OSError):
            os.chmod(self.path, PRIVATE_FILE_MODE)  # an older lock file may have been 0644
        return fd

    def try_acquire(self) -> bool:
        if self._fd is not None:
            return True
        fd = self._open()
        if _try_lock(fd):
            self._fd = fd
            if sys.platform != "win32":
                # An older Reflect's QLockFile wrote its process id and the host name here.
                with contextlib.suppress(OSError):
                    os.ftruncate(fd, 0)
            return True
        os.close(fd)
        return False

    def acquire(
        self,
        wait_seconds: float | None = None,
        on_wait: Callable[[str], None] | None = None,
    ) -> FileLock:
        """Take the lock, waiting up to ``wait_seconds``; raises ProfileBusy after that."""
        wait = default_wait_seconds() if wait_seconds is None else wait_seconds
        deadline = time.monotonic() + wait
        told = False
        while not self.try_acquire():
            if time.monotonic() >= deadline:
                raise ProfileBusy()
            if not told and on_wait is not None:
                on_wait(WAIT_MESSAGE)
                told = True
            time.sleep(_POLL_SECONDS)
        return self

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            _unlock(fd)
            os.close(fd)

    def is_held_elsewhere(self) -> bool:
        """True when another process (or another FileLock) holds the lock right now."""
        if self._fd is not None:
            return False
        try:
            fd = os.open(self.path, os.O_RDWR)
        except OSError:
            return False  # no lock file: nobody ever locked here
        try:
            if _try_lock(fd):
                _unlock(fd)
                return False
            return True
        finally:
            os.close(fd)

    def __enter__(self) -> FileLock:
        return self.acquire()

    def __exit__(self, *_exc: object) -> None:
        self.release()


def profile_lock(profile_dir: Path) -> FileLock:
    return FileLock(Path(profile_dir) / PROFILE_LOCK_NAME)


@contextlib.contextmanager
def writing(profile_dir: Path, on_wait: Callable[[str], None] | None = None) -> Iterator[FileLock]:
    """``with writing(folder):`` holds the profile's writer lock for the block."""
    lock = profile_lock(profile_dir).acquire(on_wait=on_wait)
    try:
        yield lock
    finally:
        lock.release()


def lock_if_free(profile_dir: Path, stack: contextlib.ExitStack[Any]) -> bool:
    """Take the profile's writer lock for the rest of ``stack`` if it is free right now."""
    lock = profile_lock(profile_dir)
    try:
        if not lock.try_acquire():
            return False
    except ReflectError:  # a read-only folder: nothing can be tidied there anyway
        return False
    stack.callback(lock.release)
    return True
