"""Row validators for the supervision tables (m004_supervision), registered in row_validators.

A row from an archive meets the same rules as the packet, reply or form it came from: a
kept packet is read again through ``packet_from_json``, keys must look like age recipients,
ids like the random ids Reflect writes, and every number stays in the range the app offers.
The secret key tables never leave the database (table_dump.SECRET_TABLES), so they have none.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from reflect.domain.debrief import AGENDA_IDS
from reflect.domain.errors import ReflectError
from reflect.domain.message import Message
from reflect.domain.row_fields import RowProblem, RowReader, text_list
from reflect.domain.sealed_json import ID_PATTERN, RECIPIENT_PATTERN
from reflect.domain.signed_envelope import KEY_PATTERN, canonical_b64
from reflect.domain.supervision import (
    ROLES,
    SESSION_FORMATS,
    SESSION_KINDS,
    HotDebrief,
    check_hot_debrief,
    check_rating,
)
from reflect.domain.supervision_messages import packet_from_json

if TYPE_CHECKING:
    from reflect.services.row_validators import RowContext, Validator

_HASH = re.compile(r"[0-9a-f]{64}")
_BIG = 2**63 - 1


def _pattern(r: RowReader, column: str, rule: re.Pattern[str], required: bool = True) -> str:
    value = r.text(column, required=required, max_chars=100)
    if value and not rule.fullmatch(value):
        raise RowProblem(column, Message("is not in the form Reflect writes"))
    return value


def _flag(r: RowReader, column: str) -> None:
    r.integer(column, 0, 1)


def _supervisor(r: RowReader, ctx: RowContext) -> None:
    r.row_id()
    r.text("name", required=True, max_chars=80)
    _pattern(r, "recipient", RECIPIENT_PATTERN)
    r.moment("confirmed_at")


def _sent_packet(r: RowReader, ctx: RowContext) -> None:
    _pattern(r, "packet_id", ID_PATTERN)
    r.integer("debrief_id", 1, _BIG)
    _pattern(r, "recipient", RECIPIENT_PATTERN)
    r.moment("sent_at")
    _flag(r, "with_notes")


def _reply(r: RowReader, ctx: RowContext) -> None:
    _pattern(r, "reply_id", ID_PATTERN)
    _pattern(r, "packet_id", ID_PATTERN)
    r.integer("debrief_id", 1, _BIG)
    r.integer("next_debrief_id", 1, _BIG)
    r.text("supervisor_name", max_chars=80)
    _pattern(r, "supervisor_recipient", RECIPIENT_PATTERN)
    r.moment("received_at")
    _pattern(r, "content_hash", _HASH)
    for pair in r.json("notes", list):
        if not (
            isinstance(pair, list)
            and len(pair) == 2
            and pair[0] in AGENDA_IDS
            and isinstance(pair[1], str)
            and len(pair[1]) <= 20000
        ):
            raise RowProblem("notes", Message("must list [agenda step, text] pairs"))
    r.text("message", max_chars=20000)
    r.day("next_date")
    _flag(r, "signed")
    _flag(r, "from_archive")  # set to 1 on import whatever it says (import_pins)


def _supervisee(r: RowReader, ctx: RowContext) -> None:
    r.row_id()
    r.text("name", required=True, max_chars=80)
    _pattern(r, "recipient", RECIPIENT_PATTERN)
    r.moment("first_seen")
    _flag(r, "name_chosen")


def _received_packet(r: RowReader, ctx: RowContext) -> None:
    packet_id = _pattern(r, "packet_id", ID_PATTERN)
    r.integer("supervisee_id", 1, _BIG, required=True)
    _pattern(r, "content_hash", _HASH)
    r.moment("received_at")
    r.moment("created_at")
    r.text("title", max_chars=200)
    r.moment("scheduled_for")
    r.moment("held_at")
    _flag(r, "from_archive")
    try:
        packet = packet_from_json(r.json("body", dict, required=True))
    except ReflectError as exc:
        raise RowProblem("body", exc.message) from None
    if packet.packet_id != packet_id:
        raise RowProblem("body", Message("belongs to another packet"))


def _signing_pin(r: RowReader, ctx: RowContext) -> None:
    _pattern(r, "recipient", RECIPIENT_PATTERN)
    if canonical_b64(r.text("key", required=True, max_chars=100), KEY_PATTERN) is None:
        raise RowProblem("key", Message("is not in the form Reflect writes"))
    r.moment("since")


def _note(r: RowReader, ctx: RowContext) -> None:
    _pattern(r, "packet_id", ID_PATTERN)
    if r.text("step", required=True, max_chars=40) not in AGENDA_IDS:
        raise RowProblem("step", Message("is not a step of the debrief agenda"))
    r.text("text", max_chars=20000)
    _flag(r, "shared")
    r.moment("updated_at")


def _action(r: RowReader, ctx: RowContext) -> None:
    r.row_id()
    _pattern(r, "packet_id", ID_PATTERN)
    r.integer("supervisee_id", 1, _BIG)
    r.text("text", required=True, max_chars=2000)
    r.text("owner", max_chars=200)
    r.day("due")
    r.moment("done_at")
    r.moment("created_at")


def _agreement(r: RowReader, ctx: RowContext) -> None:
    r.integer("supervisee_id", 1, _BIG, required=True)
    for column in ("frequency", "aims", "confidentiality", "records"):
        r.text(column, max_chars=5000)
    r.day("review_on")
    r.moment("updated_at")


def _hours(r: RowReader, ctx: RowContext) -> None:
    r.row_id()
    if r.day("held_on") is None:
        raise RowProblem("held_on", Message("is missing"))
    r.integer("minutes", 5, 720, required=True)
    if r.text("kind", required=True, max_chars=20) not in SESSION_KINDS:
        raise RowProblem("kind", Message("must be individual or group"))
    if r.text("format", required=True, max_chars=20) not in SESSION_FORMATS:
        raise RowProblem("format", Message("must be in_person, video or phone"))
    r.integer("supervisee_id", 1, _BIG)
    r.text("note", max_chars=500)


def _rating(r: RowReader, ctx: RowContext) -> None:
    r.row_id()
    if r.day("rated_on") is None:
        raise RowProblem("rated_on", Message("is missing"))
    if r.text("role", required=True, max_chars=20) not in ROLES:
        raise RowProblem("role", Message("must be provider or supervisor"))
    r.integer("supervisee_id", 1, _BIG)
    r.integer("debrief_id", 1, _BIG)
    try:
        check_rating(r.json("scores", dict, required=True))
    except ReflectError as exc:
        raise RowProblem("scores", exc.message) from None
    r.text("comment", max_chars=2000)


def _hot_debrief(r: RowReader, ctx: RowContext) -> None:
    r.row_id()
    held = r.moment("held_at", required=True)
    if held is None:
        raise RowProblem("held_at", Message("is missing"))
    answers = r.json("answers", dict)
    if not all(isinstance(v, str) for v in answers.values()):
        raise RowProblem("answers", Message("must map parts of the debrief to texts"))
    checks = r.json("checks_done", list)
    if not all(isinstance(d, int) and not isinstance(d, bool) and 0 < d < 400 for d in checks):
        raise RowProblem("checks_done", Message("must list days after the debrief"))
    try:
        check_hot_debrief(
            HotDebrief(
                held,
                answers,
                text_list(r.json("themes", list), "themes"),
                text_list(r.json("actions", list), "actions"),
                checks,
            )
        )
    except ReflectError as exc:
        raise RowProblem("answers", exc.message) from None


def _sent_reply(r: RowReader, ctx: RowContext) -> None:
    _pattern(r, "reply_id", ID_PATTERN)
    _pattern(r, "packet_id", ID_PATTERN)
    r.moment("sent_at")
    r.day("next_date")


SUPERVISION_VALIDATORS: dict[str, Validator | None] = {
    "supervision_identity": None,  # the secret key: never exported, never imported
    "supervisors": _supervisor,
    "sent_packets": _sent_packet,
    "supervision_replies": _reply,
    "supervisees": _supervisee,
    "received_packets": _received_packet,
    "supervision_notes": _note,
    "supervision_actions": _action,
    "supervision_agreements": _agreement,
    "supervision_hours": _hours,
    "session_ratings": _rating,
    "hot_debriefs": _hot_debrief,
    "sent_replies": _sent_reply,
    "signing_identity": None,  # the secret signing key: never exported, never imported
    "signing_pins": _signing_pin,
}
