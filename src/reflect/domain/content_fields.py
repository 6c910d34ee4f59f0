"""Typed readers for content files: every problem becomes a ContentError with a field path.

Used by the instrument definition loader; kept apart so the loader reads as the format.
"""

from __future__ import annotations

import math
from typing import Any

from reflect.domain.errors import ContentError

ID_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789_-")


class FieldReader:
    """Small typed readers that turn every problem into a ContentError with a field path."""

    def __init__(self, source: str) -> None:
        self.source = source

    def _name(self, prefix: str, key: str) -> str:
        return f"{prefix}.{key}" if prefix else key

    def field(self, data: dict[str, Any], key: str, kind: type, prefix: str = "") -> Any:
        if key not in data:
            raise ContentError(self.source, self._name(prefix, key), "is missing")
        value = data[key]
        if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
            raise ContentError(
                self.source,
                self._name(prefix, key),
                f"must be {_KIND_NAMES.get(kind, kind.__name__)}",
            )
        return value

    def text(
        self, data: dict[str, Any], key: str, prefix: str = "", default: str | None = None
    ) -> str:
        if default is not None and key not in data:
            return default
        value = self.field(data, key, str, prefix)
        if not value.strip():
            raise ContentError(self.source, self._name(prefix, key), "must not be empty")
        return str(value).strip()

    def identifier(self, data: dict[str, Any], key: str, prefix: str = "") -> str:
        value = self.text(data, key, prefix)
        if len(value) > 64 or not set(value) <= ID_CHARS:
            raise ContentError(
                self.source,
                self._name(prefix, key),
                "must use only lower-case letters, digits, '_' or '-' (64 at most)",
            )
        return value

    def integer(self, data: dict[str, Any], key: str, low: int, high: int, prefix: str = "") -> int:
        value = self.field(data, key, int, prefix)
        if not low <= value <= high:
            raise ContentError(
                self.source,
                self._name(prefix, key),
                f"must be between {low} and {high}, found {value}",
            )
        return int(value)

    def number(self, data: dict[str, Any], key: str, default: float, prefix: str = "") -> float:
        if key not in data:
            return default
        value = data[key]
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
        ):
            raise ContentError(self.source, self._name(prefix, key), "must be a number")
        return float(value)

    def optional_number(self, data: dict[str, Any], key: str, prefix: str) -> float | None:
        if data.get(key) is None:
            return None
        return self.number(data, key, 0.0, prefix)

    def item_numbers(
        self, value: Any, where: str, item_count: int, allow_empty: bool
    ) -> tuple[int, ...]:
        if not isinstance(value, list):
            raise ContentError(self.source, where, "must be a list of item numbers")
        if not value and not allow_empty:
            raise ContentError(self.source, where, "needs at least one item number")
        for index, number in enumerate(value):
            if (
                isinstance(number, bool)
                or not isinstance(number, int)
                or not 1 <= number <= item_count
            ):
                raise ContentError(
                    self.source,
                    f"{where}[{index}]",
                    f"must be an item number from 1 to {item_count}, found {number!r}",
                )
        if len(set(value)) != len(value):
            raise ContentError(self.source, where, "lists the same item twice")
        return tuple(value)

    def answer_map(
        self, value: Any, where: str, minimum: int, maximum: int, kind: type, complete: bool
    ) -> dict[int, Any]:
        if not isinstance(value, dict):
            raise ContentError(self.source, where, "must map answer numbers to values")
        result: dict[int, Any] = {}
        for key, item in value.items():
            try:
                answer = int(key)
            except (TypeError, ValueError):
                raise ContentError(
                    self.source, f"{where}.{key}", "is not an answer number"
                ) from None
            if not minimum <= answer <= maximum:
                raise ContentError(
                    self.source, f"{where}.{key}", f"is outside the scale {minimum} to {maximum}"
                )
            if kind is str:
                if not isinstance(item, str) or not item.strip():
                    raise ContentError(self.source, f"{where}.{key}", "must be a non-empty text")
                result[answer] = item.strip()
            else:
                if (
                    isinstance(item, bool)
                    or not isinstance(item, int | float)
                    or not math.isfinite(item)
                ):
                    raise ContentError(self.source, f"{where}.{key}", "must be a number")
                result[answer] = float(item)
        if complete and set(result) != set(range(minimum, maximum + 1)):
            raise ContentError(
                self.source,
                where,
                f"must give a value for every answer from {minimum} to {maximum}",
            )
        return result


_KIND_NAMES = {
    str: "a text",
    int: "a whole number",
    list: "a list",
    dict: "an object",
    float: "a number",
}
