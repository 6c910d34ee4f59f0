"""Which early-warning notices the person dismissed (the notices themselves are computed)."""

from __future__ import annotations

from datetime import datetime

import sqlite_utils


class NoticeRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    def dismiss(self, notice_id: str, when: datetime) -> None:
        with self._db.atomic():
            self._db.table("dismissed_notices").upsert(
                {"notice_id": notice_id, "dismissed_at": when.isoformat(timespec="seconds")},
                pk="notice_id",
            )

    def restore(self, notice_id: str) -> None:
        """Undo a dismissal."""
        with self._db.atomic():
            self._db.execute("DELETE FROM dismissed_notices WHERE notice_id = ?", [notice_id])

    def dismissed_ids(self) -> set[str]:
        return {row[0] for row in self._db.execute("SELECT notice_id FROM dismissed_notices")}
