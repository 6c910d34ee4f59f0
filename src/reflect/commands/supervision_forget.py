"""``reflect supervision forget-key``: forget the signing key pinned for a supervisee or a
supervisor, on purpose (see services/signing_pins.py for why this exists).

Refused unless ``--compared`` says the signing fingerprints were compared with the person:
without it nothing changes, the safe default, as the window's confirmation defaults to Keep.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from reflect.commands.common import open_session, print_json
from reflect.domain.errors import ValidationError
from reflect.domain.terminal_text import terminal_safe

NOT_COMPARED = (
    "Forgetting a signing key lets the next file signed in this person's name be trusted, "
    "whoever wrote it. Compare signing fingerprints with them in person or by phone first, "
    "then add --compared. Nothing was changed."
)


def register(commands: Any, finish: Callable[..., None]) -> None:
    """Add ``forget-key`` to ``reflect supervision``'s actions (``finish`` adds the profile
    options and ``--json``, as for the others)."""
    help_text = "forget the signing key pinned for a supervisee or supervisor"
    parser = commands.add_parser("forget-key", help=help_text, description=help_text)
    add_arguments(parser)
    finish(parser, run_forget_key)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    who = parser.add_mutually_exclusive_group(required=True)
    who.add_argument("--supervisee", metavar="NAME", help="a supervisee (name or fingerprint)")
    who.add_argument("--supervisor", metavar="NAME", help="a supervisor (name or fingerprint)")
    parser.add_argument(
        "--compared",
        action="store_true",
        help="you compared signing fingerprints with the person in person or by phone",
    )


def run_forget_key(args: argparse.Namespace) -> int:
    if not args.compared:
        raise ValidationError(NOT_COMPARED)
    session = open_session(args, write=True)
    try:
        if args.supervisee is not None:
            person: Any = session.supervision.find_supervisee(args.supervisee)
            forgotten = session.supervision.pins.forget(person.recipient)
        else:
            person = session.supervision_send.find_supervisor(args.supervisor)
            forgotten = session.supervision_send.pins.forget(person.recipient)
    finally:
        session.close()
    data = {
        "who": "supervisee" if args.supervisee is not None else "supervisor",
        "name": person.name,
        "fingerprint": person.fingerprint,
        "forgotten": bool(forgotten),
        "signing_fingerprint": forgotten or None,
    }
    if args.json:
        print_json(data)
    elif forgotten:
        print(terminal_safe(f"Forgot the signing key of {person.name} ({forgotten})."))
        print("Their next signed file will be trusted in its place: import only one you know")
        print("is theirs.")
    else:
        print(terminal_safe(f"No signing key was pinned for {person.name}; nothing changed."))
    return 0
