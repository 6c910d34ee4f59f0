"""Reading JSON that arrived from someone else's computer, as carefully as typed input.

A packet or reply that decrypted is only proof that it was sealed to us, not that its content
is sane: anyone who knows our public key can seal anything. So the text is parsed with limits
on size and nesting, and every field is read through :class:`Fields`, which names the field
in every refusal. Standard library only.
"""

from __future__ import annotations

import json
import math
import re
from datetime import date, datetime
from typing import Any, NamedTuple, TypeVar

from reflect.domain.errors import ValidationError
from reflect.domain.kept_dates import OUTSIDE_KEPT_YEARS, is_kept
from reflect.domain.message import Message, as_message
from reflect.domain.safe_json import bracket_depth, shorten

MAX_BYTES = 4 * 1024 * 1024  # a packet of a long debrief is tens of kilobytes
MAX_DEPTH = 12
# An X25519 age recipient: "age1" and 58 bech32 characters (lower case, no b/i/o/1).
RECIPIENT_PATTERN = re.compile(r"age1[02-9ac-hj-np-z]{58}")
ID_PATTERN = re.compile(r"[0-9a-f]{32}")
_SURROGATE = re.compile("[\ud800-\udfff]")

_D = TypeVar("_D", date, datetime)


class Refusals(NamedTuple):
    """What Reflect says when a document of one kind cannot be used.

    Written out per kind rather than built around a ``{what}`` placeholder: in French the
    noun's gender changes the words around it ("ce paquet", "cette réponse").
    """

    too_large: str
    not_text: str
    too_deep: str
    unreadable: str
    wrong_shape: str
    unusable: str  # a template: {where} is the field, {problem} what is wrong with it


REFUSALS: dict[str, Refusals] = {
    "debrief packet": Refusals(
        "This debrief packet is too large to be one from Reflect.",
        "This debrief packet is damaged: its content is not text.",
        "This debrief packet is nested too deeply to be one from Reflect.",
        "This debrief packet is damaged: its content cannot be read.",
        "This debrief packet is damaged: its content has the wrong shape.",
        "This debrief packet cannot be used: {where} {problem}.",
    ),
    "supervisor's reply": Refusals(
        "This supervisor's reply is too large to be one from Reflect.",
        "This supervisor's reply is damaged: its content is not text.",
        "This supervisor's reply is nested too deeply to be one from Reflect.",
        "This supervisor's reply is damaged: its content cannot be read.",
        "This supervisor's reply is damaged: its content has the wrong shape.",
        "This supervisor's reply cannot be used: {where} {problem}.",
    ),
    "file": Refusals(
        "This file is too large to be one from Reflect.",
        "This file is damaged: its content is not text.",
        "This file is nested too deeply to be one from Reflect.",
        "This file is damaged: its content cannot be read.",
        "This file is damaged: its content has the wrong shape.",
        "This file cannot be used: {where} {problem}.",
    ),
}


def parse_limited(data: bytes, what: str) -> dict[str, Any]:
    """``data`` as a JSON object, or a ValidationError naming ``what`` (a key of REFUSALS) it
    should have been."""
    says = REFUSALS[what]
    if len(data) > MAX_BYTES:
        raise ValidationError(says.too_large)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise ValidationError(says.not_text) from None
    if bracket_depth(text) > MAX_DEPTH:
        raise ValidationError(says.too_deep)
    try:
        value = json.loads(text, parse_constant=_no_constant)
    except (ValueError, RecursionError):
        raise ValidationError(says.unreadable) from None
    if not isinstance(value, dict):
        raise ValidationError(says.wrong_shape)
    return value


def _no_constant(name: str) -> Any:
    raise ValueError(name)  # caught above; never shown


