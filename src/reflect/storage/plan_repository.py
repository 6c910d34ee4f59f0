"""My plan, one row per section in the ``plan`` table (value is JSON text)."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import datetime

import sqlite_utils

from reflect.domain.my_plan import LIST_SECTIONS, PLAN_SECTIONS, MyPlan, PlanPerson


class PlanRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    def load(self) -> MyPlan:
        rows = {
            section: (value, updated_at)
            for section, value, updated_at in self._db.execute(
                "SELECT section, value, updated_at FROM plan"
            )
        }
        plan = MyPlan()
        stamps: list[str] = []
        for section in LIST_SECTIONS:
            if section in rows:
                values = json.loads(rows[section][0] or "[]")
                setattr(plan, section, [str(v) for v in values if isinstance(v, str)])
                stamps.append(rows[section][1] or "")
        if "people" in rows:
            plan.people = [
                PlanPerson(
                    str(p.get("name", "")), str(p.get("how_to_reach", "")), str(p.get("note", ""))
                )
                for p in json.loads(rows["people"][0] or "[]")
                if isinstance(p, dict)
            ]
            stamps.append(rows["people"][1] or "")
        latest = max((s for s in stamps if s), default="")
        plan.updated_at = datetime.fromisoformat(latest) if latest else None
        return plan

    def save(self, plan: MyPlan, now: datetime | None = None) -> MyPlan:
        """Write every section in one transaction; returns the plan with its new timestamp."""
        stamp = (now or datetime.now()).replace(microsecond=0)
        values: dict[str, object] = {section: getattr(plan, section) for section in LIST_SECTIONS}
        values["people"] = [asdict(person) for person in plan.people]
        with self._db.atomic():
            self._db.table("plan").upsert_all(
                [
                    {
                        "section": section,
                        "value": json.dumps(values[section]),
                        "updated_at": stamp.isoformat(),
                    }
                    for section in PLAN_SECTIONS
                ],
                pk="section",
            )
        plan.updated_at = stamp
        return plan
