"""This profile's age and signing key pairs, the supervisors it sends to, packets sent,
replies received, and the signing keys pinned for the people it exchanges with.

The secret keys live only in the encrypted database; each is generated on first need.
Tables of m007_signedpackets: ``signing_identity`` holds this profile's Ed25519 pair (a secret
table like ``supervision_identity``: never exported); ``signing_pins`` the signing key first
seen from each other person, keyed by their age key (trust on first use);
``supervision_replies.signed`` is 1 for a reply whose signature was checked. Whether a kept
packet was signed is in its body: only a verified packet keeps ``from.signing_key``.
m008_supfix: ``from_archive`` is 1 on a reply or packet an archive import brought in. An
archive keeps the mark but no signature, so such a row is never shown as signed
(``signature_state``).
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

import sqlite_utils

from reflect.domain.errors import ValidationError
from reflect.domain.supervision import Supervisor
from reflect.storage.sealed_files import new_identity
from reflect.storage.signatures import new_signing_key


def _iso(value: datetime | date | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    return value.isoformat()


def packet_body_signed(body: object) -> bool:
    """Whether a kept packet's body says it was signed: only a packet whose signature was
    checked keeps its signer's key (supervision_signing)."""
    sender = body.get("from") if isinstance(body, dict) else None
    return isinstance(sender, dict) and bool(sender.get("signing_key"))


def signature_state(marked_signed: bool, from_archive: object) -> dict[str, Any]:
    """``signed`` (the signature was checked when this profile received the file) and
    ``signature``: "checked", "unsigned", or "not_checked_here" for a row an archive says
    was signed (checked, if ever, on another computer: a crafted archive can say anything)."""
    if not marked_signed:
        return {"signed": False, "signature": "unsigned"}
    if from_archive:
        return {"signed": False, "signature": "not_checked_here"}
    return {"signed": True, "signature": "checked"}


class PinChanged(ValidationError):
    """The pin was made or changed between reading a file and keeping it (another window)."""


def hold_pin(db: sqlite_utils.Database, recipient: str, signing_key: str, create: bool) -> None:
    """Check, in the caller's transaction, that the file about to be kept agrees with the key
    pinned for ``recipient`` now (the check made when the file was read may be stale), and
    pin ``signing_key`` if none is yet and ``create``. ``signing_key`` "" is an unsigned file.
    A key already pinned is never replaced here (only ``forget_pin`` removes one)."""
    row = db.execute("SELECT key FROM signing_pins WHERE recipient = ?", [recipient]).fetchone()
    if row is not None:
        if str(row[0]) != signing_key:
            raise PinChanged(
                "The signing key known for this person changed while this file was being "
                "read. Nothing was changed: import the file again to see why."
            )
        return
    if signing_key and create:
        db.table("signing_pins").insert(
            {"recipient": recipient, "key": signing_key, "since": _iso(datetime.now())},
            pk="recipient",
        )


class SupervisionKeyRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    # --- the key pair -----------------------------------------------------------------

    def existing_identity(self) -> tuple[str, str] | None:
        row = self._db.execute(
            "SELECT secret, recipient FROM supervision_identity WHERE id = 1"
        ).fetchone()
        return (str(row[0]), str(row[1])) if row else None

    def identity(self) -> tuple[str, str]:
        """(secret, recipient), created the first time it is asked for."""
        found = self.existing_identity()
        if found:
            return found
        secret, recipient = new_identity()
        with self._db.atomic():
            self._db.table("supervision_identity").insert(
                {
                    "id": 1,
                    "secret": secret,
                    "recipient": recipient,
                    "created_at": _iso(datetime.now()),
                },
                pk="id",
                ignore=True,  # two windows asking at once: the first key wins
            )
        row = self._db.execute(
            "SELECT secret, recipient FROM supervision_identity WHERE id = 1"
        ).fetchone()
        return str(row[0]), str(row[1])

    def existing_signing_key(self) -> tuple[str, str] | None:
        row = self._db.execute(
            "SELECT secret, public_key FROM signing_identity WHERE id = 1"
        ).fetchone()
        return (str(row[0]), str(row[1])) if row else None

    def signing_key(self) -> tuple[str, str]:
        """(secret, public) Ed25519 keys in base64, created the first time they are asked for
        (a profile made before packets were signed gets its pair on its next packet)."""
        found = self.existing_signing_key()
        if found:
            return found
        secret, public = new_signing_key()
        with self._db.atomic():
            self._db.table("signing_identity").insert(
                {"id": 1, "secret": secret, "public_key": public},
                pk="id",
                ignore=True,  # two windows asking at once: the first key wins
            )
        found = self.existing_signing_key()
        assert found is not None
        return found

    # --- signing keys of the others (trust on first use) ------------------------------------

    def pinned(self, recipient: str) -> str | None:
        """The signing key first seen from the person whose age key is ``recipient``."""
        row = self._db.execute(
            "SELECT key FROM signing_pins WHERE recipient = ?", [recipient]
        ).fetchone()
        return str(row[0]) if row else None

    def pin(self, recipient: str, signing_key: str, create: bool = True) -> None:
        """Inside the caller's transaction: see ``hold_pin``."""
        hold_pin(self._db, recipient, signing_key, create)

    def forget_pin(self, recipient: str) -> str | None:
        """Remove the signing key pinned for ``recipient`` (the person asked for it, having
        compared fingerprints): their next signed file pins again. Returns the key forgotten."""
        with self._db.atomic():
            found = self.pinned(recipient)
            self._db.execute("DELETE FROM signing_pins WHERE recipient = ?", [recipient])
        return found

    def sends_to(self, recipient: str) -> bool:
        """Whether ``recipient`` is one of this profile's supervisors (listed, or sent a
        packet): their signing key is pinned by their replies, never by a packet."""
        row = self._db.execute(
            "SELECT 1 FROM supervisors WHERE recipient = ? "
            "UNION SELECT 1 FROM sent_packets WHERE recipient = ?",
            [recipient, recipient],
        ).fetchone()
        return row is not None

    # --- supervisors (provider side) ----------------------------------------------------

    def supervisors(self) -> list[Supervisor]:
        rows = self._db.execute(
            "SELECT id, name, recipient, confirmed_at FROM supervisors ORDER BY name, id"
        ).fetchall()
        return [
            Supervisor(
                name=r[1],
                recipient=r[2],
                confirmed_at=datetime.fromisoformat(r[3]) if r[3] else None,
                id=r[0],
            )
            for r in rows
        ]

    def save_supervisor(self, supervisor: Supervisor, signing_key: str = "") -> Supervisor:
        """Add a supervisor, or rename and re-confirm the one with the same key; a signing key
        confirmed at pairing is pinned in the same transaction (a different one refuses)."""
        row = {
            "name": supervisor.name,
            "recipient": supervisor.recipient,
            "confirmed_at": _iso(supervisor.confirmed_at),
        }
        with self._db.atomic():
            found = self._db.execute(
                "SELECT id FROM supervisors WHERE recipient = ?", [supervisor.recipient]
            ).fetchone()
            if found:
                self._db.table("supervisors").update(found[0], row)
            else:
                self._db.table("supervisors").insert(row, pk="id")
            if signing_key:
                hold_pin(self._db, supervisor.recipient, signing_key, create=True)
        return next(s for s in self.supervisors() if s.recipient == supervisor.recipient)

    def delete_supervisor(self, supervisor_id: int) -> None:
        with self._db.atomic():
            self._db.execute("DELETE FROM supervisors WHERE id = ?", [supervisor_id])

    # --- packets sent and replies received (provider side) ---------------------------------

    def record_sent(self, packet_id: str, debrief_id: int, recipient: str, notes: bool) -> None:
        with self._db.atomic():
            self._db.table("sent_packets").insert(
                {
                    "packet_id": packet_id,
                    "debrief_id": debrief_id,
                    "recipient": recipient,
                    "sent_at": _iso(datetime.now()),
                    "with_notes": int(notes),
                },
                pk="packet_id",
            )

    def forget_sent(self, packet_id: str) -> None:
        """Undo ``record_sent`` when the packet could not be written after all."""
        with self._db.atomic():
            self._db.execute("DELETE FROM sent_packets WHERE packet_id = ?", [packet_id])

    def sent(self, packet_id: str) -> dict[str, Any] | None:
        row = self._db.execute(
            "SELECT packet_id, debrief_id, recipient, sent_at FROM sent_packets "
            "WHERE packet_id = ?",
            [packet_id],
        ).fetchone()
        if row is None:
            return None
        return {"packet_id": row[0], "debrief_id": row[1], "recipient": row[2], "sent_at": row[3]}

    def sent_for_debrief(self, debrief_id: int) -> list[dict[str, Any]]:
        rows = self._db.execute(
            "SELECT packet_id, recipient, sent_at FROM sent_packets WHERE debrief_id = ? "
            "ORDER BY sent_at",
            [debrief_id],
        ).fetchall()
        return [{"packet_id": r[0], "recipient": r[1], "sent_at": r[2]} for r in rows]

    def has_reply(self, reply_id: str, content_hash: str) -> bool:
        row = self._db.execute(
            "SELECT 1 FROM supervision_replies WHERE reply_id = ? OR content_hash = ?",
            [reply_id, content_hash],
        ).fetchone()
        return row is not None

    def add_reply(self, row: dict[str, Any]) -> None:
        """Written inside the caller's transaction (with the actions it brings)."""
        self._db.table("supervision_replies").insert(row, pk="reply_id")

    def replies(self, debrief_id: int | None = None) -> list[dict[str, Any]]:
        where, args = ("WHERE debrief_id = ?", [debrief_id]) if debrief_id is not None else ("", [])
        rows = self._db.execute(
            "SELECT reply_id, packet_id, debrief_id, next_debrief_id, supervisor_name, "
            "received_at, notes, message, next_date, signed, from_archive FROM supervision_replies "
            f"{where} ORDER BY received_at, reply_id",
            args,
        ).fetchall()
        return [
            {
                "reply_id": r[0],
                "packet_id": r[1],
                "debrief_id": r[2],
                "next_debrief_id": r[3],
                "supervisor": r[4],
                "received_at": r[5],
                "notes": json.loads(r[6] or "[]"),
                "message": r[7] or "",
                "next_date": r[8],
                **signature_state(bool(r[9]), r[10]),
            }
            for r in rows
        ]
