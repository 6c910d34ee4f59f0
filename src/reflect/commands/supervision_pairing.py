"""``reflect supervision add-supervisee``: the supervisor adds a supervisee from their key text
before their first packet, so that packet is checked against a signing key confirmed in
person (services/supervisee_pairing.py). Like ``add-supervisor``, both fingerprints the
person reads out must be given and must match the key text, or nothing is added.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from reflect.commands.common import open_session, print_json
from reflect.domain.errors import ValidationError
from reflect.domain.key_text import parse_key_text
from reflect.domain.supervision import check_recipient, fingerprint
from reflect.domain.terminal_text import terminal_safe
from reflect.services.supervisee_pairing import NO_SIGNING_KEY


def register(commands: Any, finish: Callable[..., None]) -> None:
    """Add ``add-supervisee`` to ``reflect supervision``'s actions (``finish`` adds the profile
    options and ``--json``, as for the others)."""
    help_text = "add a supervisee from their key text, before their first packet"
    parser = commands.add_parser("add-supervisee", help=help_text, description=help_text)
    parser.add_argument("name")
    parser.add_argument("key_text", metavar="KEY_TEXT", help="their key text: age1… sign:…")
    parser.add_argument(
        "--fingerprint", required=True, help="the fingerprint your supervisee reads to you"
    )
    parser.add_argument(
        "--signing-fingerprint",
        required=True,
        help="the signing fingerprint your supervisee reads to you",
    )
    finish(parser, run_add_supervisee)


def check_fingerprint(expected: str, given: str) -> None:
    if "".join(given.split()).upper() != expected.replace(" ", ""):
        raise ValidationError(
            "That fingerprint does not match the key: the key may have been changed or "
            "mistyped. Nothing was added."
        )


def run_add_supervisee(args: argparse.Namespace) -> int:
    # Checked before the profile is opened: a wrong fingerprint changes nothing.
    age, signing = parse_key_text(args.key_text)
    if not signing:
        check_recipient(age)  # a damaged age key is said to be damaged first
        raise ValidationError(NO_SIGNING_KEY)
    check_fingerprint(fingerprint("".join(age.split())), args.fingerprint)
    check_fingerprint(fingerprint(signing), args.signing_fingerprint)
    session = open_session(args, write=True)
    try:
        paired = session.supervision.pairing.expect_supervisee(args.name, args.key_text, True)
    finally:
        session.close()
    person = paired.supervisee
    data = {
        "id": person.id,
        "name": person.name,
        "recipient": person.recipient,
        "fingerprint": person.fingerprint,
        "signing_fingerprint": paired.signing_fingerprint,
        "new": paired.new,
    }
    if args.json:
        print_json(data)
    elif paired.new:
        print(terminal_safe(f"Added {person.name} ({person.fingerprint})."))
        print("Their first packet will be checked against the signing key you confirmed.")
    else:
        print(terminal_safe(f"{person.name} ({person.fingerprint}) was already a supervisee;"))
        print("their signing key is now the one you confirmed.")
    return 0
