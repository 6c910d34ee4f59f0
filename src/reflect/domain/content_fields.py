"""The one field reader for content files: templates, instruments, coping items, crisis
lines, the check-in and About-the-content all read their fields through ``ContentReader``.

A reader stands on one JSON object at a dotted path (``sections[1].fields[0]``); every
problem becomes a ContentError naming the file and the field, with the bad value cut short,
so an organisation can fix its own file without reading Python. Numbers are held to ranges
that keep the arithmetic on them (sums, multiplications, chart axes) finite.
"""

from __future__ import annotations

import math
import re
from typing import Any, NoReturn

from reflect.domain.errors import ContentError
from reflect.domain.message import Message, Term, as_message
from reflect.domain.safe_json import shorten
from reflect.domain.template_names import TEMPLATE_ID

# Any number in a content file (a transform, a band limit, a point value) stays within this.
NUMBER_LIMIT = 1e6
_TEMPLATE_ID = TEMPLATE_ID  # one pattern, checked without the loader by template_names
_DASHED_ID = re.compile(r"^[a-z0-9_-]{1,64}$")

# The refusal for a value of the wrong kind, written whole so each can be translated.
_KIND_PROBLEMS = {
    str: "must be a text",
    int: "must be a whole number",
    list: "must be a list",
    dict: "must be an object",
    float: "must be a number",
    bool: "must be true or false",
}


