"""Reflections to and from plain JSON-able dicts (drafts, exports, imports)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from reflect.domain.reflection import FollowUp, Reflection


def _dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _d(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def follow_up_to_dict(item: FollowUp) -> dict[str, Any]:
    return {
        "id": item.id,
        "text": item.text,
        "due": item.due.isoformat() if item.due else None,
        "owner": item.owner,
        "done_at": item.done_at.isoformat(timespec="seconds") if item.done_at else None,
        "reflection_id": item.reflection_id,
        "debrief_id": item.debrief_id,
        "created_at": item.created_at.isoformat(timespec="seconds") if item.created_at else None,
    }


def follow_up_from_dict(data: dict[str, Any]) -> FollowUp:
    return FollowUp(
        text=str(data.get("text", "")),
        due=_d(data.get("due")),
        owner=str(data.get("owner") or ""),
        done_at=_dt(data.get("done_at")),
        reflection_id=data.get("reflection_id"),
        debrief_id=data.get("debrief_id"),
        created_at=_dt(data.get("created_at")),
        id=data.get("id"),
    )


def reflection_to_dict(reflection: Reflection) -> dict[str, Any]:
    return {
        "id": reflection.id,
        "template_id": reflection.template_id,
        "occurred_at": reflection.occurred_at.isoformat(timespec="seconds"),
        "setting": reflection.setting,
        "tags": list(reflection.tags),
        "intensity": reflection.intensity,
        "feelings": list(reflection.feelings),
        "answers": dict(reflection.answers),
        "follow_ups": [follow_up_to_dict(f) for f in reflection.follow_ups],
        "created_at": reflection.created_at.isoformat(timespec="seconds")
        if reflection.created_at
        else None,
        "updated_at": reflection.updated_at.isoformat(timespec="seconds")
        if reflection.updated_at
        else None,
    }


def reflection_from_dict(data: dict[str, Any]) -> Reflection:
    occurred = _dt(data.get("occurred_at"))
    if occurred is None:
        raise ValueError("a reflection needs occurred_at")
    return Reflection(
        template_id=str(data["template_id"]),
        occurred_at=occurred,
        setting=str(data.get("setting") or "other"),
        tags=[str(t) for t in data.get("tags") or []],
        intensity=data.get("intensity"),
        feelings=[str(f) for f in data.get("feelings") or []],
        answers=dict(data.get("answers") or {}),
        follow_ups=[follow_up_from_dict(f) for f in data.get("follow_ups") or []],
        created_at=_dt(data.get("created_at")),
        updated_at=_dt(data.get("updated_at")),
        id=data.get("id"),
    )
