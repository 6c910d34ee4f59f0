"""Writing a private file (0600, atomic) so that an interrupted write leaves nothing behind.

A plain export written to a named temporary file and renamed at the end leaves that file
(hidden, but readable plain text) when the process is killed half way: a trace of the
person's reflections they never asked for. On Linux the data goes to an unnamed file
(``O_TMPFILE``) in the target's folder, which is given its name only once it is complete
(``linkat`` through ``/proc/self/fd``): a kill before that leaves no name at all, and the
kernel frees the blocks. Where ``O_TMPFILE`` is missing (macOS, Windows, some file systems)
the temporary file has a name Reflect recognises (``.reflect-<16 hex>.part``) and is held
locked (``flock``) while it is written, so the next write to that folder removes any such
file that nobody holds: one left by a killed process.

A file another library writes by name (an encrypted SQLite copy, with its ``-wal``, ``-shm``
or ``-journal`` beside it) cannot be unnamed: ``working_file`` names it
``.reflect-<16 hex>.work`` and holds the lock on a marker of the same number
(``.reflect-<16 hex>.part``) rather than on the file itself, whose locks belong to SQLite. A
working file whose marker nobody holds (or that has none) is a killed process's, and goes
with the same clean-up.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

try:  # not on Windows, where an open file cannot be removed anyway
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

PRIVATE_FILE_MODE = 0o600
_OURS = re.compile(r"^\.reflect-[0-9a-f]{16}\.part$")
# What earlier versions named their temporary files: ".<target name>.<8 or 12 hex>.part".
_EARLIER = re.compile(r"^\..+\.(?:[0-9a-f]{8}|[0-9a-f]{12})\.part$")
_WORKING = re.compile(r"^\.reflect-([0-9a-f]{16})\.work(?:-wal|-shm|-journal)?$")


@dataclass(frozen=True)
class PrivateOutput:
    """Where to write: ``path`` may be opened by name (a writer that wants a file name, such
    as zipfile), ``fd`` is an open read-write descriptor on the same file."""

    path: Path
    fd: int

    def write_bytes(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            view = view[os.write(self.fd, view) :]


def temp_name() -> str:
    # os.urandom is what secrets reads; importing secrets would load OpenSSL's hashing into
    # the lock screen's start-up for a file name.
    return f".reflect-{os.urandom(8).hex()}.part"


def is_leftover_name(name: str) -> bool:
    """A temporary file name this or an earlier version of Reflect gives (see above)."""
    return bool(_OURS.match(name) or _EARLIER.match(name))


def in_use(path: Path) -> bool:
    """True while a writer (in any process) holds ``path``'s lock: it is being written."""
    if fcntl is None:  # pragma: no cover - Windows: removing an open file fails by itself
        return False
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return True  # not ours to judge (a link, no permission): leave it
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)  # (closing also releases the lock just taken)
    return False


def _abandoned(entry: os.DirEntry[str]) -> bool:
    """A temporary file of Reflect's that no writer holds (never a link; a folder only as a
    working file, see ``working_file``)."""
    working = _WORKING.match(entry.name)
    folder = working is not None and entry.is_dir(follow_symlinks=False)
    if not (working or is_leftover_name(entry.name)):
        return False
    if not (folder or entry.is_file(follow_symlinks=False)):
        return False
    if working is None:
        return not in_use(Path(entry.path))
    marker = Path(entry.path).with_name(f".reflect-{working.group(1)}.part")
    if fcntl is None:  # pragma: no cover - Windows: a marker held open could not be removed
        return not os.path.lexists(marker)
    return not os.path.lexists(marker) or not in_use(marker)


def remove_stale_parts(folder: Path) -> list[Path]:
    """Remove the temporary files a killed Reflect left in ``folder``; return what went."""
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    # Markers before working files: where nothing can be locked (Windows), a working file is
    # abandoned once its marker could be removed (a marker still open cannot be).
    entries.sort(key=lambda entry: bool(_WORKING.match(entry.name)))
    for entry in entries:
        with contextlib.suppress(OSError):
            if _abandoned(entry):
                _remove(Path(entry.path))
                removed.append(Path(entry.path))
    return removed


