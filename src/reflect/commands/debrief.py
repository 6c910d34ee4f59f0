"""``reflect debrief list|show|packet``: debriefs, exactly what one shares, its sealed packet.

``list --json``: ``{"debriefs": [{"id", "title", "supervisor", "scheduled_for",
"completed", "shared": {"reflection", "checkin", "chart"}, "open_actions"}]}``.
``show ID --json``: ``{"id", "title", "supervisor", "scheduled_for", "completed_at",
"topics", "items": [{"kind", "title", "subtitle", "lines": [[label, text]], "bars":
[{"label", "value", "maximum", "text"}]}], "notes": [{"step", "text"}], "actions": [{"id",
"text", "owner", "due", "done"}], "packets_sent": [...], "replies": [...]}``: only the shared
view, the same one debrief mode and the exports show.
``packet ID --to AGE_RECIPIENT --out FILE --json``: ``{"packet_id", "file", "to",
"fingerprint", "items", "with_notes", "flagged": [{"where", "kind", "text"}]}``.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from reflect.commands.common import add_profile_arguments, open_session, print_json
from reflect.domain.errors import ValidationError
from reflect.domain.supervision import fingerprint


def _debrief_id(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError("a debrief number, as 'reflect debrief list' shows it")
    return int(text)


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "debrief",
        help="list debriefs, show what one shares, or seal it as a packet for a supervisor",
        description="Debriefs prepared in this profile (only what each one shares).",
    )
    commands = parser.add_subparsers(dest="debrief_command", metavar="ACTION", required=True)

    listing = commands.add_parser("list", help="every debrief, newest first")
    add_profile_arguments(listing)
    listing.add_argument("--json", action="store_true", help="print JSON (a stable interface)")
    listing.set_defaults(handler=run_list)

    show = commands.add_parser("show", help="exactly what one debrief shares")
    show.add_argument("id", type=_debrief_id, help="the debrief's number")
    add_profile_arguments(show)
    show.add_argument("--json", action="store_true", help="print JSON (a stable interface)")
    show.set_defaults(handler=run_show)

    packet = commands.add_parser("packet", help="write the sealed packet of a debrief")
    packet.add_argument("id", type=_debrief_id, help="the debrief's number")
    packet.add_argument("--to", required=True, metavar="AGE_RECIPIENT", help="supervisor's key")
    packet.add_argument("--out", required=True, metavar="FILE", help="where to write the packet")
    packet.add_argument(
        "--with-notes", action="store_true", help="include my notes and agreed actions"
    )
    packet.add_argument(
        "--confirm-flagged",
        action="store_true",
        help="seal even if the identity guard noticed something (after checking it)",
    )
    packet.add_argument("--from-name", help="the name the supervisor sees (default: profile's)")
    add_profile_arguments(packet)
    packet.add_argument("--json", action="store_true", help="print JSON (a stable interface)")
    packet.set_defaults(handler=run_packet)


def _iso(value: Any) -> str | None:
    return value.isoformat(timespec="minutes") if value else None


def run_list(args: argparse.Namespace) -> int:
    session = open_session(args)
    try:
        debriefs = session.debrief.history()
        open_by: dict[int | None, int] = {}
        for action in session.debrief.open_actions():
            open_by[action.debrief_id] = open_by.get(action.debrief_id, 0) + 1
    finally:
        session.close()
    rows: list[dict[str, Any]] = [
        {
            "id": d.id,
            "title": d.title,
            "supervisor": d.supervisor,
            "scheduled_for": _iso(d.scheduled_for),
            "completed": d.is_completed,
            "shared": {
                k: sum(1 for s in d.shared if s[0] == k) for k in ("reflection", "checkin", "chart")
            },
            "open_actions": open_by.get(d.id, 0),
        }
        for d in debriefs
    ]
    if args.json:
        print_json({"debriefs": rows})
        return 0
    if not rows:
        print("No debriefs yet.")
    for row in rows:
        when = (row["scheduled_for"] or "").replace("T", " ")
        shared = row["shared"]
        print(
            f"{row['id']:>4}  {when:16}  {row['title']}  ({shared['reflection']} reflection(s), "
            f"{shared['checkin']} check-in(s), {shared['chart']} chart(s))"
        )
    return 0


def _view_json(view: Any) -> dict[str, Any]:
    return {
        "id": view.debrief_id,
        "title": view.title,
        "supervisor": view.supervisor,
        "scheduled_for": _iso(view.scheduled_for),
        "completed_at": _iso(view.completed_at),
        "topics": list(view.topics),
        "items": [
            {
                "kind": c.kind,
                "title": c.title,
                "subtitle": c.subtitle,
                "lines": [[a, b] for a, b in c.lines],
                "bars": [
                    {"label": b.label, "value": b.value, "maximum": b.maximum, "text": b.text}
                    for b in c.bars
                ],
            }
            for c in view.cards
        ],
        "notes": [{"step": s, "text": t} for s, t in view.notes if t.strip()],
        "actions": [
            {
                "id": a.id,
                "text": a.text,
                "owner": a.owner,
                "due": a.due.isoformat() if a.due else None,
                "done": a.done,
            }
            for a in view.actions
        ],
    }


def run_show(args: argparse.Namespace) -> int:
    session = open_session(args)
    try:
        if session.debrief.get(args.id) is None:
            raise ValidationError(f"There is no debrief {args.id}; see 'reflect debrief list'.")
        view = session.debrief.shared_view(args.id)
        data = _view_json(view)
        data["packets_sent"] = session.supervision_send.sent_for(args.id)  # reads only
        data["replies"] = session.supervision_send.replies(args.id)
    finally:
        session.close()
    if args.json:
        print_json(data)
        return 0
    print(f"{data['title']}  ({(data['scheduled_for'] or '').replace('T', ' ')})")
    for topic in data["topics"]:
        print(f"  topic: {topic}")
    for item in data["items"]:
        print(f"  [{item['kind']}] {item['title']}  {item['subtitle']}")
        for label, text in item["lines"]:
            print(f"      {label}: {text}")
    for note in data["notes"]:
        print(f"  note ({note['step']}): {note['text']}")
    for action in data["actions"]:
        mark = "x" if action["done"] else " "
        print(f"  [{mark}] {action['text']}  {action['owner']}  {action['due'] or ''}")
    for reply in data["replies"]:
        print(f"  reply from {reply['supervisor'] or 'supervisor'} ({reply['received_at']})")
    return 0


def run_packet(args: argparse.Namespace) -> int:
    from reflect.commands.supervision import open_writer

    out = Path(args.out).expanduser()
    session = open_writer(args)  # records the packet sent (and may make the key pair)
    try:
        if session.debrief.get(args.id) is None:
            raise ValidationError(f"There is no debrief {args.id}; see 'reflect debrief list'.")
        packet, flagged = session.supervision_send.send_packet(
            args.id,
            args.to,
            out,
            with_notes=args.with_notes,
            flagged_confirmed=args.confirm_flagged,
            from_name=args.from_name,
        )
    finally:
        session.close()
    data = {
        "packet_id": packet.packet_id,
        "file": str(out),
        "to": args.to.strip(),
        "fingerprint": fingerprint(args.to.strip()),
        "items": len(packet.cards),
        "with_notes": args.with_notes,
        "flagged": [f.to_json() for f in flagged],
    }
    if args.json:
        print_json(data)
        return 0
    print(f"Sealed {data['items']} item(s) for {data['fingerprint']} into {out}.")
    print("Only the person holding that key (and this profile) can open it.")
    return 0
