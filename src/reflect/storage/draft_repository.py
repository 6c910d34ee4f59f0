"""Autosaved drafts, one per slot, in the encrypted ``drafts`` table (never a temp file)."""

from __future__ import annotations

import json
from datetime import datetime

import sqlite_utils

from reflect.domain.reflection import Draft
from reflect.domain.reflection_codec import reflection_from_dict, reflection_to_dict

REFLECTION_SLOT = "reflection"


class DraftRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    def save(self, draft: Draft, slot: str = REFLECTION_SLOT) -> None:
        row = {
            "slot": slot,
            "editing_id": draft.editing_id,
            "payload": json.dumps(reflection_to_dict(draft.reflection), ensure_ascii=False),
            "saved_at": draft.saved_at.isoformat(timespec="seconds"),
        }
        with self._db.atomic():
            self._db.table("drafts").upsert(row, pk="slot")

    def load(self, slot: str = REFLECTION_SLOT) -> Draft | None:
        row = self._db.execute(
            "SELECT editing_id, payload, saved_at FROM drafts WHERE slot = ?", [slot]
        ).fetchone()
        if row is None:
            return None
        editing_id, payload, saved_at = row
        try:
            reflection = reflection_from_dict(json.loads(payload))
        except (ValueError, KeyError, TypeError):
            return None  # an unreadable draft is not worth blocking the editor for
        return Draft(reflection, datetime.fromisoformat(saved_at), editing_id)

    def clear(self, slot: str = REFLECTION_SLOT) -> None:
        with self._db.atomic():
            self._db.execute("DELETE FROM drafts WHERE slot = ?", [slot])
