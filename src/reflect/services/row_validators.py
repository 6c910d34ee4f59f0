"""One validator per table: a row from an archive is checked like typed input before merging.

Every table of the schema has an entry in ``VALIDATORS`` (a test fails otherwise, so a table
added by a later migration cannot be imported unchecked). A validator reads the raw row with
``RowReader``, builds the same domain object the app builds (Reflection, CheckIn, Debrief...)
and applies the rules a person typing it would meet; the first problem raises RowProblem
naming the column. ``None`` marks a table that is never imported (drafts).

Two deliberate leniencies, so a person's own older archive always comes back: a reflection
for a template this Reflect does not have is kept (the app shows it with a stand-in
template), and a choice answer no longer offered by an edited template is kept as text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from reflect.domain.checkin import HELPING_AREAS, ITEM_MAX, ITEM_MIN, CheckIn, InstrumentResult
from reflect.domain.checkin_definition import STRENGTH_PREFIX, CheckinDefinition
from reflect.domain.crisis_lines import HelpContact
from reflect.domain.debrief import AGENDA_IDS, Debrief, clean_parts, shared_ref
from reflect.domain.errors import ReflectError, ValidationError
from reflect.domain.instruments import MAX_ITEMS, InstrumentDefinition
from reflect.domain.message import Message
from reflect.domain.my_plan import LIST_SECTIONS, PLAN_SECTIONS, MyPlan, PlanPerson
from reflect.domain.reflection import FollowUp, Reflection
from reflect.domain.row_fields import RowProblem, RowReader, finite_number, rating_map, text_list
from reflect.domain.safe_json import shorten
from reflect.domain.team_contribution import SECRET_SETTING
from reflect.domain.templates import (
    INTENSITY_MAX,
    INTENSITY_MIN,
    RATING_MAX,
    RATING_MIN,
    TemplateLibrary,
)
from reflect.services.row_validators_exposure import (
    after_work_check,
    break_span,
    shift_log,
    shift_self_check,
)
from reflect.services.row_validators_supervision import SUPERVISION_VALIDATORS
from reflect.services.row_validators_team import team_action, team_assessment, team_contribution
from reflect.services.settings import DEFAULTS as SETTING_DEFAULTS

MAX_SCORE = 1e6
MAX_ANSWER = 1000


@dataclass
class RowContext:
    """What the rules need beyond the row: the content this Reflect knows."""

    templates: TemplateLibrary
    checkin: CheckinDefinition
    instruments: dict[str, InstrumentDefinition] = field(default_factory=dict)


Validator = Callable[[RowReader, RowContext], object]


def _reflection(r: RowReader, ctx: RowContext) -> Reflection:
    r.row_id()
    answers = r.json("answers", dict)
    for key, value in answers.items():
        # What the form writes: text, a rating or choice, a yes (true) or ticked options.
        ticks = isinstance(value, list) and all(isinstance(v, str) for v in value)
        if not (isinstance(value, str | int) or ticks):
            raise RowProblem(
                "answers",
                Message("{key} must be text, a number, true or a list of texts", key=shorten(key)),
            )
    reflection = Reflection(
        template_id=r.text("template_id", required=True, max_chars=200),
        occurred_at=r.moment("occurred_at", required=True),  # type: ignore[arg-type]
        setting=r.text("setting", max_chars=200),
        tags=text_list(r.json("tags", list), "tags"),
        intensity=r.integer("intensity", INTENSITY_MIN, INTENSITY_MAX),
        feelings=text_list(r.json("feelings", list), "feelings"),
        answers=answers,
        created_at=r.moment("created_at"),
        updated_at=r.moment("updated_at"),
    )
    r.text("body")
    template = ctx.templates.get(reflection.template_id)
    for item in template.fields() if template is not None else ():
        value = answers.get(f"{item.id}.rating")
        if item.type == "rating" and value is not None and not _in(value, RATING_MIN, RATING_MAX):
            raise RowProblem(
                "answers",
                Message(
                    "{item}: ratings go from {low} to {high}",
                    item=item.id,
                    low=RATING_MIN,
                    high=RATING_MAX,
                ),
            )
    return reflection


def _in(value: object, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def _follow_up(r: RowReader, ctx: RowContext) -> FollowUp:
    r.row_id()
    return FollowUp(
        text=r.text("text", required=True),
        due=r.day("due"),
        owner=r.text("owner", max_chars=1000),
        done_at=r.moment("done_at"),
        reflection_id=r.row_id("reflection_id"),
        debrief_id=r.row_id("debrief_id"),
        created_at=r.moment("created_at"),
    )


def _checkin(r: RowReader, ctx: RowContext) -> CheckIn:
    r.row_id()
    scores = rating_map(r.json("item_scores", dict), "item_scores", ITEM_MIN, ITEM_MAX)
    for item_id in scores:
        # Retired items keep counting through their category (or strength) prefix.
        if ctx.checkin.category_of(item_id) is None and not item_id.startswith(STRENGTH_PREFIX):
            raise RowProblem(
                "item_scores", Message("{item} is not a check-in item", item=shorten(item_id))
            )
    if all(item_id.startswith(STRENGTH_PREFIX) for item_id in scores):
        raise RowProblem("item_scores", Message("rates no check-in item"))
    helping = rating_map(r.json("helping", dict), "helping", ITEM_MIN, ITEM_MAX)
    for area in helping:
        if area not in HELPING_AREAS:
            raise RowProblem(
                "helping",
                Message("{area} is not awareness, balance or connection", area=shorten(area)),
            )
    return CheckIn(
        taken_at=r.moment("taken_at", required=True),  # type: ignore[arg-type]
        item_scores=scores,
        sleep=r.integer("sleep", ITEM_MIN, ITEM_MAX),
        energy=r.integer("energy", ITEM_MIN, ITEM_MAX),
        helping=helping,
        helped_note=r.text("helped_note"),
        note=r.text("note"),
    )


def _instrument_result(r: RowReader, ctx: RowContext) -> InstrumentResult:
    r.row_id()
    instrument_id = r.text("instrument_id", required=True, max_chars=64)
    answers = r.json("answers", list)
    if len(answers) > MAX_ITEMS:
        raise RowProblem("answers", Message("has more than {count} answers", count=MAX_ITEMS))
    for value in answers:
        if isinstance(value, bool) or not isinstance(value, int) or abs(value) > MAX_ANSWER:
            raise RowProblem(
                "answers",
                Message("must be whole-number answers, found {value}", value=shorten(value)),
            )
    known = ctx.instruments.get(instrument_id)
    if known is not None:
        if len(answers) != known.item_count:
            raise RowProblem(
                "answers",
                Message(
                    "{name} has {count} items, found {found}",
                    name=instrument_id,
                    count=known.item_count,
                    found=len(answers),
                ),
            )
        if any(a not in known.scale.values for a in answers):
            raise RowProblem(
                "answers",
                Message(
                    "{name} answers go from {low} to {high}",
                    name=instrument_id,
                    low=known.scale.minimum,
                    high=known.scale.maximum,
                ),
            )
    scores = {
        str(k): finite_number(v, "scores", MAX_SCORE) for k, v in r.json("scores", dict).items()
    }
    bands = r.json("bands", dict)
    if not all(v is None or isinstance(v, str) for v in bands.values()):
        raise RowProblem("bands", Message("must map subscales to band names"))
    return InstrumentResult(
        instrument_id=instrument_id,
        taken_at=r.moment("taken_at", required=True),  # type: ignore[arg-type]
        answers=answers,
        scores=scores,
        bands=bands,
    )


def _plan(r: RowReader, ctx: RowContext) -> MyPlan:
    section = r.text("section", required=True, max_chars=64)
    if section not in PLAN_SECTIONS:
        raise RowProblem(
            "section", Message("{section} is not a section of My plan", section=shorten(section))
        )
    values = r.json("value", list)
    plan = MyPlan(updated_at=r.moment("updated_at"))
    if section in LIST_SECTIONS:
        setattr(plan, section, text_list(values, "value"))
        return plan
    for person in values:
        if not isinstance(person, dict) or not all(isinstance(v, str) for v in person.values()):
            raise RowProblem("value", Message("must list people as objects of texts"))
        plan.people.append(
            PlanPerson(
                person.get("name", ""), person.get("how_to_reach", ""), person.get("note", "")
            )
        )
    return plan


def _help_contact(r: RowReader, ctx: RowContext) -> HelpContact:
    r.row_id()
    contact = HelpContact(
        name=r.text("name", max_chars=1000),
        phone=r.text("phone", max_chars=1000),
        text=r.text("text", max_chars=1000),
        hours=r.text("hours", max_chars=1000),
        notes=r.text("notes"),
        kind=r.text("kind", max_chars=64) or "other",
    )
    try:
        return contact.validated()
    except ValidationError as exc:
        raise RowProblem("name", exc.message) from None


def _setting(r: RowReader, ctx: RowContext) -> object:
    key = r.text("key", required=True, max_chars=200)
    value = r.json("value", object, required=True)
    default = SETTING_DEFAULTS.get(key)
    if default is not None and type(value) is not type(default):
        raise RowProblem(
            "value",
            Message(
                "{key} must be like {default}, found {value}",
                key=key,
                default=shorten(default),
                value=shorten(value),
            ),
        )
    # The ranges the settings screen offers: a huge lock delay overflows the idle timer.
    if key == "auto_lock_minutes" and not 1 <= value <= 120:
        raise RowProblem(
            "value",
            Message("auto_lock_minutes must be from 1 to 120, found {value}", value=shorten(value)),
        )
    if key == "reminder_days" and not all(_in(day, 0, 6) for day in value):
        raise RowProblem("value", Message("reminder_days must list days from 0 to 6"))
    # The team secret behind contribution tokens: a broken one would stop contributions.
    if key == SECRET_SETTING and not (
        isinstance(value, str) and re.fullmatch(r"[0-9a-f]{64}", value)
    ):
        raise RowProblem("value", Message("team_secret must be 64 hexadecimal characters"))
    return value


def _dismissed_notice(r: RowReader, ctx: RowContext) -> object:
    r.text("notice_id", required=True, max_chars=500)
    return r.moment("dismissed_at", required=True)


def _debrief(r: RowReader, ctx: RowContext) -> Debrief:
    r.row_id()
    shared = []
    parts: dict[str, tuple[str, ...]] = {}
    for pair in r.json("shared", list):
        # A reflection shared in part carries its parts as a third element (issue 16).
        extra = pair[2:] if isinstance(pair, list) and len(pair) == 3 else []
        if (
            not isinstance(pair, list)
            or len(pair) not in (2, 3)
            or not all(isinstance(p, str) for p in pair[:2])
            or (extra and (pair[0] != "reflection" or not isinstance(extra[0], list)))
        ):
            raise RowProblem(
                "shared",
                Message("must list [kind, id] pairs, found {pair}", pair=shorten(pair)),
            )
        try:
            shared.append(shared_ref(pair[0], pair[1]))
            if extra:
                parts[pair[1]] = clean_parts(extra[0])
        except ReflectError as exc:
            raise RowProblem("shared", exc.message) from None
    notes = r.json("notes", dict)
    for step, text in notes.items():
        if step not in AGENDA_IDS or not isinstance(text, str):
            raise RowProblem(
                "notes",
                Message("{step} is not a debrief step with a text note", step=shorten(step)),
            )
    return Debrief(
        title=r.text("title", required=True, max_chars=1000),
        supervisor=r.text("supervisor", max_chars=1000),
        scheduled_for=r.moment("scheduled_for"),
        topics=text_list(r.json("topics", list), "topics"),
        shared=shared,
        parts=parts,
        notes=notes,
        completed_at=r.moment("completed_at"),
        created_at=r.moment("created_at"),
    )


VALIDATORS: dict[str, Validator | None] = {
    "reflections": _reflection,
    "follow_ups": _follow_up,
    "drafts": None,  # never imported: it would replace work in progress
    "checkins": _checkin,
    "instrument_results": _instrument_result,
    "plan": _plan,
    "help_contacts": _help_contact,
    "settings": _setting,
    "dismissed_notices": _dismissed_notice,
    "debriefs": _debrief,
    "team_contributions": team_contribution,
    "team_assessments": team_assessment,
    "team_actions": team_action,
    **SUPERVISION_VALIDATORS,
    "shift_logs": shift_log,
    "shift_self_checks": shift_self_check,
    "breaks": break_span,
    "after_work_checks": after_work_check,
}


class BadRow(ValidationError):
    """The first row of an archive that the app would not accept; nothing was imported."""

    def __init__(self, file: str, table: str, number: int, column: str, problem: str) -> None:
        self.table, self.number, self.column = table, number, column
        super().__init__(
            "{file}: table {table}, row {row}, field {field}: {problem}. Nothing was imported.",
            file=file,
            table=table,
            row=number,
            field=column,
            problem=problem,
        )


def validate_tables(
    tables: Iterator[tuple[str, Iterator[dict[str, Any]]]], ctx: RowContext, file: str
) -> None:
    """Check every row of every table; raise BadRow at the first one the app would refuse.

    A table without a validator is refused too: failing closed is the point of the registry.
    """
    for table, rows in tables:
        if table not in VALIDATORS:
            raise ValidationError(
                "{file}: table {table} cannot be checked by this version of Reflect. Nothing "
                "was imported.",
                file=file,
                table=table,
            )
        validator = VALIDATORS[table]
        if validator is None:
            continue
        for number, row in enumerate(rows, start=1):
            try:
                validator(RowReader(row), ctx)
            except RowProblem as exc:
                raise BadRow(file, table, number, exc.column, exc.problem) from None
