"""The provider's side: my supervision key, my supervisors, sealing a debrief packet and
taking in a supervisor's reply.

What goes into a packet is read from the debrief's shared view (services.debrief), the same
object debrief mode and the exports use, so a reflection (or part of one) that is not shared
cannot reach a packet: there is no path from the journal to a packet except that view.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reflect.domain.debrief import Debrief
from reflect.domain.errors import ValidationError
from reflect.domain.identity_guard import Finding, find_identifiers
from reflect.domain.key_text import parse_key_text
from reflect.domain.reflection import FollowUp
from reflect.domain.supervision import (
    Supervisor,
    check_rating,
    clean_name,
    fingerprint,
    people_called,
)
from reflect.domain.supervision_messages import (
    Packet,
    PacketAction,
    PacketBar,
    PacketCard,
    Reply,
    Sender,
    packet_bytes,
    sniff_format,
)
from reflect.domain.words import ENGLISH, Words
from reflect.services.output_target import check_output_target
from reflect.services.signing_pins import SigningPins
from reflect.services.supervision_signing import (
    open_reply_document,
    seal_packet,
    signed,
    signing_fingerprint,
)
from reflect.storage.sealed_files import (
    NotSealedForThisProfile,
    check_recipient,
    open_sealed,
    read_sealed_file,
    write_sealed_file,
)

if TYPE_CHECKING:
    import sqlite_utils

    from reflect.services.debrief import DebriefService
    from reflect.storage.debrief_repository import DebriefRepository
    from reflect.storage.supervision_keys import SupervisionKeyRepository

Clock = Callable[[], datetime]


@dataclass(frozen=True)
class Flag:
    """Something the identity guard noticed in a packet, and where."""

    where: str
    finding: Finding

    def to_json(self) -> dict[str, str]:
        return {"where": self.where, "kind": self.finding.kind, "text": self.finding.text}


@dataclass(frozen=True)
class ReplyReceipt:
    reply: Reply
    debrief_id: int
    next_debrief_id: int | None
    actions_added: int


def new_id() -> str:
    return secrets.token_hex(16)


class SupervisionSender:
    def __init__(
        self,
        db: sqlite_utils.Database,
        keys: SupervisionKeyRepository,
        debriefs: DebriefService,
        debrief_repo: DebriefRepository,
        display_name: str = "",
        clock: Clock = datetime.now,
    ) -> None:
        self._db = db
        self._keys = keys
        self._debriefs = debriefs
        self._debrief_repo = debrief_repo
        self._display_name = display_name
        self._clock = clock
        self.pins = SigningPins(keys)  # forgetting a pinned signing key

    # --- keys and supervisors -----------------------------------------------------------

    def my_key(self) -> tuple[str, str]:
        """(public recipient ``age1…``, fingerprint); the key pair is made on first need."""
        _, recipient = self._keys.identity()
        return recipient, fingerprint(recipient)

    def my_signing_fingerprint(self) -> str:
        """The fingerprint of this profile's signing key (made on first need), to compare."""
        return signing_fingerprint(self._keys.signing_key()[1])

    def signing_fingerprint_of(self, recipient: str) -> str:
        """The fingerprint of the signing key pinned for a supervisor, or "" if none yet."""
        return signing_fingerprint(self._keys.pinned(recipient) or "")

    def my_identity(self) -> str | None:
        """The secret key, if this profile has one yet (never made just to open a file)."""
        found = self._keys.existing_identity()
        return found[0] if found else None

    def supervisors(self) -> list[Supervisor]:
        return self._keys.supervisors()

    def add_supervisor(self, name: str, recipient: str, fingerprint_confirmed: bool) -> Supervisor:
        """Added only once the person has compared the fingerprint with the supervisor's
        (both fingerprints, when ``recipient`` is a key text carrying a signing key)."""
        if not fingerprint_confirmed:
            raise ValidationError(
                "Compare the fingerprint with the one your supervisor sees, then confirm it."
            )
        # A key text may carry the supervisor's signing key (domain.key_text): it is then
        # pinned now, confirmed at pairing, and checks even their first reply.
        age, signing = parse_key_text(recipient)
        key = check_recipient(age)  # its checksum too, as for a key pasted alone
        if key == self.my_key()[0]:
            raise ValidationError("That is this profile's own key, not your supervisor's.")
        self.pins.check_pairing(key, signing)
        return self._keys.save_supervisor(
            Supervisor(clean_name(name, "supervisor's name"), key, self._clock()), signing
        )

    def remove_supervisor(self, supervisor_id: int) -> None:
        self._keys.delete_supervisor(supervisor_id)

    def find_supervisor(self, name: str) -> Supervisor:
        """The supervisor with this name, or with this fingerprint (two can share a name)."""
        found = people_called(self.supervisors(), name)
        if len(found) > 1:
            raise ValidationError(
                "{count} supervisors are called {name}; give the fingerprint of the one you "
                "mean instead (Settings lists them).",
                count=len(found),
                name=repr(name),
            )
        if not found:
            raise ValidationError("No supervisor called {name} in this profile.", name=repr(name))
        return found[0]

    # --- building and sealing a packet ------------------------------------------------------

    def build_packet(
        self,
        debrief_id: int,
        with_notes: bool = False,
        rating: dict[str, int] | None = None,
        from_name: str | None = None,
        words: Words = ENGLISH,
    ) -> Packet:
        """The packet of a saved debrief: only its shared view, its topics and (if ticked)
        the provider's notes and the actions agreed in it."""
        view = self._debriefs.shared_view(debrief_id, words)
        cards = tuple(
            PacketCard(
                kind=c.kind,
                title=c.title,
                subtitle=c.subtitle,
                lines=c.lines,
                bars=tuple(PacketBar(b.label, b.value, b.maximum, b.text) for b in c.bars),
            )
            for c in view.cards
        )
        notes = tuple((s, t) for s, t in view.notes if t.strip()) if with_notes else ()
        actions = (
            tuple(PacketAction(a.text, a.owner, a.due, a.done) for a in view.actions)
            if with_notes
            else ()
        )
        name = self._display_name if from_name is None else from_name
        return Packet(
            packet_id=new_id(),
            created_at=self._clock().replace(microsecond=0),
            sender=Sender(
                " ".join(name.split())[:80], self.my_key()[0], self._keys.signing_key()[1]
            ),
            title=view.title,
            scheduled_for=view.scheduled_for,
            topics=view.topics,
            cards=cards,
            notes=notes,
            actions=actions,
            rating=check_rating(rating) if rating else {},
        )

    @staticmethod
    def flags(packet: Packet) -> list[Flag]:
        """What the identity guard notices in everything the packet carries (the sender's
        own name aside: it is the provider's, given on purpose)."""
        places: list[tuple[str, str]] = [("title", packet.title)]
        places += [("topic", t) for t in packet.topics]
        for card in packet.cards:
            places += [(card.title, card.subtitle)]
            places += [(f"{card.title} · {label}", text) for label, text in card.lines]
        places += [(f"note {step}", text) for step, text in packet.notes]
        places += [("action", f"{a.text} {a.owner}".strip()) for a in packet.actions]
        return [Flag(where, f) for where, text in places for f in find_identifiers(text)]

    def seal_packet(self, packet: Packet, recipient: str) -> bytes:
        """Signed, then sealed to the supervisor AND to this profile, so the provider can
        reopen it."""
        recipients = [check_recipient(recipient), self.my_key()[0]]
        return seal_packet(self._keys, packet_bytes(packet), recipients)

    def send_packet(
        self,
        debrief_id: int,
        recipient: str,
        out: Path,
        with_notes: bool = False,
        flagged_confirmed: bool = False,
        rating: dict[str, int] | None = None,
        from_name: str | None = None,
        words: Words = ENGLISH,
    ) -> tuple[Packet, list[Flag]]:
        """Write the sealed packet of ``debrief_id`` to ``out``. If the identity guard flags
        anything and the person has not confirmed it, nothing is written."""
        key = check_recipient(recipient)
        check_output_target(out, None, overwrite=True)  # never over a profile's vault
        packet = self.build_packet(debrief_id, with_notes, rating, from_name, words)
        found = self.flags(packet)
        if found and not flagged_confirmed:
            listed = "; ".join(f"{f.finding.label} in {f.where}" for f in found[:5])
            raise ValidationError(
                "The identity guard noticed {count} thing(s) that could identify someone "
                "({listed}). Check the debrief, then confirm to send anyway. Nothing was "
                "written.",
                count=len(found),
                listed=listed,
            )
        sealed = self.seal_packet(packet, key)
        # Recorded before the file is written: killed in between, a packet on disk that this
        # profile does not know would have its reply refused. A failed write takes it back.
        self._keys.record_sent(packet.packet_id, debrief_id, key, with_notes)
        try:
            write_sealed_file(out, sealed)
        except BaseException:
            self._keys.forget_sent(packet.packet_id)
            raise
        return packet, found

    # --- a supervisor's reply -------------------------------------------------------------

    def open_reply(self, data: bytes) -> Reply:
        # Opening never creates a key: a file cannot be for a profile that has none yet.
        found = self._keys.existing_identity()
        if found is None:
            raise NotSealedForThisProfile(
                "This supervisor's reply was sealed for someone else's key, not this profile's. "
                "Nothing was changed."
            )
        plain = open_sealed(data, found[0], "supervisor's reply")
        if sniff_format(plain) == "packet":
            raise ValidationError(
                "This is a debrief packet, not a reply: open it in the supervisor's profile "
                "(reflect supervision import). Nothing was changed."
            )
        return open_reply_document(self._keys, plain, found[1])

    def import_reply(self, path: Path) -> ReplyReceipt:
        data = read_sealed_file(path, "supervisor's reply")
        reply = self.open_reply(data)
        digest = hashlib.sha256(data).hexdigest()
        if self._keys.has_reply(reply.reply_id, digest):
            raise ValidationError("This reply was already imported; nothing was added.")
        sent = self._keys.sent(reply.packet_id)
        if sent is None:
            raise ValidationError(
                "This reply answers a packet this profile did not send. Nothing was changed."
            )
        debrief = self._debrief_repo.get(int(sent["debrief_id"]))
        with self._db.atomic():  # the reply and its actions: all or nothing
            if debrief is None or debrief.id is None:
                # The debrief was deleted since: the actions still need a home to show in.
                debrief = self._debrief_repo.add(
                    Debrief(title=f"Reply from {reply.sender.name or 'my supervisor'}")
                )
            assert debrief.id is not None
            # A second reply to the same packet carries every action agreed for it again:
            # one the debrief already holds (same text, owner and date) is not added twice.
            held = {(a.text, a.owner, a.due) for a in self._debrief_repo.actions_for(debrief.id)}
            added = 0
            for action in reply.actions:
                if (action.text, action.owner, action.due) in held:
                    continue
                held.add((action.text, action.owner, action.due))
                added += 1
                self._debrief_repo.actions.add(
                    FollowUp(
                        text=action.text,
                        owner=action.owner,
                        due=action.due,
                        done_at=self._clock().replace(microsecond=0) if action.done else None,
                        debrief_id=debrief.id,
                        created_at=self._clock(),
                    )
                )
            next_id = self._next_debrief(reply, debrief)
            self._keys.add_reply(self._reply_row(reply, digest, debrief.id, next_id))
            # Trust on first use: later replies must carry the same key. Checked again in this
            # transaction: a key pinned since the reply was read refuses it.
            self._keys.pin(str(sent["recipient"]), reply.sender.signing_key)
        return ReplyReceipt(reply, debrief.id, next_id, added)

    def _next_debrief(self, reply: Reply, debrief: Debrief) -> int | None:
        """The next date becomes a planned debrief (the reply's open actions carry into it)."""
        if reply.next_date is None:
            return None
        when = datetime.combine(reply.next_date, time(10, 0))
        for existing in self._debrief_repo.history():
            if existing.scheduled_for == when:
                return existing.id
        planned = self._debrief_repo.add(
            Debrief(
                title=f"Supervision {reply.next_date.isoformat()}",
                supervisor=reply.sender.name or debrief.supervisor,
                scheduled_for=when,
                created_at=self._clock(),
            )
        )
        return planned.id

    def _reply_row(
        self, reply: Reply, digest: str, debrief_id: int, next_id: int | None
    ) -> dict[str, Any]:
        return {
            "reply_id": reply.reply_id,
            "packet_id": reply.packet_id,
            "debrief_id": debrief_id,
            "next_debrief_id": next_id,
            "supervisor_name": reply.sender.name,
            "supervisor_recipient": reply.sender.recipient,
            "received_at": self._clock().isoformat(timespec="seconds"),
            "content_hash": digest,
            "notes": json.dumps([[s, t] for s, t in reply.notes], ensure_ascii=False),
            "message": reply.message,
            "next_date": reply.next_date.isoformat() if reply.next_date else None,
            "signed": int(signed(reply)),
        }

    def replies(self, debrief_id: int | None = None) -> list[dict[str, Any]]:
        return self._keys.replies(debrief_id)

    def sent_for(self, debrief_id: int) -> list[dict[str, Any]]:
        return self._keys.sent_for_debrief(debrief_id)
