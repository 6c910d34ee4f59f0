"""The supervisor's record: supervisees, packets received, notes, actions, agreements and
replies sent (hours, ratings and team hot debriefs are in ``supervision_log``). Returns
domain objects or plain dicts of validated data; packets are stored as the validated JSON
they were read into."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

import sqlite_utils

from reflect.domain.supervision import Agreement, Supervisee
from reflect.storage.supervision_keys import hold_pin, packet_body_signed, signature_state


def _iso(value: datetime | date | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    return value.isoformat()


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _when(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _packet_row(r: Any) -> dict[str, Any]:
    body = json.loads(r[6])
    return {
        "packet_id": r[0],
        "supervisee_id": r[1],
        "received_at": r[2],
        "created_at": r[3],
        "title": r[4],
        "scheduled_for": r[5],
        "body": body,
        "held_at": r[7],
        # One an archive brought (r[8]) was not checked here, whatever its body says.
        **signature_state(packet_body_signed(body), r[8]),
    }


class SupervisionRecordRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    # --- supervisees and packets --------------------------------------------------------

    def supervisees(self) -> list[Supervisee]:
        rows = self._db.execute(
            "SELECT id, name, recipient, first_seen FROM supervisees ORDER BY name, id"
        ).fetchall()
        return [Supervisee(r[1], r[2], _when(r[3]), r[0]) for r in rows]

    def supervisee(self, supervisee_id: int) -> Supervisee | None:
        return next((s for s in self.supervisees() if s.id == supervisee_id), None)

    def pair_supervisee(self, name: str, recipient: str, signing_key: str) -> tuple[int, bool]:
        """Add the supervisee with age key ``recipient`` (or rename the one already known)
        under the name the supervisor typed, which their packets then never replace, and pin
        ``signing_key`` for them, in one transaction: a pin that differs refuses both
        (hold_pin). Returns (supervisee id, whether the row is new)."""
        with self._db.atomic():
            found, new = self._supervisee_called(name, recipient, _iso(datetime.now()), chosen=True)
            hold_pin(self._db, recipient, signing_key, create=True)
        return found, new

    def _supervisee_called(
        self, name: str, recipient: str, now: str | None, chosen: bool = False
    ) -> tuple[int, bool]:
        """Inside a transaction: the supervisee with age key ``recipient``, added if new
        ("Supervisee" when ``name`` is empty), else renamed to ``name`` when one is given.
        ``chosen``: the supervisor typed ``name`` (pairing); it replaces any name and is kept
        from then on. Otherwise ``name`` is a packet's: it renames only a supervisee whose
        name no supervisor chose (the newest name is the one the person uses now). Returns
        (id, whether new)."""
        row = self._db.execute(
            "SELECT id, name_chosen FROM supervisees WHERE recipient = ?", [recipient]
        ).fetchone()
        if row is None:
            table = self._db.table("supervisees")
            table.insert(
                {
                    "name": name or "Supervisee",
                    "recipient": recipient,
                    "first_seen": now,
                    "name_chosen": 1 if chosen else None,
                },
                pk="id",
            )
            return int(table.last_pk), True  # type: ignore[arg-type]
        if name and (chosen or not row[1]):
            self._db.execute(
                "UPDATE supervisees SET name = ?, name_chosen = ? WHERE id = ?",
                [name, 1 if chosen else row[1], row[0]],
            )
        return int(row[0]), False

    def has_packet(self, packet_id: str, content_hash: str) -> bool:
        row = self._db.execute(
            "SELECT 1 FROM received_packets WHERE packet_id = ? OR content_hash = ?",
            [packet_id, content_hash],
        ).fetchone()
        return row is not None

    def add_packet(
        self,
        name: str,
        recipient: str,
        packet: dict[str, Any],
        content_hash: str,
        signing_key: str = "",
        pin: bool = True,
    ) -> int:
        """Keep a validated packet; its sender becomes (or stays) a supervisee. Returns the
        supervisee id. One transaction: a failure keeps neither. ``name`` may be empty (the
        packet gave none): a new supervisee is then called "Supervisee", a known one keeps
        its name. A signed packet (``signing_key`` not "") pins its signer's key for ``recipient``
        if none was yet and ``pin``; a key pinned since the packet was read refuses it."""
        now = _iso(datetime.now())
        with self._db.atomic():
            supervisee_id, _new = self._supervisee_called(name, recipient, now)
            debrief = packet["debrief"]
            self._db.table("received_packets").insert(
                {
                    "packet_id": packet["packet_id"],
                    "supervisee_id": supervisee_id,
                    "content_hash": content_hash,
                    "received_at": now,
                    "created_at": packet["created_at"],
                    "title": debrief["title"],
                    "scheduled_for": debrief["scheduled_for"],
                    "body": json.dumps(packet, ensure_ascii=False),
                    "held_at": None,
                },
                pk="packet_id",
            )
            # Checked again here, in the transaction that keeps the packet (see hold_pin).
            hold_pin(self._db, recipient, signing_key, pin)
        return supervisee_id

    def packets(self, supervisee_id: int | None = None) -> list[dict[str, Any]]:
        """Packet rows (``body`` parsed), newest first."""
        where, args = (
            ("WHERE supervisee_id = ?", [supervisee_id]) if supervisee_id is not None else ("", [])
        )
        rows = self._db.execute(
            "SELECT packet_id, supervisee_id, received_at, created_at, title, scheduled_for, "
            f"body, held_at, from_archive FROM received_packets {where} "
            "ORDER BY COALESCE(scheduled_for, created_at) DESC, received_at DESC",
            args,
        ).fetchall()
        return [_packet_row(r) for r in rows]

    def packet(self, packet_id: str) -> dict[str, Any] | None:
        return next((p for p in self.packets() if p["packet_id"] == packet_id), None)

    def set_held(self, packet_id: str, held_at: datetime | None) -> None:
        with self._db.atomic():
            self._db.execute(
                "UPDATE received_packets SET held_at = ? WHERE packet_id = ?",
                [_iso(held_at), packet_id],
            )

    # --- notes per agenda step ------------------------------------------------------------

    def notes(self, packet_id: str) -> dict[str, tuple[str, bool]]:
        rows = self._db.execute(
            "SELECT step, text, shared FROM supervision_notes WHERE packet_id = ?", [packet_id]
        ).fetchall()
        return {r[0]: (r[1] or "", bool(r[2])) for r in rows}

    def save_note(self, packet_id: str, step: str, text: str, shared: bool) -> None:
        with self._db.atomic():
            if text.strip():
                self._db.table("supervision_notes").upsert(
                    {
                        "packet_id": packet_id,
                        "step": step,
                        "text": text,
                        "shared": int(shared),
                        "updated_at": _iso(datetime.now()),
                    },
                    pk=("packet_id", "step"),
                )
            else:
                self._db.execute(
                    "DELETE FROM supervision_notes WHERE packet_id = ? AND step = ?",
                    [packet_id, step],
                )

    # --- agreed actions ---------------------------------------------------------------------

    def add_action(
        self, packet_id: str, supervisee_id: int, text: str, owner: str, due: date | None
    ) -> int:
        with self._db.atomic():
            table = self._db.table("supervision_actions")
            table.insert(
                {
                    "packet_id": packet_id,
                    "supervisee_id": supervisee_id,
                    "text": text,
                    "owner": owner,
                    "due": _iso(due),
                    "done_at": None,
                    "created_at": _iso(datetime.now()),
                },
                pk="id",
            )
            return int(table.last_pk)  # type: ignore[arg-type]

    def actions(
        self, packet_id: str | None = None, supervisee_id: int | None = None
    ) -> list[dict[str, Any]]:
        clauses: list[str] = []
        args: list[Any] = []
        if packet_id is not None:
            clauses.append("packet_id = ?")
            args.append(packet_id)
        if supervisee_id is not None:
            clauses.append("supervisee_id = ?")
            args.append(supervisee_id)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        rows = self._db.execute(
            "SELECT id, packet_id, supervisee_id, text, owner, due, done_at FROM "
            f"supervision_actions {where} ORDER BY due IS NULL, due, id",
            args,
        ).fetchall()
        return [
            {
                "id": r[0],
                "packet_id": r[1],
                "supervisee_id": r[2],
                "text": r[3],
                "owner": r[4] or "",
                "due": r[5],
                "done": r[6] is not None,
            }
            for r in rows
        ]

    def set_action_done(self, action_id: int, done: bool) -> None:
        with self._db.atomic():
            self._db.execute(
                "UPDATE supervision_actions SET done_at = ? WHERE id = ?",
                [_iso(datetime.now()) if done else None, action_id],
            )

    def delete_action(self, action_id: int) -> None:
        with self._db.atomic():
            self._db.execute("DELETE FROM supervision_actions WHERE id = ?", [action_id])

    # --- agreements ---------------------------------------------------------------------

    def agreement(self, supervisee_id: int) -> Agreement | None:
        row = self._db.execute(
            "SELECT frequency, aims, confidentiality, records, review_on, updated_at "
            "FROM supervision_agreements WHERE supervisee_id = ?",
            [supervisee_id],
        ).fetchone()
        if row is None:
            return None
        return Agreement(supervisee_id, row[0], row[1], row[2], row[3], _day(row[4]), _when(row[5]))

    def save_agreement(self, agreement: Agreement) -> None:
        with self._db.atomic():
            self._db.table("supervision_agreements").upsert(
                {
                    "supervisee_id": agreement.supervisee_id,
                    "frequency": agreement.frequency,
                    "aims": agreement.aims,
                    "confidentiality": agreement.confidentiality,
                    "records": agreement.records,
                    "review_on": _iso(agreement.review_on),
                    "updated_at": _iso(datetime.now()),
                },
                pk="supervisee_id",
            )

    # --- replies sent ---------------------------------------------------------------------

    def record_reply(self, reply_id: str, packet_id: str, next_date: date | None) -> None:
        with self._db.atomic():
            self._db.table("sent_replies").insert(
                {
                    "reply_id": reply_id,
                    "packet_id": packet_id,
                    "sent_at": _iso(datetime.now()),
                    "next_date": _iso(next_date),
                },
                pk="reply_id",
            )

    def replies_sent(self, packet_id: str) -> list[dict[str, Any]]:
        rows = self._db.execute(
            "SELECT reply_id, sent_at, next_date FROM sent_replies WHERE packet_id = ? "
            "ORDER BY sent_at",
            [packet_id],
        ).fetchall()
        return [{"reply_id": r[0], "sent_at": r[1], "next_date": r[2]} for r in rows]
