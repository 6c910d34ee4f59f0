"""What travels between a provider and a supervisor: debrief packets and replies.

Both are JSON documents sealed in age files by ``storage.sealed_files``. This module owns
their shape, in both directions: ``to_json`` writes exactly the fields below and nothing
else; ``packet_from_json`` / ``reply_from_json`` read a decrypted document field by field
and refuse unknown formats and versions, so a newer or hostile file is named, not guessed at.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from reflect.domain.debrief import AGENDA_IDS, SHARE_KINDS
from reflect.domain.errors import ValidationError
from reflect.domain.message import Clause, Message
from reflect.domain.sealed_json import ID_PATTERN, RECIPIENT_PATTERN, Fields, parse_limited
from reflect.domain.signed_envelope import KEY_PATTERN, canonical_b64

PACKET_FORMAT = "reflect-supervision-packet"
REPLY_FORMAT = "reflect-supervision-reply"
VERSION = 1
RATING_KEYS: tuple[str, ...] = ("safety", "useful", "heard")

_SHORT, _LINE, _LONG = 200, 2000, 20000


@dataclass(frozen=True)
class Sender:
    name: str
    recipient: str  # the sender's public age key, so the other side can answer
    signing_key: str = ""  # Ed25519 public key (base64) of a signed file; "" when unsigned

    def to_json(self) -> dict[str, str]:
        found = {"name": self.name, "recipient": self.recipient}
        if self.signing_key:  # absent from unsigned documents, as an older Reflect wrote them
            found["signing_key"] = self.signing_key
        return found


@dataclass(frozen=True)
class PacketBar:
    label: str
    value: float | None
    maximum: float
    text: str


@dataclass(frozen=True)
class PacketCard:
    kind: str
    title: str
    subtitle: str = ""
    lines: tuple[tuple[str, str], ...] = ()
    bars: tuple[PacketBar, ...] = ()


@dataclass(frozen=True)
class PacketAction:
    text: str
    owner: str = ""
    due: date | None = None
    done: bool = False


@dataclass(frozen=True)
class Packet:
    packet_id: str
    created_at: datetime
    sender: Sender
    title: str
    scheduled_for: datetime | None = None
    topics: tuple[str, ...] = ()
    cards: tuple[PacketCard, ...] = ()
    notes: tuple[tuple[str, str], ...] = ()  # (agenda step, text), only if the person ticked it
    actions: tuple[PacketAction, ...] = ()
    rating: dict[str, int] = field(default_factory=dict)  # only if the person chose to share

    def all_text(self) -> str:
        """Every string the packet carries: what the identity guard reads before sealing."""
        parts = [self.sender.name, self.title, *self.topics]
        for card in self.cards:
            parts += [card.title, card.subtitle, *(f"{a}: {b}" for a, b in card.lines)]
            parts += [f"{b.label}: {b.text}" for b in card.bars]
        parts += [text for _, text in self.notes]
        parts += [f"{a.text} {a.owner}" for a in self.actions]
        return "\n".join(p for p in parts if p)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": PACKET_FORMAT,
            "version": VERSION,
            "packet_id": self.packet_id,
            "created_at": self.created_at.isoformat(timespec="seconds"),
            "from": self.sender.to_json(),
            "debrief": {
                "title": self.title,
                "scheduled_for": _moment(self.scheduled_for),
                "topics": list(self.topics),
                "cards": [
                    {
                        "kind": c.kind,
                        "title": c.title,
                        "subtitle": c.subtitle,
                        "lines": [[a, b] for a, b in c.lines],
                        "bars": [
                            {
                                "label": b.label,
                                "value": b.value,
                                "maximum": b.maximum,
                                "text": b.text,
                            }
                            for b in c.bars
                        ],
                    }
                    for c in self.cards
                ],
                "notes": [{"step": s, "text": t} for s, t in self.notes],
                "actions": [_action_json(a) for a in self.actions],
            },
            "rating": dict(self.rating) or None,
        }


@dataclass(frozen=True)
class Reply:
    reply_id: str
    packet_id: str
    created_at: datetime
    sender: Sender
    actions: tuple[PacketAction, ...] = ()
    notes: tuple[tuple[str, str], ...] = ()
    next_date: date | None = None
    message: str = ""

    def all_text(self) -> str:
        parts = [self.sender.name, self.message, *(t for _, t in self.notes)]
        parts += [f"{a.text} {a.owner}" for a in self.actions]
        return "\n".join(p for p in parts if p)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": REPLY_FORMAT,
            "version": VERSION,
            "reply_id": self.reply_id,
            "packet_id": self.packet_id,
            "created_at": self.created_at.isoformat(timespec="seconds"),
            "from": self.sender.to_json(),
            "actions": [_action_json(a) for a in self.actions],
            "notes": [{"step": s, "text": t} for s, t in self.notes],
            "next_date": self.next_date.isoformat() if self.next_date else None,
            "message": self.message,
        }


def _moment(value: datetime | None) -> str | None:
    return value.isoformat(timespec="minutes") if value else None


def _action_json(action: PacketAction) -> dict[str, Any]:
    return {
        "text": action.text,
        "owner": action.owner,
        "due": action.due.isoformat() if action.due else None,
        "done": action.done,
    }


# --- reading ---------------------------------------------------------------------------------


# Which file was given instead of the one expected; written out per kind (see REFUSALS).
_WRONG_KIND = {
    PACKET_FORMAT: "This is a reply, not a debrief packet.",
    REPLY_FORMAT: "This is a debrief packet, not a supervisor's reply.",
}
_NOT_OURS = {
    PACKET_FORMAT: "This file is not a Reflect debrief packet.",
    REPLY_FORMAT: "This file is not a Reflect supervisor's reply.",
}
_OTHER_VERSION = {
    PACKET_FORMAT: "This debrief packet was written by a different version of Reflect (format "
    "version {version}); update Reflect to open it. Nothing was changed.",
    REPLY_FORMAT: "This supervisor's reply was written by a different version of Reflect "
    "(format version {version}); update Reflect to open it. Nothing was changed.",
}


def _check_format(data: dict[str, Any], expected: str) -> None:
    kind = data.get("format")
    if kind != expected:
        other = PACKET_FORMAT if expected == REPLY_FORMAT else REPLY_FORMAT
        if kind == other:
            raise ValidationError(_WRONG_KIND[expected])
        raise ValidationError(_NOT_OURS[expected])
    version = data.get("version")
    if version != VERSION:
        raise ValidationError(_OTHER_VERSION[expected], version=repr(version))


def _sender(f: Fields, data: dict[str, Any]) -> Sender:
    who = f.obj(data.get("from"), "from")
    key = who.get("signing_key")
    if key is not None and canonical_b64(key, KEY_PATTERN) is None:
        raise f.fail("from.signing_key", Message("is missing or malformed"))
    return Sender(
        name=" ".join(f.text(who, "name", "from", 80).split()),
        recipient=f.pattern(who, "recipient", "from", RECIPIENT_PATTERN),
        signing_key=key or "",
    )


def _actions(f: Fields, data: dict[str, Any], where: str) -> tuple[PacketAction, ...]:
    result = []
    for index, raw in enumerate(f.items(data, "actions", where, 200)):
        at = f"{where}.actions[{index}]"
        item = f.obj(raw, at)
        result.append(
            PacketAction(
                text=f.text(item, "text", at, _LINE, required=True),
                owner=f.text(item, "owner", at, _SHORT),
                due=f.day(item, "due", at),
                done=f.flag(item, "done", at),
            )
        )
    return tuple(result)


def _notes(f: Fields, data: dict[str, Any], where: str) -> tuple[tuple[str, str], ...]:
    notes: dict[str, str] = {}
    for index, raw in enumerate(f.items(data, "notes", where, len(AGENDA_IDS))):
        at = f"{where}.notes[{index}]"
        item = f.obj(raw, at)
        step = f.choice(item, "step", at, AGENDA_IDS)
        if step in notes:
            raise f.fail(at, Message("repeats an agenda step"))
        notes[step] = f.text(item, "text", at, _LONG)
    return tuple((s, notes[s]) for s in AGENDA_IDS if notes.get(s, "").strip())


def _card(f: Fields, raw: Any, at: str) -> PacketCard:
    item = f.obj(raw, at)
    lines = []
    for index, pair in enumerate(f.items(item, "lines", at, 200)):
        where = f"{at}.lines[{index}]"
        if not isinstance(pair, list) or len(pair) != 2:
            raise f.fail(where, Message("must be a label and a text"))
        holder = {"label": pair[0], "text": pair[1]}
        lines.append((f.text(holder, "label", where, _LINE), f.text(holder, "text", where, _LONG)))
    bars = []
    for index, raw_bar in enumerate(f.items(item, "bars", at, 100)):
        where = f"{at}.bars[{index}]"
        bar = f.obj(raw_bar, where)
        maximum = f.number(bar, "maximum", where, 0.0, 1000.0)
        bars.append(
            PacketBar(
                label=f.text(bar, "label", where, _SHORT),
                value=f.number(bar, "value", where, 0.0, 1000.0),
                maximum=maximum if maximum is not None else 0.0,
                text=f.text(bar, "text", where, _SHORT),
            )
        )
    return PacketCard(
        kind=f.choice(item, "kind", at, SHARE_KINDS),
        title=f.text(item, "title", at, _SHORT),
        subtitle=f.text(item, "subtitle", at, _SHORT),
        lines=tuple(lines),
        bars=tuple(bars),
    )


def _rating(f: Fields, data: dict[str, Any]) -> dict[str, int]:
    raw = data.get("rating")
    if raw is None:
        return {}
    item = f.obj(raw, "rating")
    result = {}
    for key in RATING_KEYS:
        value = f.whole(item, key, "rating", 1, 5)
        if value is not None:
            result[key] = value
    return result


def packet_from_json(data: dict[str, Any]) -> Packet:
    f = Fields("debrief packet")
    _check_format(data, PACKET_FORMAT)
    debrief = f.obj(data.get("debrief"), "debrief")
    topics = tuple(
        f.text({"topic": t}, "topic", f"debrief.topics[{i}]", _LINE)
        for i, t in enumerate(f.items(debrief, "topics", "debrief", 100))
    )
    created = f.moment(data, "created_at", "packet")
    if created is None:
        raise f.fail("packet.created_at", Message("is missing"))
    return Packet(
        packet_id=f.pattern(data, "packet_id", "packet", ID_PATTERN),
        created_at=created,
        sender=_sender(f, data),
        title=" ".join(f.text(debrief, "title", "debrief", _SHORT, required=True).split()),
        scheduled_for=f.moment(debrief, "scheduled_for", "debrief"),
        topics=topics,
        cards=tuple(
            _card(f, raw, f"debrief.cards[{i}]")
            for i, raw in enumerate(f.items(debrief, "cards", "debrief", 500))
        ),
        notes=_notes(f, debrief, "debrief"),
        actions=_actions(f, debrief, "debrief"),
        rating=_rating(f, data),
    )


def reply_from_json(data: dict[str, Any]) -> Reply:
    f = Fields("supervisor's reply")
    _check_format(data, REPLY_FORMAT)
    created = f.moment(data, "created_at", "reply")
    if created is None:
        raise f.fail("reply.created_at", Message("is missing"))
    return Reply(
        reply_id=f.pattern(data, "reply_id", "reply", ID_PATTERN),
        packet_id=f.pattern(data, "packet_id", "reply", ID_PATTERN),
        created_at=created,
        sender=_sender(f, data),
        actions=_actions(f, data, "reply"),
        notes=_notes(f, data, "reply"),
        next_date=f.day(data, "next_date", "reply"),
        message=f.text(data, "message", "reply", _LONG),
    )


def read_packet(data: bytes) -> Packet:
    return packet_from_json(parse_limited(data, "debrief packet"))


def packet_bytes(packet: Packet) -> bytes:
    """The packet as it is sealed, read back the way the supervisor's Reflect will read it.

    The provider's app sets no limit of its own on what a debrief shares; a packet the
    reader would refuse (more cards, or longer ones, than it takes) is refused here, before
    anything is sealed, instead of reaching a supervisor who cannot open it.
    """
    data = json.dumps(packet.to_json(), ensure_ascii=False).encode("utf-8")
    try:
        read_packet(data)
    except ValidationError as exc:
        raise ValidationError(
            "Your supervisor's Reflect could not open this packet ({problem}). Share fewer "
            "or shorter items, then send it again. Nothing was written.",
            problem=Clause(exc.message),
        ) from exc
    return data


def reply_bytes(reply: Reply) -> bytes:
    """The reply as it is sealed, read back the way the provider's Reflect will read it."""
    data = json.dumps(reply.to_json(), ensure_ascii=False).encode("utf-8")
    try:
        read_reply(data)
    except ValidationError as exc:
        raise ValidationError(
            "The provider's Reflect could not open this reply ({problem}). Shorten it, "
            "then send it again. Nothing was written.",
            problem=Clause(exc.message),
        ) from exc
    return data


def read_reply(data: bytes) -> Reply:
    return reply_from_json(parse_limited(data, "supervisor's reply"))


def sniff_format(data: bytes) -> str:
    """ "packet", "reply" or "" from a decrypted document, without validating the rest."""
    try:
        kind = parse_limited(data, "file").get("format")
    except ValidationError:
        return ""
    return {PACKET_FORMAT: "packet", REPLY_FORMAT: "reply"}.get(str(kind), "")
