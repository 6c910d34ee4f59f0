"""The options every command that opens a profile takes, reading the passphrase, JSON output.

Apart from commands/common.py because `reflect search` reads them before it loads
anything heavy (commands/search_quick.py): only the standard library and domain.errors.
"""

from __future__ import annotations

import json
import os
import sys

from reflect.domain.errors import ReflectError, cut

# typing itself is not loaded: `reflect search` reads these files before anything else
# needs it (about 3 ms); type checkers read the block below all the same.
TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from typing import Any

PASSPHRASE_ENV = "REFLECT_PASSPHRASE"


def add_profile_arguments(parser: argparse.ArgumentParser) -> None:
    import argparse

    # SUPPRESS keeps "reflect --data-dir X search" working: a None default here would
    # overwrite the value the top-level parser already stored.
    parser.add_argument(
        "--data-dir",
        default=argparse.SUPPRESS,
        help="data folder (default: the platform's user data folder)",
    )
    parser.add_argument("--profile", help="profile id (default: the only profile, if there is one)")
    parser.add_argument(
        "--passphrase-file",
        help=f"read the passphrase from this file (else ${PASSPHRASE_ENV}, else a hidden prompt)",
    )


# A passphrase is a line of text; a bigger "passphrase file" is a mistake (or a device).
MAX_PASSPHRASE_FILE_BYTES = 4096


def read_passphrase_file(path: str | os.PathLike[str], what: str = "passphrase file") -> str:
    """The first line of ``path``: UTF-8 (a BOM is allowed), at most 4 KiB, regular file."""
    try:
        # Checked before opening: opening a FIFO would wait forever for a writer.
        if os.path.exists(path) and not os.path.isfile(path):
            raise ReflectError(f"The {what} {cut(path, 200)} is not a regular file.")
        with open(path, "rb") as handle:
            data = handle.read(MAX_PASSPHRASE_FILE_BYTES + 1)
    except OSError as exc:
        raise ReflectError(f"Cannot read the {what}: {exc.strerror}") from exc
    if len(data) > MAX_PASSPHRASE_FILE_BYTES:
        raise ReflectError(
            f"The {what} is larger than {MAX_PASSPHRASE_FILE_BYTES} bytes; it should hold "
            "only the passphrase."
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReflectError(
            f"The {what} is not UTF-8 text (byte {exc.start + 1} is invalid); save it as "
            "UTF-8 and try again."
        ) from exc
    return text.rstrip("\r\n")


def read_passphrase(args: argparse.Namespace, prompt: str = "Passphrase: ") -> str:
    path = getattr(args, "passphrase_file", None)
    if path:
        return read_passphrase_file(path)
    env = os.environ.get(PASSPHRASE_ENV)
    if env:
        return env
    if not sys.stdin.isatty():
        raise ReflectError(
            f"No passphrase given: set {PASSPHRASE_ENV}, pass --passphrase-file, "
            "or run in a terminal."
        )
    import getpass  # only a terminal prompt needs it

    return getpass.getpass(prompt)


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, indent=2, ensure_ascii=False, sort_keys=False)
    sys.stdout.write("\n")
