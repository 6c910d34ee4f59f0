"""The team contribution file: a person's coarse, month-level summary, as plain JSON.

A contribution is written by one person for a coordinator. It is readable by anyone who holds
it, so it carries only what the issue allows, and nothing else can get in or be read back:

- per month (``YYYY-MM``, never a day): the median of that month's check-in scores per
  warning-sign category and for the positive ("what is helping") items, rounded to the
  nearest 0.5; the band id (never the score) of each questionnaire subscale taken that month;
  the number of reflections as a bucket (``0``, ``1-5``, ``6-15``, ``16+``);
- a random contributor id drawn for that file, and the month it was written (so a newer
  file from the same contributor replaces an older one);
- (format 2) per month, a token: an HMAC of the month's name under a secret kept only inside
  the person's encrypted profile. The same person's same month has the same token in every
  file, so a coordinator counts them once; different months have unrelated tokens, so files
  that share no month cannot be linked. Format 1 files (no tokens) are still read.

Never text, never a day-level date, never a name, nothing from debriefs. Reading is strict:
every field is on a fixed allow-list, every value is checked, and a file that is too large,
too deep, duplicated in its keys or carrying anything unknown is refused as a whole.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import secrets
import statistics
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from reflect.domain.checkin import CATEGORIES, ITEM_MAX, ITEM_MIN
from reflect.domain.errors import ReflectError
from reflect.domain.message import Message, Term, as_message
from reflect.domain.safe_json import bracket_depth

FORMAT_V1 = "reflect-team-contribution/1"
FORMAT_V2 = "reflect-team-contribution/2"
FORMAT = FORMAT_V2  # what Reflect writes
# The profile setting holding the secret behind the month tokens (hex); never exported plain.
SECRET_SETTING = "team_secret"
SECRET_BYTES = 32
POSITIVE = "positive"
# Warning-sign categories first, then the positive items, in the order charts show them.
SCORE_KEYS: tuple[str, ...] = (*CATEGORIES, POSITIVE)
BUCKETS: tuple[str, ...] = ("0", "1-5", "6-15", "16+")

# The allow-list. A test walks every written file against exactly these names.
TOP_FIELDS = frozenset({"format", "contributor", "written", "months"})
MONTH_FIELDS = frozenset({"month", "checkins", "questionnaires", "reflections"})
MONTH_FIELDS_V2 = MONTH_FIELDS | {"token"}
QUESTIONNAIRE_FIELDS = frozenset({"instrument", "subscale", "band"})

MAX_FILE_BYTES = 256 * 1024
MAX_DEPTH = 5  # top object > months list > month object > questionnaires list > entry
MAX_MONTHS = 60
MAX_QUESTIONNAIRES = 40  # per month
# \Z, not $: "$" also matches before a final line break, so "2026-03\n" would be a month.
CONTRIBUTOR_RE = re.compile(r"^[0-9a-f]{32}\Z")
TOKEN_RE = CONTRIBUTOR_RE
MONTH_RE = re.compile(r"^([0-9]{4})-(0[1-9]|1[0-2])\Z")
IDENTIFIER_RE = re.compile(r"^[a-z0-9_-]{1,64}\Z")


class ContributionError(ReflectError):
    """A contribution file cannot be accepted; the message names the file and the problem."""

    def __init__(self, source: str, problem: str) -> None:
        self.source = source
        self.problem = as_message(problem)
        super().__init__(
            "{source}: not a team contribution Reflect can read: {problem}",
            source=source,
            problem=self.problem,
        )


@dataclass(frozen=True)
class QuestionnaireBand:
    instrument: str
    subscale: str
    band: str


@dataclass(frozen=True)
class MonthFigures:
    month: str  # YYYY-MM
    checkins: Mapping[str, float] = field(default_factory=dict)  # key in SCORE_KEYS -> x.0/x.5
    questionnaires: tuple[QuestionnaireBand, ...] = ()
    reflections: str = "0"  # one of BUCKETS
    token: str | None = None  # format 2: the person's token for this month


@dataclass(frozen=True)
class Contribution:
    contributor: str
    written: str  # YYYY-MM
    months: tuple[MonthFigures, ...]

    @property
    def format(self) -> str:
        """Format 2 when the months carry tokens (all of them do, or none)."""
        return FORMAT_V2 if self.months and self.months[0].token is not None else FORMAT_V1

    def to_json(self) -> dict[str, Any]:
        """The file's content; only allow-listed names, in a stable order."""
        return {
            "format": self.format,
            "contributor": self.contributor,
            "written": self.written,
            "months": [
                {
                    "month": m.month,
                    **({"token": m.token} if m.token is not None else {}),
                    "checkins": {k: m.checkins[k] for k in SCORE_KEYS if k in m.checkins},
                    "questionnaires": [
                        {"instrument": q.instrument, "subscale": q.subscale, "band": q.band}
                        for q in m.questionnaires
                    ],
                    "reflections": m.reflections,
                }
                for m in self.months
            ],
        }

    def to_bytes(self) -> bytes:
        return (json.dumps(self.to_json(), indent=2, ensure_ascii=False) + "\n").encode("utf-8")


