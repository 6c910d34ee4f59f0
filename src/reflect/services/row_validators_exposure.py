"""Row validators for the exposure and recovery tables (m003_exposure), registered in
row_validators: each row goes through the domain types and rules the app itself uses."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reflect.domain.errors import ValidationError
from reflect.domain.exposure import MAX_HOURS, Break, ShiftLog
from reflect.domain.message import Clause, Message
from reflect.domain.recovery import SELF_CHECK_KINDS, STATUSES, SelfCheck
from reflect.domain.row_fields import RowProblem, RowReader, finite_number
from reflect.domain.safe_json import shorten
from reflect.services.exposure import AFTER_WORK_HELPED_MAX

if TYPE_CHECKING:
    from reflect.services.row_validators import RowContext


def _domain(column: str, build):  # type: ignore[no-untyped-def]
    """Turn the domain's own refusal into a row problem (the column is the likeliest one)."""
    try:
        return build()
    except ValidationError as exc:
        raise RowProblem(column, Clause(exc.message)) from None
    except (TypeError, ValueError) as exc:
        raise RowProblem(column, Clause(str(exc))) from None


def shift_log(r: RowReader, ctx: RowContext) -> ShiftLog:
    r.row_id()
    day = r.day("day")
    if day is None:
        raise RowProblem("day", Message("is missing"))
    raw_hours = r.row.get("hours")
    hours = None if raw_hours is None else finite_number(raw_hours, "hours", MAX_HOURS)
    encounters, disclosures = r.integer("encounters", 0, 500), r.integer("disclosures", 0, 500)
    material, crises = r.integer("material", 0, 500), r.integer("crises", 0, 500)
    critical = r.integer("critical", 0, 1)
    outline = r.text("outline", max_chars=200)
    r.row_id("reflection_id")
    r.moment("created_at")
    return _domain(
        "outline",
        lambda: ShiftLog(
            day=day,
            hours=hours,
            encounters=encounters,
            disclosures=disclosures,
            material=material,
            crises=crises,
            critical=bool(critical),
            outline=outline,
        ),
    )


def shift_self_check(r: RowReader, ctx: RowContext) -> SelfCheck:
    r.row_id()
    r.row_id("shift_id")
    kind = r.text("kind", required=True, max_chars=8)
    if kind not in SELF_CHECK_KINDS:
        raise RowProblem(
            "kind",
            Message(
                "must be one of {choices}, found {value}",
                choices=", ".join(SELF_CHECK_KINDS),
                value=shorten(kind),
            ),
        )
    status = r.text("status", required=True, max_chars=16)
    if status not in STATUSES:
        statuses = ", ".join(STATUSES)
        raise RowProblem(
            "status",
            Message(
                "must be one of {choices}, found {value}", choices=statuses, value=shorten(status)
            ),
        )
    due = r.day("due_on")
    if due is None:
        raise RowProblem("due_on", Message("is missing"))
    closed = r.moment("closed_at")
    answers = r.json("answers", dict)
    return _domain(
        "answers",
        lambda: SelfCheck(kind=kind, due=due, status=status, closed_at=closed, answers=answers),
    )


def break_span(r: RowReader, ctx: RowContext) -> Break:
    r.row_id()
    start, end = r.day("start_day"), r.day("end_day")
    if start is None or end is None:
        raise RowProblem("start_day" if start is None else "end_day", Message("is missing"))
    kind = r.text("kind", required=True, max_chars=16)
    return _domain("kind", lambda: Break(start=start, end=end, kind=kind))


def after_work_check(r: RowReader, ctx: RowContext) -> object:
    r.row_id()
    if r.moment("taken_at", required=True) is None:
        raise RowProblem("taken_at", Message("is missing"))
    switched_off = r.integer("switched_off", 0, 4)
    helped = r.text("helped", max_chars=AFTER_WORK_HELPED_MAX)
    if switched_off is None and not helped.strip():
        raise RowProblem("switched_off", Message("an after-work check needs an answer"))
    return switched_off
