"""`reflect instruments`: list the instrument definitions Reflect can score."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from reflect.commands.common import paths_from, print_json, tell_waiting
from reflect.domain.instrument_scoring import subscale_range
from reflect.services.instruments import InstrumentService


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "instruments",
        help="list the questionnaires Reflect can score (shipped and imported)",
        description=(
            "List instrument definitions: shipped scoring keys and any your organisation imported."
        ),
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument(
        "--import",
        dest="import_file",
        metavar="FILE",
        help="validate a definition file (JSON or TOML) and add it to the data folder",
    )
    # SUPPRESS keeps "reflect --data-dir X instruments" working (a None default would win).
    parser.add_argument(
        "--data-dir",
        default=argparse.SUPPRESS,
        help="data folder (default: the platform's user data folder)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    service = InstrumentService(paths_from(args))
    if args.import_file:
        imported = service.import_definition(Path(args.import_file), on_lock_wait=tell_waiting)
        print(f"Imported {imported.short_name} ({imported.id}).", file=sys.stderr)
    rows: list[dict[str, Any]] = []
    for d in service.definitions():
        rows.append(
            {
                "id": d.id,
                "name": d.name,
                "short_name": d.short_name,
                "items": d.item_count,
                "time_frame": d.time_frame,
                "scale": [d.scale.minimum, d.scale.maximum],
                "subscales": [
                    {
                        "id": s.id,
                        "label": s.label,
                        "items": list(s.items),
                        "range": list(subscale_range(d, s)),
                        "has_bands": bool(s.bands),
                    }
                    for s in d.subscales
                ],
                "source": "imported" if service.is_imported(d.id) else "shipped",
                "item_text": d.has_item_text,
                "citation": d.citation,
            }
        )
    if args.json:
        print_json(rows)
    else:
        print(f"{'ID':<10} {'NAME':<12} {'ITEMS':>5}  {'SCALE':<6} {'SOURCE':<9} SUBSCALES")
        for row in rows:
            scale = f"{row['scale'][0]}-{row['scale'][1]}"
            subs = ", ".join(s["id"] for s in row["subscales"])
            print(
                f"{row['id']:<10} {row['short_name']:<12} {row['items']:>5}  "
                f"{scale:<6} {row['source']:<9} {subs}"
            )
    for problem in service.problems:
        print(f"warning: skipped an imported file: {problem}", file=sys.stderr)
    return 0
