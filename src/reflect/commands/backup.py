"""``reflect backup``: write a verified, encrypted backup now.

Without ``--out`` the copy goes to the profile's ``backups/`` folder as
``manual-YYYYMMDDTHHMMSS.reflect-backup`` (never pruned); ``--auto`` instead runs the daily
rotation (7 daily, 4 weekly). ``--list`` shows the backups. ``--json`` prints
``{"written", "pruned", "counts"}`` (or, with ``--list``, ``{"backups": [{"file", "kind",
"stamp", "bytes", "modified"}]}``).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from reflect.commands.common import add_profile_arguments, open_session, print_json
from reflect.services.record_kinds import kind


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "backup",
        help="write a verified encrypted backup of a profile",
        description="Write a verified, encrypted copy of the profile (same passphrase).",
    )
    add_profile_arguments(parser)
    parser.add_argument("--out", metavar="FILE", help="write the backup to this file instead")
    parser.add_argument(
        "--auto", action="store_true", help="run the daily rotation (7 daily, 4 weekly) instead"
    )
    parser.add_argument("--list", action="store_true", help="list the profile's backups")
    parser.add_argument(
        "--force", action="store_true", help="with --out: replace FILE if it exists"
    )
    parser.add_argument("--json", action="store_true", help="print JSON (a stable interface)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from reflect.services.backups import backup_now, list_backups, run_automatic_backup

    # Listing only reads; writing a backup holds the writer lock, so no restore can swap the
    # database underneath it.
    session = open_session(args, write=not args.list)
    try:
        if args.list:
            found = list_backups(session.profile)
            if args.json:
                print_json({"backups": [b.to_json() for b in found]})
            elif not found:
                print("No backups yet.")
            for b in [] if args.json else found:
                print(
                    f"{b.modified:%Y-%m-%d %H:%M}  {b.kind:<13} {b.size / 1024:>8.0f} KiB  {b.path}"
                )
            return 0
        if args.auto:
            report = run_automatic_backup(session)
        else:
            report = backup_now(session, Path(args.out) if args.out else None, overwrite=args.force)
    finally:
        session.close()
    if args.json:
        print_json(report.to_json())
        return 0
    if not report.written:
        print("Today's backup already exists; nothing to do.")
    for path in report.written:
        print(f"Backup written and verified: {path}")
    for path in report.pruned:
        print(f"Removed an older rotated backup: {path.name}")
    if report.counts:
        print(describe_counts(report.counts))
    return 0


def label(table: str) -> str:
    return str(kind(table))


def describe_counts(counts: dict[str, int]) -> str:
    """'250 reflections, 104 check-ins, …' for the main kinds of data, in a fixed order."""
    main = ("reflections", "follow_ups", "checkins", "instrument_results", "debriefs")
    return ", ".join(f"{counts[k]} {label(k)}" for k in main if k in counts)
