"""Autosaved drafts, one per slot, in the encrypted ``drafts`` table (never a temp file)."""

from __future__ import annotations

import json
from datetime import datetime

import sqlite_utils

from reflect.domain.reflection import Draft
from reflect.domain.reflection_codec import reflection_from_dict, reflection_to_dict

REFLECTION_SLOT = "reflection"
# Inside the payload, beside the reflection's own fields (older drafts simply lack it): the
# stored reflection as the editor loaded it. No migration: the payload is free-form JSON.
BASE_KEY = "loaded_as"


def _payload(draft: Draft) -> dict[str, object]:
    data = reflection_to_dict(draft.reflection)
    if draft.base is not None:
        data[BASE_KEY] = reflection_to_dict(draft.base)
    return data


class DraftRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    def save(self, draft: Draft, slot: str = REFLECTION_SLOT) -> None:
        row = {
            "slot": slot,
            "editing_id": draft.editing_id,
            "payload": json.dumps(_payload(draft), ensure_ascii=False),
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
            data = json.loads(payload)
            reflection = reflection_from_dict(data)
            loaded = data.get(BASE_KEY)
            base = reflection_from_dict(loaded) if isinstance(loaded, dict) else None
        except (ValueError, KeyError, TypeError, AttributeError):
            return None  # an unreadable draft is not worth blocking the editor for
        return Draft(reflection, datetime.fromisoformat(saved_at), editing_id, base)

    def clear(self, slot: str = REFLECTION_SLOT) -> None:
        with self._db.atomic():
            self._db.execute("DELETE FROM drafts WHERE slot = ?", [slot])
