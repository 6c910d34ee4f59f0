"""`reflect help-lines`: the crisis lines from Get help now, without opening a profile."""

from __future__ import annotations

import argparse
import textwrap

from reflect.commands.common import print_json
from reflect.domain.crisis_lines import COUNTRIES
from reflect.services.resources import shipped_crisis_directory


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "help-lines",
        help="print emergency and crisis lines (911 first, then 988 and the trafficking hotlines)",
        description="Print the crisis lines Reflect ships. Needs no profile and no passphrase.",
    )
    parser.add_argument(
        "--country", choices=sorted(COUNTRIES), default="CA", help="CA (default) or US"
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    directory = shipped_crisis_directory()
    lines = directory.lines_for(args.country)
    if args.json:
        print_json(
            {
                "country": args.country,
                "last_verified": directory.last_verified.isoformat(),
                "lines": [
                    {
                        "id": line.id,
                        "name": line.name,
                        "kind": line.kind,
                        "channels": [
                            {"type": c.type, "value": c.value, "detail": c.detail}
                            for c in line.channels
                        ],
                        "hours": line.hours,
                        "languages": line.languages,
                        "notes": line.notes,
                        "source": line.source,
                        "last_verified": (
                            line.last_verified.isoformat() if line.last_verified else None
                        ),
                    }
                    for line in lines
                ],
                "disclosure": directory.disclosure,
            }
        )
        print()
        return 0
    print(f"Get help now ({COUNTRIES[args.country]})\n")
    for line in lines:
        print(line.name)
        print("  " + "; ".join(c.describe() for c in line.channels))
        print(f"  {line.hours} · {line.languages}")
        if line.notes:
            print(textwrap.fill(line.notes, width=88, initial_indent="  ", subsequent_indent="  "))
        print()
    print(textwrap.fill(directory.disclosure, width=88))
    print(f"Numbers last checked {directory.last_verified.isoformat()}.")
    return 0
