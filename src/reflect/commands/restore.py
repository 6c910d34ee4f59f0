"""``reflect restore FILE``: replace a profile's data with a verified backup.

The backup is checked (integrity and page authentication) before anything changes; the
current data is first kept as a ``pre-restore-…`` backup. Asks for confirmation unless
``--yes``. Works on a locked profile: the passphrase is today's, or for a backup from before
a passphrase change, the one the profile had then. ``--json`` prints ``{"restored_from",
"counts", "safety_copy", "passphrase_from_backup"}``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reflect.commands.common import (
    add_profile_arguments,
    choose_profile,
    paths_from,
    print_json,
    read_passphrase,
    tell_waiting,
)
from reflect.domain.errors import ReflectError, cut


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "restore",
        help="restore a profile from a backup file (the current data is kept aside)",
        description="Restore a profile from a .reflect-backup file, after verifying it.",
    )
    parser.add_argument("file", help="the backup file (.reflect-backup)")
    add_profile_arguments(parser)
    parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    parser.add_argument(
        "--allow-empty",
        action="store_true",
        help="accept a backup that holds no data at all (it would empty the profile)",
    )
    parser.add_argument("--json", action="store_true", help="print JSON (a stable interface)")
    parser.set_defaults(handler=run)


def app_is_running(lock_file: Path) -> bool:
    """True when a Reflect window holds the data folder's instance lock right now."""
    from reflect.storage.file_lock import FileLock

    return FileLock(lock_file).is_held_elsewhere()


def run(args: argparse.Namespace) -> int:
    from reflect.services.backups import restore_backup
    from reflect.services.profiles import ProfileService

    paths = paths_from(args)
    if app_is_running(paths.lock_file):
        raise ReflectError("Reflect is open for this data folder. Close it, then restore.")
    profile = choose_profile(ProfileService(paths), getattr(args, "profile", None))
    if not Path(args.file).is_file():  # say so before asking to confirm anything
        raise ReflectError(
            f"There is no backup file at {cut(args.file, 200)}. Nothing was changed."
        )
    if not args.yes:
        if not sys.stdin.isatty():
            raise ReflectError("Restoring replaces the profile's data; add --yes to confirm.")
        answer = input(
            f"Replace the data of profile '{profile.profile_id}' with {args.file}? "
            "The current data is kept as a backup first. [y/N] "
        )
        if answer.strip().lower() not in ("y", "yes"):
            print("Nothing was changed.")
            return 1
    report = restore_backup(
        profile,
        Path(args.file),
        read_passphrase(args),
        allow_empty=args.allow_empty,
        on_lock_wait=tell_waiting,
    )
    if args.json:
        print_json(report.to_json())
        return 0
    print(f"Restored from {report.restored_from}.")
    if report.safety_copy:
        print(f"The data it replaced is kept in {report.safety_copy}.")
    if report.passphrase_from_backup:
        print("This backup predates a passphrase change: the profile now opens with the")
        print("passphrase it had when the backup was made.")
    return 0
