"""``reflect check``: integrity check, SQLCipher page check and migrations state.

Exit code 0 when everything is fine, 1 when a problem was found. ``--json`` prints
``{"ok", "integrity", "cipher_integrity", "migrations_applied", "migrations_pending",
"migrations_unknown", "counts", "cipher_version", "backups", "latest_backup", "search_index",
"restore_waiting", "damaged"}``; the two check lists are empty when the checks pass.
``check`` never migrates: a pending migration is listed (it is not a problem; the app or any
writing command applies it), and a schema from a newer Reflect is a problem
(``migrations_unknown``). A missing, empty or unreadable database is reported as damaged
(exit 1, nothing written):
``{"ok": false, "damaged": "<message>", "latest_backup": FILE or null}``.

It also compares the full-text search index with the reflections (``search_index``:
``{"problems", "reflections", "indexed", "rebuilt", "repaired"}``); a reflection missing
from the index is one no search can find, so a disagreement makes ``ok`` false.
``--rebuild-index`` takes the writer lock (like every writing command, it then applies a
pending migration) and rebuilds a disagreeing index from the reflections, which loses
nothing; ``ok`` then describes the index after the rebuild.

``restore_waiting`` is true when a restore interrupted after it was decided waits to be
finished and another Reflect holds the writer lock (without one, check finishes it first):
the database checked, which ``ok`` describes, is then the one from before the restore.
"""

from __future__ import annotations

import argparse
import sys

from reflect.commands.common import add_profile_arguments, open_session, print_json


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "check",
        help="check a profile's database (integrity, encryption, schema)",
        description="Run SQLite's integrity check and SQLCipher's page check on a profile.",
    )
    add_profile_arguments(parser)
    parser.add_argument(
        "--rebuild-index",
        action="store_true",
        help="rebuild the search index from the reflections if it disagrees with them "
        "(takes the writer lock)",
    )
    parser.add_argument("--json", action="store_true", help="print JSON (a stable interface)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from reflect.domain.errors import ProfileDamaged
    from reflect.services.backups import check_profile

    try:
        # check describes the profile as it is: a pending migration is reported, not applied
        # (applying it would write, and would need the writer lock).
        # --rebuild-index writes, so it opens as a writer (which migrates like any writer).
        rebuild = bool(getattr(args, "rebuild_index", False))
        session = open_session(args, write=rebuild, migrate=rebuild)
    except ProfileDamaged as exc:
        # A finding of the check, not a failure to run it: exit 1, nothing written.
        print(f"reflect: {exc}", file=sys.stderr)
        if args.json:
            print_json({"ok": False, "damaged": str(exc), "latest_backup": exc.latest_backup})
        return 1
    try:
        report = check_profile(session, rebuild_index=rebuild)
    finally:
        session.close()
    if args.json:
        print_json({**report.to_json(), "damaged": None})
        return 0 if report.ok else 1
    integrity = "ok" if not report.integrity else "; ".join(report.integrity[:5])
    print(f"Integrity check:        {integrity}")
    cipher = "ok" if not report.cipher_integrity else "; ".join(report.cipher_integrity[:5])
    print(f"Encrypted pages (HMAC): {cipher}")
    print(
        f"Schema:                 {len(report.migrations_applied)} "
        f"migration{'' if len(report.migrations_applied) == 1 else 's'} applied, "
        f"{len(report.migrations_pending)} pending"
        + (" (applied the next time Reflect writes to it)" if report.migrations_pending else "")
    )
    print(f"Search index:           {_search_index_line(report.search_index)}")
    print(f"SQLCipher:              {report.cipher_version}")
    print(
        f"Backups:                {report.backups}"
        + (f" (latest {report.latest_backup})" if report.latest_backup else "")
    )
    if report.restore_waiting:
        print("Restore:                waiting to be finished (this is the data from before it)")
    print("Everything looks fine." if report.ok else "Problems were found; see above.")
    return 0 if report.ok else 1


def _search_index_line(found: dict) -> str:
    problems = "; ".join(found["problems"][:5])
    if found["rebuilt"]:
        line = f"rebuilt from the reflections (it had: {'; '.join(found['repaired'][:5])})"
        return line + (f"; still: {problems}" if problems else "")
    if problems:
        return f"{problems} (rebuild it with: reflect check --rebuild-index)"
    return f"ok ({found['reflections']} reflections, each findable)"
