"""Row validators for the exposure and recovery tables (m003_exposure), registered in
row_validators.

Each row is rebuilt as the domain object the app saves (ShiftLog, Break, SelfCheck) so an
archive's shift, break or self-check meets the same rules as one typed in; the after-work
check follows the service's rules (0-4, a short one-line note).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reflect.domain.errors import ReflectError
from reflect.domain.exposure import MAX_COUNT, Break, ShiftLog
from reflect.domain.recovery import SelfCheck
from reflect.domain.row_fields import RowProblem, RowReader, finite_number
from reflect.services.exposure import AFTER_WORK_HELPED_MAX

if TYPE_CHECKING:
    from reflect.services.row_validators import RowContext

MAX_HOURS_CELL = 1e6  # the domain's own bound (24) is applied by ShiftLog


def _flag(r: RowReader, column: str) -> bool:
    return bool(r.integer(column, 0, 1))


def shift_log(r: RowReader, ctx: RowContext) -> ShiftLog:
    r.row_id()
    r.row_id("reflection_id")
    day = r.day("day")
    if day is None:
        raise RowProblem("day", "is missing")
    hours = r.row.get("hours")
    try:
        return ShiftLog(
            day=day,
            hours=None if hours is None else finite_number(hours, "hours", MAX_HOURS_CELL),
            encounters=r.integer("encounters", 0, MAX_COUNT),
            disclosures=r.integer("disclosures", 0, MAX_COUNT),
            material=r.integer("material", 0, MAX_COUNT),
            crises=r.integer("crises", 0, MAX_COUNT),
            critical=_flag(r, "critical"),
            outline=r.text("outline", max_chars=1000),
            created_at=r.moment("created_at"),
        )
    except ReflectError as exc:
        raise RowProblem("day", str(exc)) from None


def shift_break(r: RowReader, ctx: RowContext) -> Break:
    r.row_id()
    start, end = r.day("start_day"), r.day("end_day")
    if start is None or end is None:
        raise RowProblem("start_day" if start is None else "end_day", "is missing")
    try:
        return Break(start, end, r.text("kind", required=True, max_chars=40))
    except ReflectError as exc:
        raise RowProblem("kind", str(exc)) from None


def shift_self_check(r: RowReader, ctx: RowContext) -> SelfCheck:
    r.row_id()
    due = r.day("due_on")
    if due is None:
        raise RowProblem("due_on", "is missing")
    answers = r.json("answers", dict)
    try:
        return SelfCheck(
            kind=r.text("kind", required=True, max_chars=40),
            due=due,
            status=r.text("status", required=True, max_chars=40),
            shift_id=r.row_id("shift_id"),
            closed_at=r.moment("closed_at"),
            answers=answers,
        )
    except ReflectError as exc:
        raise RowProblem("answers", str(exc)) from None


def after_work_check(r: RowReader, ctx: RowContext) -> None:
    r.row_id()
    r.moment("taken_at", required=True)
    switched_off = r.integer("switched_off", 0, 4)
    helped = r.text("helped", max_chars=AFTER_WORK_HELPED_MAX)
    if helped != " ".join(helped.split()):
        raise RowProblem("helped", "must be one line")
    if switched_off is None and not helped:
        raise RowProblem("switched_off", "is missing (nothing was recorded)")
