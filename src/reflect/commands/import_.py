"""``reflect import FILE [--dry-run]``: add a Reflect archive or a jrnl JSON export.

Prints a preview (what would be added, duplicates skipped, date range); ``--dry-run`` stops
there. An archive's passphrase comes from ``--archive-passphrase-file``,
``REFLECT_EXPORT_PASSPHRASE`` or a prompt. ``--json`` prints ``{"source", "file", "counts",
"new", "duplicates", "date_from", "date_to", "notes", "links_not_kept", "rows_not_kept",
"settings_adopted", "settings_not_adopted", "written", "dry_run"}``. A malformed file is
reported (exit code 2) and nothing is written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reflect.commands.backup import label
from reflect.commands.common import add_profile_arguments, open_session, print_json
from reflect.commands.export import archive_passphrase


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "import",
        help="import a Reflect archive or a jrnl JSON export (with a preview)",
        description="Import a Reflect archive or jrnl's JSON export into a profile.",
    )
    parser.add_argument(
        "file",
        help="a .reflect-archive, a file from 'jrnl --format json', or a supervisor's reply",
    )
    add_profile_arguments(parser)
    parser.add_argument("--dry-run", action="store_true", help="only show what would be added")
    parser.add_argument(
        "--archive-passphrase-file", metavar="FILE", help="passphrase of an archive"
    )
    parser.add_argument("--json", action="store_true", help="print JSON (a stable interface)")
    parser.set_defaults(handler=run)


class _ProgressLine:
    """One line on a terminal's stderr, rewritten in place: "Importing… 45%".

    Only on a terminal, so scripts reading stdout or --json never see it.
    """

    def __init__(self) -> None:
        self._shown = -1

    def __call__(self, percent: int, _text: str = "") -> None:
        if percent != self._shown:
            self._shown = percent
            sys.stderr.write(f"\rImporting… {percent:3d}%")
            sys.stderr.flush()

    def finish(self) -> None:
        if self._shown >= 0:
            sys.stderr.write("\r\033[K")  # clear the line before the summary
            sys.stderr.flush()


def run(args: argparse.Namespace) -> int:
    from reflect.commands.supervision import import_reply_if_sealed
    from reflect.services.importing import detect_format, import_file

    path = Path(args.file).expanduser()
    handled = import_reply_if_sealed(args, path)  # a supervisor's sealed reply
    if handled is not None:
        return handled
    secret = (
        archive_passphrase(args, confirm=False)
        if detect_format(path) == "reflect-archive"
        else None
    )
    session = open_session(args, write=not args.dry_run)
    progress = _ProgressLine() if sys.stderr.isatty() and not args.dry_run else None
    try:
        report = import_file(session, path, secret, dry_run=args.dry_run, progress=progress)
    finally:
        session.close()
        if progress is not None:
            progress.finish()
    if args.json:
        print_json(report.to_json())
        return 0
    preview = report.preview
    kind = "Reflect archive" if preview.source == "reflect-archive" else "jrnl export"
    print(f"{kind}: {path}")
    for table, counts in preview.counts.items():
        print(f"  {label(table)}: {counts['new']} new, {counts['duplicates']} already here")
    if preview.date_from:
        print(f"  dates: {preview.date_from} to {preview.date_to}")
    for note in preview.notes:
        print(f"  {note}")
    if report.dry_run:
        print("Dry run: nothing was written.")
    else:
        total = sum(report.written.values())
        print(f"Imported {total} record{'s' if total != 1 else ''}; duplicates were skipped.")
    return 0
