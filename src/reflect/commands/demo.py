"""``reflect demo``: create the demo profile, full of fictional data, without any prompt.

The passphrase comes from ``--passphrase-file`` or ``REFLECT_PASSPHRASE``, else the public
demo passphrase (the one ``reflect --demo`` and the lock screen use). ``--years N`` sets how
much history to generate (about 250 reflections and 104 check-ins a year); ``--replace``
deletes an existing demo profile first; ``--team N`` sets how many fictional team
contributions the demo holds as a coordinator (default 14). ``--json`` prints ``{"profile",
"data_dir", "passphrase_is_public", "years", "added"}``.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from reflect.commands.backup import describe_counts
from reflect.commands.common import (
    PASSPHRASE_ENV,
    paths_from,
    print_json,
    read_passphrase_file,
    tell_waiting,
)
from reflect.domain.errors import ReflectError


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "demo",
        help="create a demo profile full of fictional data (no prompts)",
        description="Create the demo profile with generated, clearly fictional data.",
    )
    parser.add_argument("--data-dir", default=argparse.SUPPRESS, help="data folder to use")
    parser.add_argument(
        "--years", type=int, default=1, help="years of history to generate (1-20, default 1)"
    )
    parser.add_argument(
        "--passphrase-file",
        help=f"read the passphrase from this file (else ${PASSPHRASE_ENV}, else the demo one)",
    )
    parser.add_argument(
        "--team",
        type=int,
        metavar="N",
        help="fictional team contributions the demo holds as a coordinator (0-200, default 14)",
    )
    parser.add_argument("--replace", action="store_true", help="delete an existing demo first")
    parser.add_argument("--json", action="store_true", help="print JSON (a stable interface)")
    parser.set_defaults(handler=run)


def _passphrase(args: argparse.Namespace) -> tuple[str, bool]:
    from reflect.services.demo import DEMO_PASSPHRASE

    if args.passphrase_file:
        return read_passphrase_file(args.passphrase_file), False
    env = os.environ.get(PASSPHRASE_ENV)
    return (env, False) if env else (DEMO_PASSPHRASE, True)


def _progress(quiet: bool) -> Callable[[int, str], None]:
    """A percentage on stderr while the demo is made, when a person is watching."""

    def report(percent: int, text: str) -> None:
        if not quiet and sys.stderr.isatty():
            print(f"\r{percent:3d}% {text:<40}", end="", file=sys.stderr, flush=True)

    return report


def run(args: argparse.Namespace) -> int:
    from reflect.services.backups import check_profile
    from reflect.services.demo import ensure_demo_profile, find_demo_profile
    from reflect.services.demo_team import MAX_DEMO_TEAM
    from reflect.services.profiles import ProfileService

    if not 1 <= args.years <= 20:
        raise ReflectError("--years goes from 1 to 20.")
    if args.team is not None and not 0 <= args.team <= MAX_DEMO_TEAM:
        raise ReflectError(f"--team goes from 0 to {MAX_DEMO_TEAM}.")
    passphrase, public = _passphrase(args)
    service = ProfileService(
        paths_from(args), fast_kdf=True, writer=True, on_lock_wait=tell_waiting
    )
    existing = find_demo_profile(service)
    if existing is not None:
        if not args.replace:
            raise ReflectError(
                f"A demo profile already exists in {service.paths.data_dir}; "
                "add --replace to make a new one."
            )
        service.delete(existing)
    started = time.perf_counter()
    info = ensure_demo_profile(
        service, _progress(args.json), years=args.years, passphrase=passphrase, team=args.team
    )
    session = service.unlock(info, passphrase)
    try:
        counts = check_profile(session).counts
    finally:
        session.close()
    shown = (
        "reflections",
        "follow_ups",
        "checkins",
        "instrument_results",
        "debriefs",
        "team_contributions",
    )
    added = {name: counts[name] for name in shown if name in counts}
    if not args.json and sys.stderr.isatty():
        print(file=sys.stderr)
    if args.json:
        print_json(
            {
                "profile": info.profile_id,
                "data_dir": str(service.paths.data_dir),
                "passphrase_is_public": public,
                "years": args.years,
                "added": added,
            }
        )
        return 0
    seconds = time.perf_counter() - started
    _tell(info.profile_id, service.paths.data_dir, seconds, added, public)
    return 0


def _tell(
    profile_id: str, data_dir: Path, seconds: float, added: dict[str, int], public: bool
) -> None:
    """What was made, in sentences (without ``--json``)."""
    print(f"Demo profile '{profile_id}' created in {data_dir} ({seconds:.1f} s).")
    print(describe_counts(added) + ". All of it is fictional.")
    if added.get("team_contributions"):
        print(
            f"It also holds {added['team_contributions']} fictional team contributions "
            "and is set up as a team coordinator."
        )
    if public:
        print(
            f"Open it with: reflect --demo --data-dir {data_dir}  "
            "(public demo passphrase: demo-passphrase)"
        )