# --- building ---------------------------------------------------------------------------------


def new_contributor_id() -> str:
    """A fresh random id for each file: two files from one person cannot be linked by it."""
    return secrets.token_hex(16)


def new_team_secret() -> bytes:
    """The per-profile secret behind the month tokens, made once and kept in the profile."""
    return secrets.token_bytes(SECRET_BYTES)


def month_token(secret: bytes, month: str) -> str:
    """The same for one person's same month in every file; unrelated across months."""
    digest = hmac.new(secret, f"reflect-team-month:{month}".encode(), hashlib.sha256).digest()
    return digest[:16].hex()


def round_half(value: float) -> float:
    """Nearest 0.5, halves rounding up (2.25 -> 2.5), so the result never depends on float
    banker's rounding."""
    return int(value * 2 + 0.5) / 2


def reflection_bucket(count: int) -> str:
    if count < 0:
        raise ValueError("a count cannot be negative")
    if count == 0:
        return "0"
    if count <= 5:
        return "1-5"
    if count <= 15:
        return "6-15"
    return "16+"


def month_figures(
    month: str,
    scores: Mapping[str, Iterable[float]],
    bands: Iterable[QuestionnaireBand],
    reflection_count: int,
    token: str | None = None,
) -> MonthFigures:
    """One month, coarsened: medians rounded to 0.5, bands kept once, reflections bucketed."""
    checkins: dict[str, float] = {}
    for key in SCORE_KEYS:
        values = [float(v) for v in scores.get(key, ())]
        if values:
            checkins[key] = round_half(statistics.median(values))
    unique: dict[tuple[str, str], QuestionnaireBand] = {}
    for band in bands:  # the latest result of a subscale in the month wins (callers pass in order)
        unique[(band.instrument, band.subscale)] = band
    return MonthFigures(
        month=month,
        checkins=checkins,
        questionnaires=tuple(unique[key] for key in sorted(unique)),
        reflections=reflection_bucket(reflection_count),
        token=token,
    )


# --- reading ----------------------------------------------------------------------------------


def _refuse_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(Message("the field {key} appears twice", key=repr(key)))
        result[key] = value
    return result


def _refuse_constant(name: str) -> Any:
    raise ValueError(Message("{name} is not a number Reflect accepts", name=name))


def _small_int(text: str) -> int:
    # Python's own refusal of a 5,000-digit number names sys.set_int_max_str_digits().
    if len(text.lstrip("-")) > 20:
        raise ValueError(Message("a number has too many digits"))
    return int(text)


