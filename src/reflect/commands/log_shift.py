"""``reflect log-shift``: record a shift's exposure from the command line.

Prints one line, or with ``--json`` a stable document: ``{"id", "day", "hours",
"encounters", "disclosures", "material", "crises", "critical", "has_outline",
"identity_warning", "self_checks": [{"kind", "due"}]}``. Fields may be added, never renamed.
The outline itself is never echoed (a terminal's scrollback is not encrypted).
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date
from typing import Any

from reflect.commands.common import add_profile_arguments, open_session, print_json
from reflect.domain.exposure import MAX_COUNT, MAX_HOURS, ShiftLog
from reflect.domain.identity_guard import find_identifiers, summary


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-03-31") from exc


# Plain digits only: str.isdigit() also accepts '²' (which int() then refuses with argparse's
# "invalid _count value"), and float() reads '1_0' as 10 and 'nan' as a number.
_WHOLE = re.compile(r"[0-9]{1,6}")
_DECIMAL = re.compile(r"[0-9]{1,4}(?:[.,][0-9]{1,4})?")


def _count(text: str) -> int:
    text = text.strip()
    if not _WHOLE.fullmatch(text) or int(text) > MAX_COUNT:
        raise argparse.ArgumentTypeError(f"a whole number from 0 to {MAX_COUNT}")
    return int(text)


def _hours(text: str) -> float:
    text = text.strip()
    if not _DECIMAL.fullmatch(text):
        raise argparse.ArgumentTypeError(f"hours is a number from 0 to {MAX_HOURS:g}")
    value = float(text.replace(",", "."))
    if not 0 <= value <= MAX_HOURS:
        raise argparse.ArgumentTypeError(f"hours is a number from 0 to {MAX_HOURS:g}")
    return value


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "log-shift",
        help="record a shift's exposure (hours, encounters, disclosures, crises...)",
        description=(
            "Record what a shift put you through, in numbers only. Every value is optional; "
            "give at least one. The record stays in your encrypted profile."
        ),
    )
    parser.add_argument("--hours", type=_hours, metavar="H", help="hours worked")
    parser.add_argument("--encounters", type=_count, metavar="N", help="people met")
    parser.add_argument(
        "--disclosures", type=_count, metavar="N", help="disclosures of trauma heard"
    )
    parser.add_argument(
        "--material", type=_count, metavar="N", help="times traumatic images or material seen"
    )
    parser.add_argument("--crises", type=_count, metavar="N", help="crises handled")
    parser.add_argument("--critical", action="store_true", help="there was a critical incident")
    parser.add_argument(
        "--outline",
        default="",
        metavar="TEXT",
        help="with --critical: one line, no names or identifying details",
    )
    parser.add_argument(
        "--self-checks",
        action="store_true",
        help="with --critical: plan the two gentle self-checks (about 3 days and a month on)",
    )
    parser.add_argument(
        "--date", dest="day", type=_day, metavar="YYYY-MM-DD", help="the shift's day (today)"
    )
    parser.add_argument("--json", action="store_true", help="print JSON")
    add_profile_arguments(parser)
    parser.set_defaults(handler=run)


def as_json(log: ShiftLog, warning: str, checks: list[Any]) -> dict[str, Any]:
    return {
        "id": log.id,
        "day": log.day.isoformat(),
        "hours": log.hours,
        "encounters": log.encounters,
        "disclosures": log.disclosures,
        "material": log.material,
        "crises": log.crises,
        "critical": log.critical,
        "has_outline": bool(log.outline),
        "identity_warning": warning,
        "self_checks": [{"kind": c.kind, "due": c.due.isoformat()} for c in checks],
    }


def run(args: argparse.Namespace) -> int:
    if args.outline and not args.critical:
        from reflect.domain.errors import ValidationError

        raise ValidationError("--outline goes with --critical (a one-line outline of it).")
    # The guard warns, as in the app; it never blocks what the person chose to write.
    findings = find_identifiers(args.outline) if args.outline else []
    warning = ""
    if findings:
        warning = (
            f"The outline may identify someone: it looks like {summary(findings)}. "
            "Consider leaving identifying details out."
        )
    session = open_session(args, write=True)
    try:
        log = session.exposure.log_shift(
            day=args.day,
            hours=args.hours,
            encounters=args.encounters,
            disclosures=args.disclosures,
            material=args.material,
            crises=args.crises,
            critical=args.critical,
            outline=args.outline,
            self_checks=args.self_checks,
        )
        checks = [c for c in session.exposure.self_checks() if c.shift_id == log.id]
    finally:
        session.close()
    if warning:
        print(warning, file=sys.stderr)
    if args.json:
        print_json(as_json(log, warning, checks))
    else:
        extra = f"; self-checks on {', '.join(c.due.isoformat() for c in checks)}" if checks else ""
        print(f"Shift logged for {log.day.isoformat()}{extra}.")
    return 0
