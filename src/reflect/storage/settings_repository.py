"""Key/value preferences stored as JSON inside the encrypted database."""

from __future__ import annotations

import json
from typing import Any

import sqlite_utils


class SettingsRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    def get(self, key: str) -> Any | None:
        row = self._db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return None if row is None else json.loads(row[0])

    def set(self, key: str, value: Any) -> None:
        with self._db.atomic():
            self._db.table("settings").upsert({"key": key, "value": json.dumps(value)}, pk="key")

    def all(self) -> dict[str, Any]:
        return {k: json.loads(v) for k, v in self._db.execute("SELECT key, value FROM settings")}
