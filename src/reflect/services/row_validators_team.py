"""Row validators for the coordinator's team tables (m005_team), registered in row_validators.

A contribution row is read back through the same validation as a contribution file; an
assessment and an action go through the domain types and rules the team screen uses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reflect.domain.errors import ReflectError
from reflect.domain.message import Message
from reflect.domain.org_assessment import (
    MAX_TEXT,
    MODES,
    RATINGS,
    ActionItem,
    AssessmentResult,
    DomainResult,
    check_action,
)
from reflect.domain.row_fields import RowProblem, RowReader, finite_number
from reflect.domain.safe_json import shorten
from reflect.domain.team_contribution import Contribution, contribution_from_json

if TYPE_CHECKING:
    from reflect.services.row_validators import RowContext

MAX_ANSWERS = 500


def team_contribution(r: RowReader, ctx: RowContext) -> Contribution:
    contributor = r.text("contributor", required=True, max_chars=64)
    r.text("written", required=True, max_chars=16)
    r.moment("imported_at")
    try:
        return contribution_from_json(r.json("content", dict, required=True), contributor)
    except ReflectError as exc:
        raise RowProblem("content", exc.message) from None


def team_assessment(r: RowReader, ctx: RowContext) -> AssessmentResult:
    r.row_id()
    mode = r.text("mode", required=True, max_chars=16)
    if mode not in MODES:
        raise RowProblem(
            "mode", Message("must be alone or group, found {value}", value=shorten(mode))
        )
    participants = r.integer("participants", 1, 500, required=True)
    answers = r.json("answers", list, required=True)
    if len(answers) > MAX_ANSWERS or not all(
        a is None or (isinstance(a, int) and not isinstance(a, bool) and abs(a) <= 100)
        for a in answers
    ):
        raise RowProblem("answers", Message("must be whole-number answers (or empty ones)"))
    domains = []
    for raw in r.json("domains", list, required=True):
        if not isinstance(raw, dict) or set(raw) != {
            "domain",
            "label",
            "mean",
            "answered",
            "items",
            "rating",
        }:
            raise RowProblem("domains", Message("must list domain results"))
        if not isinstance(raw["domain"], str) or not isinstance(raw["label"], str):
            raise RowProblem("domains", Message("must name each domain with text"))
        counts = (raw["answered"], raw["items"])
        if not all(
            isinstance(c, int) and not isinstance(c, bool) and 0 <= c <= 500 for c in counts
        ):
            raise RowProblem("domains", Message("must count answers and items from 0 to 500"))
        if raw["rating"] is not None and raw["rating"] not in RATINGS:
            raise RowProblem(
                "domains", Message("{value} is not a rating", value=shorten(raw["rating"]))
            )
        mean = None if raw["mean"] is None else finite_number(raw["mean"], "domains", 1000)
        domains.append(DomainResult(**{**raw, "mean": mean}))
    return AssessmentResult(
        definition_id=r.text("definition_id", required=True, max_chars=64),
        taken_at=r.moment("taken_at", required=True),  # type: ignore[arg-type]
        mode=mode,
        participants=participants or 1,
        answers=tuple(answers),
        domains=tuple(domains),
    )


def team_action(r: RowReader, ctx: RowContext) -> ActionItem:
    r.row_id()
    r.moment("created_at")
    by_when, review_on = r.day("by_when"), r.day("review_on")
    if by_when is None or review_on is None:
        raise RowProblem("by_when" if by_when is None else "review_on", Message("is missing"))
    item = ActionItem(
        domain=r.text("domain", required=True, max_chars=200),
        what=r.text("what", required=True, max_chars=MAX_TEXT),
        who=r.text("who", required=True, max_chars=MAX_TEXT),
        by_when=by_when,
        review_on=review_on,
        assessment_id=r.row_id("assessment_id"),
        done_on=r.day("done_on"),
    )
    try:
        return check_action(item)
    except ReflectError as exc:
        raise RowProblem("review_on", exc.message) from None
