"""``reflect export --format FORMAT --out FILE``.

Formats: ``archive`` (default: an encrypted copy under its own export passphrase, read from
``--archive-passphrase-file`` or ``REFLECT_EXPORT_PASSPHRASE`` or a prompt), and the plain
``json``, ``csv`` (a zip of one CSV per table) and ``markdown``, which need ``--plain-ok``
or a "yes" at the prompt after a warning. ``--json`` prints ``{"format", "file",
"encrypted", "bytes", "counts"}``.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from reflect.commands.common import (
    add_profile_arguments,
    open_session,
    paths_from,
    print_json,
    read_passphrase_file,
)
from reflect.domain.errors import ReflectError

EXPORT_PASSPHRASE_ENV = "REFLECT_EXPORT_PASSPHRASE"
FORMATS = ("archive", "json", "csv", "markdown")


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "export",
        help="export everything: encrypted archive (default), or plain JSON, CSV, Markdown",
        description="Export a profile. The default is an encrypted archive.",
    )
    add_profile_arguments(parser)
    parser.add_argument("--format", default="archive", choices=FORMATS)
    parser.add_argument("--out", required=True, metavar="FILE", help="file to write")
    parser.add_argument(
        "--plain-ok",
        action="store_true",
        help="confirm that a plain (unencrypted) export is what you want",
    )
    parser.add_argument(
        "--archive-passphrase-file",
        metavar="FILE",
        help=f"passphrase for the archive (else ${EXPORT_PASSPHRASE_ENV}, else a prompt)",
    )
    parser.add_argument(
        "--force", action="store_true", help="replace FILE if it exists (never a profile's file)"
    )
    parser.add_argument("--json", action="store_true", help="print JSON (a stable interface)")
    parser.set_defaults(handler=run)


def archive_passphrase(args: argparse.Namespace, confirm: bool = True) -> str:
    if args.archive_passphrase_file:
        return read_passphrase_file(args.archive_passphrase_file, "archive passphrase file")
    env = os.environ.get(EXPORT_PASSPHRASE_ENV)
    if env:
        return env
    if not sys.stdin.isatty():
        raise ReflectError(
            f"The archive needs its own passphrase: set {EXPORT_PASSPHRASE_ENV} or pass "
            "--archive-passphrase-file."
        )
    first = getpass.getpass("Passphrase for the archive: ")
    if confirm and getpass.getpass("Once more: ") != first:
        raise ReflectError("The two archive passphrases differ; nothing was written.")
    return first


def run(args: argparse.Namespace) -> int:
    from reflect.services.export import PLAIN_TEXT_WARNING, export_profile, exporter_for

    exporter = exporter_for(args.format)
    plain_ok = args.plain_ok
    if exporter.plain and not plain_ok:
        if not sys.stdin.isatty():
            raise ReflectError(PLAIN_TEXT_WARNING + " Add --plain-ok to confirm.")
        print(PLAIN_TEXT_WARNING, file=sys.stderr)
        if input("Write a plain-text export? [y/N] ").strip().lower() not in ("y", "yes"):
            print("Nothing was written.")
            return 1
        plain_ok = True
    from reflect.services.export import target_path
    from reflect.services.output_target import check_output_target

    # Refuse a bad target before asking for any passphrase; checked again when writing.
    check_output_target(
        target_path(Path(args.out), exporter), paths_from(args), overwrite=args.force
    )
    secret = None if exporter.plain else archive_passphrase(args)
    # An archive is written through the database (a copy, then re-keyed): a writer.
    session = open_session(args, write=not exporter.plain)
    try:
        report = export_profile(
            session,
            args.format,
            Path(args.out),
            plain_ok=plain_ok,
            archive_passphrase=secret,
            overwrite=args.force,
        )
    finally:
        session.close()
    if args.json:
        print_json(report.to_json())
        return 0
    if report.plain:
        print(f"Wrote a plain-text {report.format} export to {report.path} (owner-only).")
    else:
        print(f"Wrote an encrypted archive to {report.path} (owner-only).")
    if report.plain:
        print("Remember: anyone who can open this file can read it.")
    return 0
