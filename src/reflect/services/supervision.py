"""The supervisor's side: take in packets, keep the record, write replies.

A packet is opened with this profile's key, read field by field (domain.supervision_messages)
and only then kept; the same packet twice (same id or same bytes) adds nothing. A reply holds
the agreed actions, the notes the supervisor marked to share, and the next date, sealed to the
provider's key carried in the packet.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reflect.domain.debrief import AGENDA_IDS
from reflect.domain.errors import ValidationError
from reflect.domain.identity_guard import find_identifiers
from reflect.domain.supervision import (
    Agreement,
    Supervisee,
    fingerprint,
    people_called,
)
from reflect.domain.supervision_messages import (
    Packet,
    PacketAction,
    Reply,
    Sender,
    packet_from_json,
    reply_bytes,
    sniff_format,
)
from reflect.services.output_target import check_output_target
from reflect.services.signing_pins import SigningPins
from reflect.services.supervisee_pairing import SuperviseePairing
from reflect.services.supervision_logbook import SupervisionLogbook
from reflect.services.supervision_send import Flag, new_id
from reflect.services.supervision_signing import (
    open_packet_document,
    seal_reply,
    signing_fingerprint,
)
from reflect.storage.sealed_files import (
    NotSealedForThisProfile,
    open_sealed,
    read_sealed_file,
    write_sealed_file,
)

if TYPE_CHECKING:
    from reflect.storage.supervision_keys import SupervisionKeyRepository
    from reflect.storage.supervision_log import SupervisionLogRepository
    from reflect.storage.supervision_record import SupervisionRecordRepository

Clock = Callable[[], datetime]


@dataclass(frozen=True)
class Received:
    packet: Packet
    supervisee: Supervisee


class SupervisionService:
    def __init__(
        self,
        keys: SupervisionKeyRepository,
        record: SupervisionRecordRepository,
        log: SupervisionLogRepository,
        display_name: str = "",
        clock: Clock = datetime.now,
    ) -> None:
        self._keys = keys
        self._record = record
        self._display_name = display_name
        self._clock = clock
        self.pins = SigningPins(keys)  # forgetting a pinned signing key
        self.pairing = SuperviseePairing(keys, record)  # adding one before their first packet
        self.log = SupervisionLogbook(record, log, clock)  # hours, ratings, hot debriefs

    def today(self) -> date:
        return self._clock().date()

    def my_key(self) -> tuple[str, str]:
        _, recipient = self._keys.identity()
        return recipient, fingerprint(recipient)

    # --- packets in ---------------------------------------------------------------------

    def open_packet(self, data: bytes) -> Packet:
        """Decrypt and validate, writing nothing (a wrong key or damage changes nothing)."""
        # Opening never creates a key: a file cannot be for a profile that has none yet.
        found = self._keys.existing_identity()
        if found is None:
            raise NotSealedForThisProfile(
                "This debrief packet was sealed for someone else's key, not this profile's. "
                "Nothing was changed."
            )
        plain = open_sealed(data, found[0], "debrief packet")
        if sniff_format(plain) == "reply":
            raise ValidationError(
                "This is a supervisor's reply, not a debrief packet: import it with "
                "'reflect import' in the provider's profile. Nothing was changed."
            )
        return open_packet_document(self._keys, plain, found[1])

    def my_signing_fingerprint(self) -> str:
        return signing_fingerprint(self._keys.signing_key()[1])

    def signing_fingerprint_of(self, recipient: str) -> str:
        """The fingerprint of the signing key pinned for a supervisee, or "" if none yet."""
        return signing_fingerprint(self._keys.pinned(recipient) or "")

    def import_packet(self, path: Path) -> Received:
        data = read_sealed_file(path, "debrief packet")
        packet = self.open_packet(data)
        if packet.sender.recipient == self.my_key()[0]:
            raise ValidationError(
                "This packet was sent from this profile; import it in your supervisor's "
                "profile. Nothing was changed."
            )
        digest = hashlib.sha256(data).hexdigest()
        if self._record.has_packet(packet.packet_id, digest):
            raise ValidationError("This packet was already imported; nothing was added.")
        # Pinned in the packet's transaction (trust on first use), unless it claims one of my
        # supervisors' age key: anyone can write a packet, it must not pin their replies' key.
        who, pin = packet.sender, not self._keys.sends_to(packet.sender.recipient)
        supervisee_id = self._record.add_packet(
            who.name, who.recipient, packet.to_json(), digest, who.signing_key, pin
        )
        found = self._record.supervisee(supervisee_id)
        assert found is not None
        return Received(packet, found)

    def supervisees(self) -> list[Supervisee]:
        return self._record.supervisees()

    def find_supervisee(self, name: str) -> Supervisee:
        """The supervisee with this name, or with this fingerprint: two providers can share
        a name, and picking one of them silently would file hours under the wrong person."""
        found = people_called(self.supervisees(), name)
        if len(found) > 1:
            raise ValidationError(
                "{count} supervisees are called {name}; give the fingerprint of the one you "
                "mean instead ('reflect supervision show' lists them).",
                count=len(found),
                name=repr(name),
            )
        if found:
            return found[0]
        raise ValidationError("No supervisee called {name} in this profile.", name=repr(name))

    def packets(self, supervisee_id: int | None = None) -> list[tuple[dict[str, Any], Packet]]:
        """(row, packet) pairs, newest first; stored packets are validated again on the way
        out, so a row changed behind Reflect's back cannot feed the screen unchecked data."""
        return [(row, packet_from_json(row["body"])) for row in self._record.packets(supervisee_id)]

    def packet(self, packet_id: str) -> tuple[dict[str, Any], Packet]:
        row = self._record.packet(packet_id)
        if row is None:
            raise ValidationError("No packet {packet} in this profile.", packet=packet_id)
        return row, packet_from_json(row["body"])

    def set_held(self, packet_id: str, held: bool = True) -> None:
        self.packet(packet_id)
        self._record.set_held(packet_id, self._clock().replace(microsecond=0) if held else None)

    # --- notes and actions ------------------------------------------------------------------

    def notes(self, packet_id: str) -> dict[str, tuple[str, bool]]:
        return self._record.notes(packet_id)

    def save_note(self, packet_id: str, step: str, text: str, share: bool = False) -> None:
        if step not in AGENDA_IDS:
            raise ValidationError("Unknown agenda step: {step}.", step=step)
        if len(text) > 20000:
            raise ValidationError("Please keep a note under 20,000 characters.")
        self.packet(packet_id)
        self._record.save_note(packet_id, step, text, share)

    def add_action(
        self, packet_id: str, text: str, owner: str = "", due: date | None = None
    ) -> int:
        clean = " ".join(text.split())
        if not clean:
            raise ValidationError("Please describe the action you agreed.")
        row, _ = self.packet(packet_id)
        return self._record.add_action(
            packet_id, int(row["supervisee_id"]), clean[:2000], " ".join(owner.split())[:200], due
        )

    def actions(
        self, packet_id: str | None = None, supervisee_id: int | None = None
    ) -> list[dict[str, Any]]:
        return self._record.actions(packet_id, supervisee_id)

    def set_action_done(self, action_id: int, done: bool = True) -> None:
        self._record.set_action_done(action_id, done)

    def delete_action(self, action_id: int) -> None:
        self._record.delete_action(action_id)

    # --- agreements (hours, ratings and hot debriefs: self.log) ----------------------------

    def agreement(self, supervisee_id: int) -> Agreement:
        return self._record.agreement(supervisee_id) or Agreement(supervisee_id)

    def save_agreement(self, agreement: Agreement) -> None:
        for text in (
            agreement.frequency,
            agreement.aims,
            agreement.confidentiality,
            agreement.records,
        ):
            if len(text) > 5000:
                raise ValidationError(
                    "Please keep each part of the agreement under 5,000 characters."
                )
        if self._record.supervisee(agreement.supervisee_id) is None:
            raise ValidationError("That supervisee is not in this profile.")
        self._record.save_agreement(agreement)

    def reviews_due(self, today: date | None = None) -> list[tuple[Supervisee, Agreement]]:
        today = today or self._clock().date()
        due = []
        for person in self.supervisees():
            agreement = self._record.agreement(int(person.id or 0))
            if agreement is not None and agreement.review_due(today):
                due.append((person, agreement))
        return due

    # --- replies out ----------------------------------------------------------------------

    def build_reply(
        self,
        packet_id: str,
        next_date: date | None = None,
        message: str = "",
        from_name: str | None = None,
    ) -> tuple[Reply, str]:
        """The reply to a packet and the provider's key it is sealed to: the actions agreed
        for it and only the notes marked to share."""
        _, packet = self.packet(packet_id)
        shared_notes = tuple(
            (step, text)
            for step in AGENDA_IDS
            for text, share in [self.notes(packet_id).get(step, ("", False))]
            if share and text.strip()
        )
        actions = tuple(
            PacketAction(
                a["text"], a["owner"], date.fromisoformat(a["due"]) if a["due"] else None, a["done"]
            )
            for a in self.actions(packet_id)
        )
        name = self._display_name if from_name is None else from_name
        reply = Reply(
            reply_id=new_id(),
            packet_id=packet_id,
            created_at=self._clock().replace(microsecond=0),
            sender=Sender(
                " ".join(name.split())[:80], self.my_key()[0], self._keys.signing_key()[1]
            ),
            actions=actions,
            notes=shared_notes,
            next_date=next_date,
            message=message.strip()[:20000],
        )
        return reply, packet.sender.recipient

    @staticmethod
    def reply_flags(reply: Reply) -> list[Flag]:
        places = [("message", reply.message)]
        places += [(f"note {s}", t) for s, t in reply.notes]
        places += [("action", f"{a.text} {a.owner}".strip()) for a in reply.actions]
        return [Flag(where, f) for where, text in places for f in find_identifiers(text)]

    def send_reply(
        self,
        packet_id: str,
        out: Path,
        next_date: date | None = None,
        message: str = "",
        flagged_confirmed: bool = False,
        from_name: str | None = None,
    ) -> tuple[Reply, list[Flag]]:
        check_output_target(out, None, overwrite=True)  # never over a profile's vault
        reply, provider = self.build_reply(packet_id, next_date, message, from_name)
        found = self.reply_flags(reply)
        if found and not flagged_confirmed:
            listed = "; ".join(f"{f.finding.label} in {f.where}" for f in found[:5])
            raise ValidationError(
                "The identity guard noticed {count} thing(s) that could identify someone "
                "({listed}). Check the reply, then confirm to send anyway. Nothing was "
                "written.",
                count=len(found),
                listed=listed,
            )
        sealed = seal_reply(self._keys, reply_bytes(reply), [provider, self.my_key()[0]])
        write_sealed_file(out, sealed)
        self._record.record_reply(reply.reply_id, packet_id, next_date)
        return reply, found

    def replies_sent(self, packet_id: str) -> list[dict[str, Any]]:
        return self._record.replies_sent(packet_id)
