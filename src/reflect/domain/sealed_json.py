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
from typing import Any

from reflect.domain.errors import ValidationError
from reflect.domain.safe_json import bracket_depth

MAX_BYTES = 4 * 1024 * 1024  # a packet of a long debrief is tens of kilobytes
MAX_DEPTH = 12
# An X25519 age recipient: "age1" and 58 bech32 characters (lower case, no b/i/o/1).
RECIPIENT_PATTERN = re.compile(r"age1[02-9ac-hj-np-z]{58}")
ID_PATTERN = re.compile(r"[0-9a-f]{32}")


def parse_limited(data: bytes, what: str) -> dict[str, Any]:
    """``data`` as a JSON object, or a ValidationError naming ``what`` it should have been."""
    if len(data) > MAX_BYTES:
        raise ValidationError(f"This {what} is too large to be one from Reflect.")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise ValidationError(f"This {what} is damaged: its content is not text.") from None
    if bracket_depth(text) > MAX_DEPTH:
        raise ValidationError(f"This {what} is nested too deeply to be one from Reflect.")
    try:
        value = json.loads(text, parse_constant=_no_constant)
    except (ValueError, RecursionError):
        raise ValidationError(f"This {what} is damaged: its content cannot be read.") from None
    if not isinstance(value, dict):
        raise ValidationError(f"This {what} is damaged: its content has the wrong shape.")
    return value


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


class Fields:
    """Typed field readers; every refusal says which field of which file is wrong."""

    def __init__(self, what: str) -> None:
        self.what = what

    def fail(self, where: str, problem: str) -> ValidationError:
        return ValidationError(f"This {self.what} cannot be used: {where} {problem}.")

    def obj(self, data: Any, where: str) -> dict[str, Any]:
        if not isinstance(data, dict):
            raise self.fail(where, "must be an object")
        return data

    def items(self, data: dict[str, Any], key: str, where: str, limit: int) -> list[Any]:
        value = data.get(key, [])
        if not isinstance(value, list):
            raise self.fail(f"{where}.{key}", "must be a list")
        if len(value) > limit:
            raise self.fail(f"{where}.{key}", f"has more than {limit} entries")
        return value

    def text(
        self, data: dict[str, Any], key: str, where: str, limit: int, required: bool = False
    ) -> str:
        value = data.get(key, "")
        if value is None:
            value = ""
        if not isinstance(value, str):
            raise self.fail(f"{where}.{key}", "must be a text")
        if len(value) > limit:
            raise self.fail(f"{where}.{key}", f"is longer than {limit} characters")
        if "\x00" in value:
            raise self.fail(f"{where}.{key}", "holds a control character")
        if required and not value.strip():
            raise self.fail(f"{where}.{key}", "is missing")
        return value

    def pattern(self, data: dict[str, Any], key: str, where: str, rule: re.Pattern[str]) -> str:
        value = data.get(key)
        if not isinstance(value, str) or not rule.fullmatch(value):
            raise self.fail(f"{where}.{key}", "is missing or malformed")
        return value

    def choice(self, data: dict[str, Any], key: str, where: str, allowed: tuple[str, ...]) -> str:
        value = data.get(key)
        if value not in allowed:
            raise self.fail(f"{where}.{key}", f"must be one of {', '.join(allowed)}")
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
            raise self.fail(f"{where}.{key}", f"must be a number from {low:g} to {high:g}")
        return float(value)

    def whole(self, data: dict[str, Any], key: str, where: str, low: int, high: int) -> int | None:
        value = data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise self.fail(f"{where}.{key}", f"must be a whole number from {low} to {high}")
        return int(value)

    def flag(self, data: dict[str, Any], key: str, where: str) -> bool:
        value = data.get(key, False)
        if not isinstance(value, bool):
            raise self.fail(f"{where}.{key}", "must be true or false")
        return value

    def day(self, data: dict[str, Any], key: str, where: str) -> date | None:
        value = data.get(key)
        if value is None or value == "":
            return None
        try:
            if not isinstance(value, str) or len(value) != 10:
                raise ValueError
            return date.fromisoformat(value)
        except ValueError:
            raise self.fail(f"{where}.{key}", "must be a date like 2026-03-31") from None

    def moment(self, data: dict[str, Any], key: str, where: str) -> datetime | None:
        value = data.get(key)
        if value is None or value == "":
            return None
        try:
            if not isinstance(value, str) or len(value) > 40:
                raise ValueError
            return datetime.fromisoformat(value).replace(tzinfo=None)
        except ValueError:
            raise self.fail(f"{where}.{key}", "must be a date and time") from None
