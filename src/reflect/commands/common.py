"""Helpers shared by subcommands: data folder, profile choice, passphrase, JSON output."""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

from reflect.domain.errors import ReflectError, cut
from reflect.domain.profile import ProfileInfo
from reflect.paths import AppPaths, tighten_private_tree
from reflect.services.profiles import ProfileService
from reflect.services.session import Session

PASSPHRASE_ENV = "REFLECT_PASSPHRASE"


def add_profile_arguments(parser: argparse.ArgumentParser) -> None:
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


def paths_from(args: argparse.Namespace) -> AppPaths:
    """The data folder, made private again if it exists (as the app does at start)."""
    paths = AppPaths.from_option(getattr(args, "data_dir", None))
    tighten_private_tree(paths.data_dir)
    return paths


def tell_waiting(message: str) -> None:
    """Printed once when another Reflect holds the profile's writer lock and we wait for it."""
    print(message, file=sys.stderr, flush=True)


def choose_profile(service: ProfileService, profile_id: str | None) -> ProfileInfo:
    if profile_id:
        return service.get(profile_id)
    profiles = service.list_profiles()
    if not profiles:
        raise ReflectError(
            f"No profile in {service.paths.profiles_dir}. Start the app to create one, "
            "or run 'reflect demo'."
        )
    if len(profiles) > 1:
        names = ", ".join(p.profile_id for p in profiles)
        raise ReflectError(f"Several profiles here ({names}); choose one with --profile.")
    return profiles[0]


def open_session(args: argparse.Namespace, *, write: bool = False, migrate: bool = True) -> Session:
    """Unlock the chosen profile. ``write``: hold its writer lock until the session closes.

    Commands that write pass ``write=True``: they wait a bounded time for another Reflect
    (the app, another command) to finish, then refuse. Readers never wait, except to apply
    a pending migration (a write); ``migrate=False`` leaves it pending (``reflect check``).
    """
    service = ProfileService(
        paths_from(args), writer=write, on_lock_wait=tell_waiting, migrate_readers=migrate
    )
    profile = choose_profile(service, getattr(args, "profile", None))
    session = service.unlock(profile, read_passphrase(args))
    if session.restore_waiting:
        from reflect.services.profiles import RESTORE_WAITING

        print(f"reflect: {RESTORE_WAITING}", file=sys.stderr, flush=True)
    return session


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, indent=2, ensure_ascii=False, sort_keys=False)
    sys.stdout.write("\n")