class ContentReader:
    """Typed access to one JSON object of a content file, reporting errors with a path."""

    def __init__(self, source: str, data: Any, path: str = "", problem: str = "") -> None:
        self.source, self.data, self.path = source, data, path
        if not isinstance(data, dict):
            self.fail("", problem or "must be a JSON object")

    # --- paths and failures -------------------------------------------------------------

    def where(self, key: str | int = "") -> str:
        if isinstance(key, int):
            return f"{self.path}[{key}]"
        if not key:
            return self.path or Term("(file)")
        return f"{self.path}.{key}" if self.path else key

    def fail(self, key: str | int, problem: str) -> NoReturn:
        # A constant problem becomes a Message too, so the interface can translate it.
        raise ContentError(self.source, self.where(key), as_message(problem))

    def has(self, key: str) -> bool:
        return key in self.data

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)

    def child(self, key: str, index: int | None = None, problem: str = "") -> ContentReader:
        """The object at ``key`` (or at ``key[index]``), as a reader of its own."""
        value = self.data.get(key) if index is None else self.data[key][index]
        path = self.where(key) if index is None else f"{self.where(key)}[{index}]"
        return ContentReader(self.source, value, path, problem)

    def children(self, key: str, problem: str = "must be a non-empty list") -> list[ContentReader]:
        """Readers for every object of the non-empty list at ``key``."""
        return [self.child(key, i) for i in range(len(self.array(key, problem)))]

    def unknown_keys(self, allowed: set[str] | frozenset[str]) -> None:
        extra = sorted(set(self.data) - allowed)
        if extra:
            self.fail(
                extra[0],
                Message(
                    "is not a known key (expected one of: {keys})", keys=", ".join(sorted(allowed))
                ),
            )

    # --- values -------------------------------------------------------------------------

    def field(self, key: str, kind: type) -> Any:
        """The value at ``key``, which must be present and of ``kind`` (bool is not int)."""
        if key not in self.data:
            self.fail(key, "is missing")
        value = self.data[key]
        if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
            problem = _KIND_PROBLEMS.get(kind)
            self.fail(key, problem or Message("must be {kind}", kind=kind.__name__))
        return value

    def text(
        self,
        key: str,
        *,
        required: bool = True,
        default: str = "",
        max_len: int | None = None,
    ) -> str:
        """Trimmed text. Required text must be present and not blank; optional text may be
        missing (``default``) or blank."""
        value = self.data.get(key)
        if value is None:
            if required:
                self.fail(key, "is missing (a non-empty text is needed)")
            return default
        if not isinstance(value, str) or (required and not value.strip()):
            self.fail(key, "must be a non-empty text" if required else "must be a text")
        if max_len is not None and len(value) > max_len:
            self.fail(key, Message("keep it short: at most {count} characters", count=max_len))
        return value.strip()

    def identifier(self, key: str, *, dashes: bool = False) -> str:
        value = self.text(key)
        if not (_DASHED_ID if dashes else _TEMPLATE_ID).match(value):
            template = (
                "{value} must use only lower-case letters, digits, '_' or '-' (64 at most)"
                if dashes
                else "{value} must use only lower-case letters, digits and underscores, "
                "starting with a letter (64 at most)"
            )
            self.fail(key, Message(template, value=shorten(value)))
        return value

    def integer(self, key: str, low: int, high: int, default: int | None = None) -> int:
        if default is not None and key not in self.data:
            return default
        value = self.data.get(key)
        if key not in self.data:
            self.fail(key, "is missing")
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            self.fail(
                key,
                Message(
                    "must be a whole number from {low} to {high}, found {value}",
                    low=low,
                    high=high,
                    value=shorten(value),
                ),
            )
        return value

    def number(self, key: str, default: float, limit: float = NUMBER_LIMIT) -> float:
        if key not in self.data:
            return default
        return self.number_value(self.data[key], key, limit)

    def optional_number(self, key: str, limit: float = NUMBER_LIMIT) -> float | None:
        if self.data.get(key) is None:
            return None
        return self.number(key, 0.0, limit)

    def number_value(self, value: Any, key: str | int, limit: float = NUMBER_LIMIT) -> float:
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
            or abs(value) > limit
        ):
            self.fail(
                key,
                Message(
                    "must be a number from {low} to {high}, found {value}",
                    low=f"{-limit:g}",
                    high=f"{limit:g}",
                    value=shorten(value),
                ),
            )
        return float(value)

    def boolean(self, key: str, default: bool = False) -> bool:
        value = self.data.get(key, default)
        if not isinstance(value, bool):
            self.fail(key, "must be true or false")
        return value

    def array(self, key: str, problem: str = "must be a non-empty list") -> list[Any]:
        value = self.data.get(key)
        if not isinstance(value, list) or not value:
            self.fail(key, problem)
        return value

    def texts(self, key: str, problem: str, *, required: bool = False) -> list[str]:
        """A list of non-empty texts (trimmed); missing means empty unless ``required``."""
        value = self.data.get(key, None if required else [])
        if not isinstance(value, list) or not all(isinstance(t, str) and t.strip() for t in value):
            self.fail(key, problem)
        return [t.strip() for t in value]

    def choice(self, key: str, choices: tuple[str, ...], default: str | None = None) -> str:
        value = self.data.get(key, default)
        if value not in choices:
            self.fail(
                key,
                Message(
                    "must be one of {choices}, found {value}",
                    choices=", ".join(choices),
                    value=shorten(value),
                ),
            )
        return str(value)

    # --- lists of item numbers and answer maps (questionnaire definitions) -------------

    def item_numbers(self, key: str, item_count: int, allow_empty: bool) -> tuple[int, ...]:
        value = self.data.get(key, [] if allow_empty else None)
        if not isinstance(value, list):
            self.fail(key, "must be a list of item numbers")
        if not value and not allow_empty:
            self.fail(key, "needs at least one item number")
        for index, number in enumerate(value):
            if (
                isinstance(number, bool)
                or not isinstance(number, int)
                or not 1 <= number <= item_count
            ):
                raise ContentError(
                    self.source,
                    f"{self.where(key)}[{index}]",
                    Message(
                        "must be an item number from 1 to {count}, found {value}",
                        count=item_count,
                        value=shorten(number),
                    ),
                )
        if len(set(value)) != len(value):
            self.fail(key, "lists the same item twice")
        return tuple(value)

    def answer_map(
        self, key: str, minimum: int, maximum: int, kind: type, complete: bool
    ) -> dict[int, Any]:
        raw = self.data.get(key, {})
        if not isinstance(raw, dict):
            self.fail(key, "must map answer numbers to values")
        inner = ContentReader(self.source, raw, self.where(key))
        result: dict[int, Any] = {}
        for name, item in raw.items():
            try:
                answer = int(name)
            except (TypeError, ValueError):
                inner.fail(name, "is not an answer number")
            if not minimum <= answer <= maximum:
                inner.fail(
                    name,
                    Message("is outside the scale {low} to {high}", low=minimum, high=maximum),
                )
            if kind is str:
                result[answer] = inner.text(name)
            else:
                result[answer] = inner.number_value(item, name)
        if complete and set(result) != set(range(minimum, maximum + 1)):
            self.fail(
                key,
                Message(
                    "must give a value for every answer from {low} to {high}",
                    low=minimum,
                    high=maximum,
                ),
            )
        return result
