"""A content-free diagnostic log, so a support person can help without seeing anything written.

What goes in: the Reflect and Python versions, the platform, each unexpected error's type and
the code locations it passed through (file, line, function), and how long slow steps took.
What never goes in: exception messages (they can quote a file's contents or a typed value),
text a person wrote, file contents, passphrases, profile names or ids.

The log lives in the data folder (``diagnostics.log``, 0600), is capped at 256 KiB and keeps
one older file (``diagnostics.log.1``). Writing it never raises: a full disk or a read-only
folder must not turn a handled problem into a crash.
"""

from __future__ import annotations

import os
import sys
import traceback
from datetime import UTC, datetime
from pathlib import Path

LOG_NAME = "diagnostics.log"
MAX_BYTES = 256 * 1024


def log_path(data_dir: Path) -> Path:
    return data_dir / LOG_NAME


def error_line(exc: BaseException, where: str) -> str:
    """One line naming the error's type and its code path, never its message."""
    kind = type(exc)
    frames = traceback.extract_tb(exc.__traceback__)
    path = " < ".join(f"{Path(f.filename).name}:{f.lineno}:{f.name}" for f in reversed(frames))
    return f"error in {_token(where)}: {kind.__module__}.{kind.__qualname__} at {path or '-'}"


def record_error(data_dir: Path, exc: BaseException, where: str) -> None:
    _append(data_dir, error_line(exc, where))


def record_timing(data_dir: Path, step: str, seconds: float) -> None:
    _append(data_dir, f"timing {_token(step)}: {seconds * 1000:.0f} ms")


def _token(text: str) -> str:
    """Step and place names are ours, but keep the log one word each, whatever is passed."""
    return "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in text)[:60] or "-"


def _header() -> str:
    import platform  # only when the log is written: the lock screen does not wait for it

    from reflect import __version__

    return (
        f"reflect {__version__}; python {platform.python_version()}; "
        f"{sys.platform} {platform.machine()}"
    )


def _append(data_dir: Path, message: str) -> None:
    try:
        if not data_dir.is_dir():
            return  # never create a data folder just to log
        path = log_path(data_dir)
        _rotate_if_full(path)
        fresh = not path.exists()
        stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%MZ")
        # Never through a symbolic link planted in its place: the log would be appended to,
        # and made private, wherever the link points.
        flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
        descriptor = os.open(path, flags, 0o600)
        with os.fdopen(descriptor, "a", encoding="utf-8") as handle:
            if hasattr(os, "fchmod"):  # POSIX; elsewhere the folder's access rules apply
                os.fchmod(descriptor, 0o600)
            if fresh:
                handle.write(f"{stamp} {_header()}\n")
            handle.write(f"{stamp} {message}\n")
    except OSError:
        pass


def _rotate_if_full(path: Path) -> None:
    if path.exists() and path.stat().st_size >= MAX_BYTES:
        os.replace(path, path.with_name(LOG_NAME + ".1"))
