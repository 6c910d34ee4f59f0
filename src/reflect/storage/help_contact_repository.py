"""The person's own help contacts (EAP, local services), in the ``help_contacts`` table."""

from __future__ import annotations

import sqlite_utils

from reflect.domain.crisis_lines import HelpContact

_FIELDS = ("name", "phone", "text", "hours", "notes", "kind")


class HelpContactRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    def list(self) -> list[HelpContact]:
        rows = self._db.execute(
            "SELECT id, name, phone, text, hours, notes, kind FROM help_contacts ORDER BY id"
        ).fetchall()
        return [
            HelpContact(
                name=name or "",
                phone=phone or "",
                text=text or "",
                hours=hours or "",
                notes=notes or "",
                kind=kind or "other",
                id=row_id,
            )
            for row_id, name, phone, text, hours, notes, kind in rows
        ]

    def add(self, contact: HelpContact) -> HelpContact:
        with self._db.atomic():
            table = self._db.table("help_contacts")
            table.insert({field: getattr(contact, field) for field in _FIELDS})
            contact.id = table.last_pk
        return contact

    def update(self, contact: HelpContact) -> HelpContact:
        if contact.id is None:
            raise ValueError("cannot update a contact that was never saved")
        with self._db.atomic():
            self._db.table("help_contacts").update(
                contact.id, {field: getattr(contact, field) for field in _FIELDS}
            )
        return contact

    def delete(self, contact_id: int) -> None:
        with self._db.atomic():
            self._db.execute("DELETE FROM help_contacts WHERE id = ?", [contact_id])
