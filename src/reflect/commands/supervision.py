"""``reflect supervision key|add-supervisor|add-supervisee|import|show|note|action|hours|
reply|forget-key``.

The supervisor's side on the command line (and the provider's key and supervisors). Every
action prints JSON with ``--json``; docs/cli.md shows each document. A packet that is not
sealed to this profile, is damaged, or was already imported exits 2 with one clear line.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from reflect.commands import supervision_forget, supervision_pairing
from reflect.commands.common import add_profile_arguments, open_session, print_json
from reflect.commands.supervision_pairing import check_fingerprint
from reflect.domain.debrief import AGENDA_IDS
from reflect.domain.kept_dates import is_kept
from reflect.domain.key_text import parse_key_text
from reflect.domain.supervision import SESSION_FORMATS, SESSION_KINDS, HoursEntry
from reflect.domain.terminal_text import terminal_safe
from reflect.services.session import Session
from reflect.services.supervision_show import supervision_record
from reflect.services.supervision_signing import signed, signing_fingerprint


def open_writer(args: argparse.Namespace, write: bool = True) -> Session:
    """A session holding the profile's writer lock when ``write``: every command here keeps
    something (a key pair made on first use, a packet, a note, an hour, a reply sent)."""
    return open_session(args, write=write)


def _day(text: str) -> date:
    try:
        day = date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-03-31") from exc
    if not is_kept(day):  # kept, it would stop this profile's archive from importing back
        raise argparse.ArgumentTypeError(
            f"'{text}' is outside the years Reflect keeps (1900 to 2199)"
        )
    return day


def _command(commands: Any, name: str, help_text: str) -> argparse.ArgumentParser:
    parser = commands.add_parser(name, help=help_text, description=help_text)
    return parser


def _finish(parser: argparse.ArgumentParser, handler: Any) -> None:
    add_profile_arguments(parser)
    parser.add_argument("--json", action="store_true", help="print JSON (a stable interface)")
    parser.set_defaults(handler=handler)


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "supervision",
        help="supervision key, supervisors, packets received, the record, replies",
        description="Sealed debrief packets and replies between a provider and a supervisor.",
    )
    commands = parser.add_subparsers(dest="supervision_command", metavar="ACTION", required=True)

    _finish(_command(commands, "key", "print this profile's public supervision key"), run_key)

    _add_supervisor_parser(commands)
    supervision_pairing.register(commands, _finish)

    imp = _command(commands, "import", "open a debrief packet and keep it in this profile")
    imp.add_argument("file")
    _finish(imp, run_import)

    show = _command(commands, "show", "everything this profile holds as a supervisor")
    show.add_argument(
        "--supervisee", metavar="NAME", help="only this supervisee (a name or a fingerprint)"
    )
    _finish(show, run_show)

    note = _command(commands, "note", "write a note for one agenda step of a packet")
    note.add_argument("packet_id")
    note.add_argument("step", choices=AGENDA_IDS)
    note.add_argument("text")
    note.add_argument("--share", action="store_true", help="send this note back in the reply")
    _finish(note, run_note)

    action = _command(commands, "action", "record an action agreed for a packet")
    action.add_argument("packet_id")
    action.add_argument("text")
    action.add_argument("--owner", default="")
    action.add_argument("--due", type=_day, metavar="DATE")
    _finish(action, run_action)

    hours = _command(commands, "hours", "log supervision hours, or export the log as CSV")
    hours.add_argument("--add", type=_day, metavar="DATE", help="log a session held that day")
    hours.add_argument("--minutes", type=int, default=60)
    hours.add_argument("--kind", choices=SESSION_KINDS, default="individual")
    hours.add_argument("--format", choices=SESSION_FORMATS, default="in_person")
    hours.add_argument("--supervisee", metavar="NAME", help="a name or a fingerprint")
    hours.add_argument("--csv", metavar="FILE", help="write the whole log as CSV (not encrypted)")
    _finish(hours, run_hours)

    supervision_forget.register(commands, _finish)

    reply = _command(commands, "reply", "write the sealed reply to a packet")
    reply.add_argument("packet_id")
    reply.add_argument("--out", required=True, metavar="FILE")
    reply.add_argument("--next", type=_day, metavar="DATE", help="the next session's date")
    reply.add_argument("--message", default="", help="a short message to the provider")
    reply.add_argument("--confirm-flagged", action="store_true")
    _finish(reply, run_reply)


def _add_supervisor_parser(commands: Any) -> None:
    add = _command(commands, "add-supervisor", "add a supervisor to send packets to")
    add.add_argument("name")
    # An age key, or a key text "age1… sign:…" that carries the signing key (domain.key_text).
    add.add_argument("recipient", metavar="AGE_RECIPIENT")
    add.add_argument(
        "--fingerprint", required=True, help="the fingerprint your supervisor reads to you"
    )
    add.add_argument("--signing-fingerprint", help="needed when the key text has sign:")
    _finish(add, run_add_supervisor)


def run_key(args: argparse.Namespace) -> int:
    session = open_writer(args)
    try:
        recipient, print_ = session.supervision.my_key()
        signing = session.supervision.my_signing_fingerprint()
        text = session.supervision.pins.my_key_text()
    finally:
        session.close()
    if args.json:
        print_json(
            {
                "recipient": recipient,
                "fingerprint": print_,
                "signing_fingerprint": signing,
                "signing_key": text.split("sign:", 1)[1],
                "key_text": text,
            }
        )
    else:
        print(recipient)
        print(f"fingerprint: {print_}")
        print(f"signing fingerprint: {signing}")
        print(f"key text (with the signing key): {text}")
    return 0


def run_add_supervisor(args: argparse.Namespace) -> int:
    from reflect.domain.supervision import fingerprint

    age, signing = parse_key_text(args.recipient)
    check_fingerprint(fingerprint("".join(age.split())), args.fingerprint)
    if signing:  # a key text carrying the signing key: its fingerprint is compared too
        check_fingerprint(fingerprint(signing), args.signing_fingerprint or "")
    session = open_writer(args)
    try:
        added = session.supervision_send.add_supervisor(args.name, args.recipient, True)
    finally:
        session.close()
    data = {
        "id": added.id,
        "name": added.name,
        "recipient": added.recipient,
        "fingerprint": added.fingerprint,
        "signing_fingerprint": fingerprint(signing) if signing else None,
    }
    if args.json:
        print_json(data)
    else:
        print(f"Added {added.name} ({added.fingerprint}).")
    return 0


def run_import(args: argparse.Namespace) -> int:
    session = open_writer(args)
    try:
        received = session.supervision.import_packet(Path(args.file))
    finally:
        session.close()
    packet = received.packet
    data = {
        "packet_id": packet.packet_id,
        "supervisee": received.supervisee.name,
        "fingerprint": received.supervisee.fingerprint,
        "title": packet.title,
        "scheduled_for": packet.scheduled_for.isoformat(timespec="minutes")
        if packet.scheduled_for
        else None,
        "items": len(packet.cards),
        "topics": list(packet.topics),
        "imported": True,
        "signed": signed(packet),
        "signing_fingerprint": signing_fingerprint(packet.sender.signing_key) or None,
    }
    if args.json:
        print_json(data)
    else:
        print(
            terminal_safe(
                f"Kept “{packet.title}” from {received.supervisee.name} "
                f"({data['items']} item(s), {len(packet.topics)} topic(s))."
            )
        )
        print(_signing_line(data["signing_fingerprint"]))
    return 0


_UNSIGNED = {"unsigned": "  (not signed)", "not_checked_here": "  (signature not checked here)"}


def run_show(args: argparse.Namespace) -> int:
    session = open_writer(args)
    try:
        data = supervision_record(session, args.supervisee)
    finally:
        session.close()
    if args.json:
        print_json(data)
        return 0
    print(f"My supervision key: {data['key']['recipient']} ({data['key']['fingerprint']})")
    for person in data["supervisees"]:
        print(terminal_safe(f"{person['name']}  ({person['fingerprint']})"))
        if person["agreement"]["review_due"]:
            print(f"  agreement review due {person['agreement']['review_on']}")
        for packet in person["packets"]:
            count = len(packet["items"])
            unsigned = _UNSIGNED.get(packet["signature"], "")  # see signature_state
            print(
                terminal_safe(
                    f"  {packet['packet_id'][:8]}  {packet['title']}  {count} item(s){unsigned}"
                )
            )
            for action in packet["agreed_actions"]:
                print(
                    terminal_safe(
                        f"    action: {action['text']}  {action['owner']}  {action['due'] or ''}"
                    )
                )
    for total in data["hours_totals"]:
        print(
            terminal_safe(
                f"hours {total['year']} {total['supervisee'] or '(group/other)'}: {total['hours']}"
            )
        )
    return 0


def run_note(args: argparse.Namespace) -> int:
    session = open_writer(args)
    try:
        session.supervision.save_note(args.packet_id, args.step, args.text, args.share)
    finally:
        session.close()
    data = {"packet_id": args.packet_id, "step": args.step, "shared": args.share, "saved": True}
    print_json(data) if args.json else print("Note saved.")
    return 0


def run_action(args: argparse.Namespace) -> int:
    session = open_writer(args)
    try:
        action_id = session.supervision.add_action(args.packet_id, args.text, args.owner, args.due)
    finally:
        session.close()
    data = {
        "id": action_id,
        "packet_id": args.packet_id,
        "text": " ".join(args.text.split()),
        "owner": args.owner,
        "due": args.due.isoformat() if args.due else None,
    }
    print_json(data) if args.json else print("Action recorded.")
    return 0


def run_hours(args: argparse.Namespace) -> int:
    from reflect.paths import write_private_file
    from reflect.services.output_target import check_output_target

    session = open_writer(args)
    try:
        # Checked before an hour is added: a refused CSV target leaves everything unchanged.
        target = (
            check_output_target(Path(args.csv), session.paths, overwrite=True) if args.csv else None
        )
        service = session.supervision
        added = None
        if args.add:
            who = service.find_supervisee(args.supervisee).id if args.supervisee else None
            added = service.log.add_hours(
                HoursEntry(args.add, args.minutes, args.kind, args.format, who)
            )
        if target is not None:
            write_private_file(target, service.log.hours_csv())
        totals = service.log.hours_totals()
        entries = len(service.log.hours())
    finally:
        session.close()
    data = {"added": added, "entries": entries, "totals": totals, "csv": args.csv}
    if args.json:
        print_json(data)
        return 0
    for total in totals:
        name = total["supervisee"] or "(group/other)"
        print(terminal_safe(f"{total['year']}  {name}: {total['hours']} h"))
    if args.csv:
        print(f"Wrote {args.csv}. It is NOT encrypted: keep it somewhere safe.")
    return 0


def run_reply(args: argparse.Namespace) -> int:
    out = Path(args.out).expanduser()
    session = open_writer(args)
    try:
        reply, flagged = session.supervision.send_reply(
            args.packet_id, out, args.next, args.message, args.confirm_flagged
        )
    finally:
        session.close()
    data = {
        "reply_id": reply.reply_id,
        "packet_id": reply.packet_id,
        "file": str(out),
        "actions": len(reply.actions),
        "notes_shared": [s for s, _ in reply.notes],
        "next_date": reply.next_date.isoformat() if reply.next_date else None,
        "flagged": [f.to_json() for f in flagged],
    }
    if args.json:
        print_json(data)
    else:
        print(f"Sealed the reply ({data['actions']} action(s)) into {out}.")
    return 0


def _signing_line(print_: object) -> str:
    if print_:
        return f"Signed (signing fingerprint {print_})."
    return "Not signed (sent by an older Reflect)."


def import_reply_if_sealed(args: argparse.Namespace, path: Path) -> int | None:
    """For ``reflect import FILE``: a sealed file is a supervisor's reply; anything else is
    left to the other importers (None)."""
    from reflect.services.supervision_inbox import is_sealed_file

    if not is_sealed_file(path):  # never opens a FIFO or a device: the importers refuse those
        return None
    session = open_writer(args, write=not args.dry_run)
    try:
        sender = session.supervision_send
        if args.dry_run:
            from reflect.storage.sealed_files import read_sealed_file

            reply = sender.open_reply(read_sealed_file(path, "supervisor's reply"))
            debrief_id, next_id, added = None, None, 0
        else:
            receipt = sender.import_reply(path)
            reply, debrief_id = receipt.reply, receipt.debrief_id
            next_id, added = receipt.next_debrief_id, receipt.actions_added
    finally:
        session.close()
    data = {
        "source": "supervision-reply",
        "file": str(path),
        "reply_id": reply.reply_id,
        "packet_id": reply.packet_id,
        "supervisor": reply.sender.name,
        "debrief_id": debrief_id,
        "next_debrief_id": next_id,
        "actions": [
            {"text": a.text, "owner": a.owner, "due": a.due.isoformat() if a.due else None}
            for a in reply.actions
        ],
        "notes": [{"step": s, "text": t} for s, t in reply.notes],
        "next_date": reply.next_date.isoformat() if reply.next_date else None,
        "written": {} if args.dry_run else {"follow_ups": added, "supervision_replies": 1},
        "dry_run": bool(args.dry_run),
        "signed": signed(reply),
        "signing_fingerprint": signing_fingerprint(reply.sender.signing_key) or None,
    }
    if args.json:
        print_json(data)
        return 0
    who = reply.sender.name or "your supervisor"
    print(terminal_safe(f"Reply from {who}: {len(reply.actions)} action(s)."))
    print(_signing_line(data["signing_fingerprint"]))
    if args.dry_run:
        print("Dry run: nothing was written.")
    else:
        print("The actions are on Home and in your next debrief.")
    return 0