class Fields:
    """Typed field readers; every refusal says which field of which file is wrong."""

    def __init__(self, what: str) -> None:
        self.what = what
        self.says = REFUSALS[what]

    def fail(self, where: str, problem: str) -> ValidationError:
        # ``where`` is a path in the JSON (debrief.cards[2].title), shown as it came.
        return ValidationError(self.says.unusable, where=where, problem=as_message(problem))

    def obj(self, data: Any, where: str) -> dict[str, Any]:
        if not isinstance(data, dict):
            raise self.fail(where, Message("must be an object"))
        return data

    def items(self, data: dict[str, Any], key: str, where: str, limit: int) -> list[Any]:
        value = data.get(key, [])
        if not isinstance(value, list):
            raise self.fail(f"{where}.{key}", Message("must be a list"))
        if len(value) > limit:
            raise self.fail(f"{where}.{key}", Message("has more than {limit} entries", limit=limit))
        return value

    def text(
        self, data: dict[str, Any], key: str, where: str, limit: int, required: bool = False
    ) -> str:
        value = data.get(key, "")
        if value is None:
            value = ""
        if not isinstance(value, str):
            raise self.fail(f"{where}.{key}", Message("must be a text"))
        if len(value) > limit:
            raise self.fail(
                f"{where}.{key}", Message("is longer than {limit} characters", limit=limit)
            )
        if "\x00" in value:
            raise self.fail(f"{where}.{key}", Message("holds a control character"))
        if _SURROGATE.search(value):
            # An escaped lone surrogate ("\\ud800") parses, then no UTF-8 write can store it.
            raise self.fail(
                f"{where}.{key}", Message("holds characters that are not valid Unicode")
            )
        if required and not value.strip():
            raise self.fail(f"{where}.{key}", Message("is missing"))
        return value

    def pattern(self, data: dict[str, Any], key: str, where: str, rule: re.Pattern[str]) -> str:
        value = data.get(key)
        if not isinstance(value, str) or not rule.fullmatch(value):
            raise self.fail(f"{where}.{key}", Message("is missing or malformed"))
        return value

    def choice(self, data: dict[str, Any], key: str, where: str, allowed: tuple[str, ...]) -> str:
        value = data.get(key)
        if value not in allowed:
            raise self.fail(
                f"{where}.{key}", Message("must be one of {choices}", choices=", ".join(allowed))
            )
        return str(value)

    def number(
        self, data: dict[str, Any], key: str, where: str, low: float, high: float
    ) -> float | None:
        value = data.get(key)
        if value is None:
            return None
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
            or not low <= value <= high
        ):
            raise self.fail(
                f"{where}.{key}",
                Message("must be a number from {low} to {high}", low=f"{low:g}", high=f"{high:g}"),
            )
        return float(value)

    def whole(self, data: dict[str, Any], key: str, where: str, low: int, high: int) -> int | None:
        value = data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise self.fail(
                f"{where}.{key}",
                Message("must be a whole number from {low} to {high}", low=low, high=high),
            )
        return int(value)

    def flag(self, data: dict[str, Any], key: str, where: str) -> bool:
        value = data.get(key, False)
        if not isinstance(value, bool):
            raise self.fail(f"{where}.{key}", Message("must be true or false"))
        return value

    def day(self, data: dict[str, Any], key: str, where: str) -> date | None:
        value = data.get(key)
        if value is None or value == "":
            return None
        try:
            if not isinstance(value, str) or len(value) != 10:
                raise ValueError
            day = date.fromisoformat(value)
        except ValueError:
            raise self.fail(f"{where}.{key}", Message("must be a date like 2026-03-31")) from None
        return self._kept(day, value, f"{where}.{key}")

    def moment(self, data: dict[str, Any], key: str, where: str) -> datetime | None:
        value = data.get(key)
        if value is None or value == "":
            return None
        try:
            if not isinstance(value, str) or len(value) > 40:
                raise ValueError
            # Another computer's local time: its numbers are kept, never converted.
            moment = datetime.fromisoformat(value).replace(tzinfo=None)
        except ValueError:
            raise self.fail(f"{where}.{key}", Message("must be a date and time")) from None
        return self._kept(moment, value, f"{where}.{key}")

    def _kept(self, value: _D, raw: str, where: str) -> _D:
        if not is_kept(value):
            raise self.fail(where, Message(OUTSIDE_KEPT_YEARS, value=shorten(raw)))
        return value