def _remove(path: Path) -> None:
    """A working folder with what is in it (rmtree removes links, never what they point
    to), or a file."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)


@contextlib.contextmanager
def working_file(folder: Path) -> Iterator[Path]:
    """A fresh name in ``folder`` for a file the block creates by name (a SQLite copy, or a
    folder of files, which may be renamed away before the end); whatever of it is left,
    SQLite's side files included, is removed when the block ends. Killed, it is removed by
    the next private write or working file in ``folder`` (see the module docstring)."""
    folder = Path(folder)
    remove_stale_parts(folder)
    number = os.urandom(8).hex()
    marker = folder / f".reflect-{number}.part"
    fd = _locked_marker(marker)
    try:
        work = folder / f".reflect-{number}.work"
        try:
            yield work
        finally:
            for side in ("-journal", "-wal", "-shm", ""):
                _remove(Path(f"{work}{side}"))
    finally:
        marker.unlink(missing_ok=True)  # last, and while locked: it guards the others
        os.close(fd)


def _locked_marker(marker: Path) -> int:
    """Create ``marker`` already locked where it can be (locked while unnamed, then linked):
    a cleaner never sees it unlocked. Elsewhere it is locked just after it appears."""
    unnamed = _open_unnamed(marker.parent)
    if unnamed is not None:
        dir_fd, fd = unnamed
        try:
            _lock(fd)
            source = f"/proc/self/fd/{fd}"
            os.link(source, marker.name, src_dir_fd=dir_fd, dst_dir_fd=dir_fd, follow_symlinks=True)
            return fd
        except OSError:  # linking through /proc refused (a sandbox): the named way below
            os.close(fd)
        finally:
            os.close(dir_fd)
    # O_EXCL: never a file (or a link) someone else placed there.
    fd = os.open(marker, os.O_RDWR | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
    _lock(fd)
    return fd


def sync_folder(folder: Path) -> None:
    """Make a rename or link durable; not every platform can open a folder."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextlib.contextmanager
def private_output(target: Path) -> Iterator[PrivateOutput]:
    """Write ``target`` through the yielded output; it appears (0600) only when the block
    ends without an exception, in one step (the old file or the new one, never half)."""
    target = Path(target)
    folder = target.parent
    remove_stale_parts(folder)
    unnamed = _open_unnamed(folder)
    if unnamed is None:
        with _named_output(target) as output:
            yield output
    else:
        dir_fd, fd = unnamed
        try:
            _lock(fd)  # a name linked to it below is then seen as in use
            yield PrivateOutput(Path(f"/proc/self/fd/{fd}"), fd)
            os.fsync(fd)
            os.fchmod(fd, PRIVATE_FILE_MODE)
            try:
                _link_into_place(dir_fd, fd, target.name)
            except OSError:
                # A sandbox or kernel where linking through /proc is refused (EXDEV, EPERM):
                # the complete data is copied through the named fallback instead.
                _copy_into_place(fd, target)
        finally:
            os.close(fd)
            os.close(dir_fd)
    sync_folder(folder)


def _open_unnamed(folder: Path) -> tuple[int, int] | None:
    """(folder descriptor, unnamed file descriptor), or None where O_TMPFILE is unsupported."""
    tmpfile = getattr(os, "O_TMPFILE", 0)
    if not tmpfile or not os.path.isdir("/proc/self/fd"):
        return None
    dir_fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        return dir_fd, os.open(folder, tmpfile | os.O_RDWR, PRIVATE_FILE_MODE)
    except OSError:  # EOPNOTSUPP, EISDIR or EINVAL: this kernel or file system has none
        os.close(dir_fd)
        return None


def _link_into_place(dir_fd: int, fd: int, name: str) -> None:
    """Give the unnamed file ``name``: directly when it is free, else through a temporary
    name renamed over it (linkat cannot replace). os.link calls linkat with
    AT_SYMLINK_FOLLOW (which /proc/self/fd needs) only when a dir_fd is passed."""
    source = f"/proc/self/fd/{fd}"
    try:
        os.link(source, name, src_dir_fd=dir_fd, dst_dir_fd=dir_fd, follow_symlinks=True)
        return
    except FileExistsError:
        pass
    temp = temp_name()
    os.link(source, temp, src_dir_fd=dir_fd, dst_dir_fd=dir_fd, follow_symlinks=True)
    try:
        os.replace(temp, name, src_dir_fd=dir_fd, dst_dir_fd=dir_fd)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp, dir_fd=dir_fd)
        raise


def _copy_into_place(fd: int, target: Path) -> None:
    os.lseek(fd, 0, os.SEEK_SET)
    with _named_output(target) as output:
        while block := os.read(fd, 1 << 20):
            output.write_bytes(block)


@contextlib.contextmanager
def _named_output(target: Path) -> Iterator[PrivateOutput]:
    """The fallback: a recognisable, locked temporary file renamed over ``target``.

    O_EXCL: never write through a file (or a link) someone else placed there.
    """
    temp = target.with_name(temp_name())
    fd = os.open(temp, os.O_RDWR | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
    try:
        _lock(fd)
        yield PrivateOutput(temp, fd)
        os.fsync(fd)
        os.chmod(temp, PRIVATE_FILE_MODE)
        if fcntl is None:  # pragma: no cover - Windows renames no file that is open
            os.close(fd)
            fd = -1
        os.replace(temp, target)
    finally:
        if fd >= 0:
            os.close(fd)
        temp.unlink(missing_ok=True)


def _lock(fd: int) -> None:
    if fcntl is not None:
        # Waits only while a cleaner looks at the file; a file system without locks (some
        # network shares) just leaves it unmarked.
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_EX)
