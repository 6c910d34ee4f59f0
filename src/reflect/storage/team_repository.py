"""The coordinator's team data: imported contributions, assessments and the action plan."""

from __future__ import annotations

import json
from datetime import date, datetime

import sqlite_utils

from reflect.domain.errors import ReflectError
from reflect.domain.org_assessment import ActionItem, AssessmentResult, DomainResult
from reflect.domain.team_contribution import Contribution, contribution_from_json


class TeamRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    # --- contributions ----------------------------------------------------------------------

    def keep_contributions(
        self, contributions: list[Contribution], now: datetime | None = None
    ) -> tuple[int, int]:
        """Keep each contribution unless an equally new or newer one with its id is kept.

        Returns (added, replaced). All in one transaction: a batch goes in whole or not at all.
        """
        stamp = (now or datetime.now()).replace(microsecond=0).isoformat()
        added = replaced = 0
        with self._db.atomic():
            for contribution in contributions:
                row = self._db.execute(
                    "SELECT written, content FROM team_contributions WHERE contributor = ?",
                    [contribution.contributor],
                ).fetchone()
                content = json.dumps(contribution.to_json())
                if row is not None and (row[0] > contribution.written or row[1] == content):
                    continue  # the kept file is newer, or is this very file: it stays
                self._db.table("team_contributions").upsert(
                    {
                        "contributor": contribution.contributor,
                        "written": contribution.written,
                        "imported_at": stamp,
                        "content": content,
                    },
                    pk="contributor",
                )
                if row is None:
                    added += 1
                else:
                    replaced += 1
        return added, replaced

    def contributions(self) -> list[Contribution]:
        # Stored content is read back through the same validation as a file: the database is
        # encrypted, but a row written by a buggy or newer version must not crash the screen.
        result = []
        for contributor, content in self._db.execute(
            "SELECT contributor, content FROM team_contributions ORDER BY imported_at, contributor"
        ):
            try:
                result.append(contribution_from_json(json.loads(content), contributor))
            except (ReflectError, ValueError, TypeError):  # a refusal is a ContributionError
                continue
        return result

    def contribution_count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM team_contributions").fetchone()[0])

    def forget_contributions(self) -> int:
        count = self.contribution_count()
        with self._db.atomic():
            self._db.execute("DELETE FROM team_contributions")
        return count

    # --- assessments ------------------------------------------------------------------------

    def add_assessment(self, result: AssessmentResult) -> AssessmentResult:
        with self._db.atomic():
            table = self._db.table("team_assessments")
            table.insert(
                {
                    "definition_id": result.definition_id,
                    "taken_at": result.taken_at.isoformat(),
                    "mode": result.mode,
                    "participants": result.participants,
                    "answers": json.dumps(list(result.answers)),
                    "domains": json.dumps([_domain_row(d) for d in result.domains]),
                }
            )
            new_id = table.last_pk
        return AssessmentResult(
            result.definition_id,
            result.taken_at,
            result.mode,
            result.participants,
            result.answers,
            result.domains,
            int(new_id),  # type: ignore[arg-type]
        )

    def assessments(self) -> list[AssessmentResult]:
        rows = self._db.execute(
            "SELECT id, definition_id, taken_at, mode, participants, answers, domains "
            "FROM team_assessments ORDER BY taken_at, id"
        ).fetchall()
        return [
            AssessmentResult(
                definition_id=row[1],
                taken_at=datetime.fromisoformat(row[2]),
                mode=row[3],
                participants=int(row[4]),
                answers=tuple(json.loads(row[5])),
                domains=tuple(DomainResult(**d) for d in json.loads(row[6])),
                id=int(row[0]),
            )
            for row in rows
        ]

    def latest_assessment(self) -> AssessmentResult | None:
        found = self.assessments()
        return found[-1] if found else None

    def delete_assessment(self, assessment_id: int) -> None:
        with self._db.atomic():
            self._db.execute("DELETE FROM team_assessments WHERE id = ?", [assessment_id])

    # --- action plan ------------------------------------------------------------------------

    def save_action(self, item: ActionItem, now: datetime | None = None) -> ActionItem:
        row = {
            "assessment_id": item.assessment_id,
            "domain": item.domain,
            "what": item.what,
            "who": item.who,
            "by_when": item.by_when.isoformat(),
            "review_on": item.review_on.isoformat(),
            "done_on": item.done_on.isoformat() if item.done_on else None,
        }
        with self._db.atomic():
            table = self._db.table("team_actions")
            if item.id is None:
                row["created_at"] = (now or datetime.now()).replace(microsecond=0).isoformat()
                table.insert(row)
                new_id = int(table.last_pk)  # type: ignore[arg-type]
            else:
                table.update(item.id, row)
                new_id = item.id
        return ActionItem(
            item.domain,
            item.what,
            item.who,
            item.by_when,
            item.review_on,
            item.assessment_id,
            item.done_on,
            new_id,
        )

    def actions(self) -> list[ActionItem]:
        rows = self._db.execute(
            "SELECT id, assessment_id, domain, what, who, by_when, review_on, done_on "
            "FROM team_actions ORDER BY by_when, id"
        ).fetchall()
        return [
            ActionItem(
                domain=row[2],
                what=row[3],
                who=row[4],
                by_when=date.fromisoformat(row[5]),
                review_on=date.fromisoformat(row[6]),
                assessment_id=row[1],
                done_on=date.fromisoformat(row[7]) if row[7] else None,
                id=int(row[0]),
            )
            for row in rows
        ]

    def delete_action(self, action_id: int) -> None:
        with self._db.atomic():
            self._db.execute("DELETE FROM team_actions WHERE id = ?", [action_id])


def _domain_row(result: DomainResult) -> dict[str, object]:
    return {
        "domain": result.domain,
        "label": result.label,
        "mean": result.mean,
        "answered": result.answered,
        "items": result.items,
        "rating": result.rating,
    }