def parse_contribution(data: bytes, source: str) -> Contribution:
    """Validate the bytes of a contribution file; any problem refuses the whole file."""
    if len(data) > MAX_FILE_BYTES:
        raise ContributionError(
            source, Message("it is larger than {count} KB", count=MAX_FILE_BYTES // 1024)
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise ContributionError(source, Message("it is not UTF-8 text")) from None
    if bracket_depth(text) > MAX_DEPTH:
        raise ContributionError(
            source, Message("it is nested more deeply than a contribution can be")
        )
    try:
        raw = json.loads(
            text,
            object_pairs_hook=_refuse_duplicates,
            parse_constant=_refuse_constant,
            parse_int=_small_int,
        )
    except (ValueError, RecursionError) as exc:
        # Our own refusals (a repeated field, a huge number) are Messages; the parser's are not.
        reason = exc.args[0] if exc.args and isinstance(exc.args[0], Message) else str(exc)
        raise ContributionError(
            source, Message("it is not valid JSON ({error})", error=reason)
        ) from None
    return contribution_from_json(raw, source)


def contribution_from_json(raw: Any, source: str) -> Contribution:
    def fail(problem: str) -> ContributionError:
        return ContributionError(source, problem)

    if not isinstance(raw, dict):
        raise fail(Message("the top level must be an object"))
    _only(raw, TOP_FIELDS, Term("the file"), fail)
    version = raw.get("format")
    if version not in (FORMAT_V1, FORMAT_V2):
        raise fail(Message("'format' must be {format}", format=repr(FORMAT)))
    contributor = raw.get("contributor")
    if not isinstance(contributor, str) or not CONTRIBUTOR_RE.match(contributor):
        raise fail(Message("'contributor' must be 32 lower-case hexadecimal characters"))
    written = _month(raw.get("written"), "'written'", fail)
    months_raw = raw.get("months")
    if not isinstance(months_raw, list) or not months_raw:
        raise fail(Message("'months' must be a non-empty list"))
    if len(months_raw) > MAX_MONTHS:
        raise fail(Message("'months' holds more than {count} months", count=MAX_MONTHS))
    fields = MONTH_FIELDS_V2 if version == FORMAT_V2 else MONTH_FIELDS
    months = tuple(
        _parse_month(entry, index, fields, fail) for index, entry in enumerate(months_raw)
    )
    seen = [m.month for m in months]
    if len(set(seen)) != len(seen):
        raise fail(Message("a month appears twice"))
    _check_tokens(months, fail)
    if max(seen) > written:
        raise fail(Message("a month comes after the month the file was written"))
    return Contribution(contributor, written, tuple(sorted(months, key=lambda m: m.month)))


def _only(data: dict[str, Any], allowed: frozenset[str], where: str, fail: Any) -> None:
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise fail(
            Message(
                "{where} holds fields a contribution never has: {fields}",
                where=where,
                fields=", ".join(unknown)[:120],
            )
        )
    missing = sorted(allowed - set(data))
    if missing:
        raise fail(Message("{where} lacks {fields}", where=where, fields=", ".join(missing)))


def _month(value: Any, where: str, fail: Any) -> str:
    if not isinstance(value, str) or not MONTH_RE.match(value) or value < "2000-01":
        raise fail(Message("{where} must be a month written YYYY-MM", where=where))
    return value


def _check_tokens(months: tuple[MonthFigures, ...], fail: Any) -> None:
    """One person's months each have their own token; a repeat would merge two months."""
    seen: set[str] = set()
    for index, month in enumerate(months):
        if month.token is None:
            continue
        if month.token in seen:
            raise fail(
                Message("{where}.token repeats another month's token", where=f"months[{index}]")
            )
        seen.add(month.token)


def _parse_month(raw: Any, index: int, fields: frozenset[str], fail: Any) -> MonthFigures:
    where = f"months[{index}]"
    if not isinstance(raw, dict):
        raise fail(Message("{where} must be an object", where=where))
    _only(raw, fields, where, fail)
    token = raw.get("token")
    if "token" in fields and (not isinstance(token, str) or not TOKEN_RE.match(token)):
        raise fail(
            Message("{where}.token must be 32 lower-case hexadecimal characters", where=where)
        )
    month = _month(raw["month"], f"{where}.month", fail)
    checkins = _parse_checkins(raw["checkins"], where, fail)
    questionnaires = _parse_questionnaires(raw["questionnaires"], where, fail)
    reflections = raw["reflections"]
    if reflections not in BUCKETS:
        raise fail(
            Message(
                "{where}.reflections must be one of {choices}",
                where=where,
                choices=", ".join(BUCKETS),
            )
        )
    return MonthFigures(month, checkins, tuple(questionnaires), reflections, token)


def _parse_checkins(checkins_raw: Any, where: str, fail: Any) -> dict[str, float]:
    if not isinstance(checkins_raw, dict):
        raise fail(Message("{where}.checkins must be an object", where=where))
    unknown = sorted(set(checkins_raw) - set(SCORE_KEYS))
    if unknown:
        raise fail(
            Message(
                "{where}.checkins holds unknown categories: {keys}",
                where=where,
                keys=", ".join(unknown)[:120],
            )
        )
    checkins: dict[str, float] = {}
    for key, value in checkins_raw.items():
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not ITEM_MIN <= value <= ITEM_MAX
            or value * 2 != int(value * 2)
        ):
            raise fail(
                Message(
                    "{where}.checkins.{key} must be 0 to 4 in steps of 0.5", where=where, key=key
                )
            )
        checkins[key] = float(value)
    return checkins


def _parse_questionnaires(
    questionnaires_raw: Any, where: str, fail: Any
) -> list[QuestionnaireBand]:
    if not isinstance(questionnaires_raw, list) or len(questionnaires_raw) > MAX_QUESTIONNAIRES:
        raise fail(
            Message(
                "{where}.questionnaires must be a list of at most {count}",
                where=where,
                count=MAX_QUESTIONNAIRES,
            )
        )
    questionnaires: list[QuestionnaireBand] = []
    pairs: set[tuple[str, str]] = set()
    for q_index, entry in enumerate(questionnaires_raw):
        q_where = f"{where}.questionnaires[{q_index}]"
        if not isinstance(entry, dict):
            raise fail(Message("{where} must be an object", where=q_where))
        _only(entry, QUESTIONNAIRE_FIELDS, q_where, fail)
        for name in QUESTIONNAIRE_FIELDS:
            if not isinstance(entry[name], str) or not IDENTIFIER_RE.match(entry[name]):
                raise fail(
                    Message("{where}.{key} must be a short identifier", where=q_where, key=name)
                )
        pair = (entry["instrument"], entry["subscale"])
        if pair in pairs:
            raise fail(Message("{where} repeats a questionnaire subscale", where=q_where))
        pairs.add(pair)
        questionnaires.append(QuestionnaireBand(*pair, entry["band"]))
    return questionnaires
