"""Parsing JSON (and TOML) that came from outside with limits on depth, numbers and text.

Python's parsers accept a 100,000-level nesting until the interpreter's recursion limit
fails, a 5,000-digit integer until int() refuses it, ``1e400`` as infinity and escaped lone
surrogates that later break every UTF-8 write. Each of those surfaced as a traceback far
from the file. Here they all become one ``JsonLimitError`` with a short problem text, raised
before the data reaches the code that uses it.
"""

from __future__ import annotations

import errno
import json
import math
import os
import re
import stat

from reflect.domain.message import Message, as_message

# typing itself is not loaded: `reflect search` reads these files before anything else
# needs it (about 3 ms); type checkers read the block below all the same.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

MAX_DEPTH = 32
MAX_INT_DIGITS = 20
# No number a person or an organisation writes in Reflect's files comes near this; the
# limit keeps arithmetic on it (sums, multiplications, chart axes) finite.
MAX_NUMBER = 1e15
_SURROGATE = re.compile("[\ud800-\udfff]")
# The template of a JSON syntax error; content files name its line as the field.
JSON_SYNTAX_ERROR = "is not valid JSON (line {line}, column {column}: {error})"


class JsonLimitError(ValueError):
    """The text is valid JSON/TOML but outside what Reflect accepts (or not valid at all)."""

    def __init__(self, problem: str, where: str = "") -> None:
        # ``problem`` is a Message (or plain English made one), so callers that put it in
        # their own message keep its template for the interface to translate.
        self.problem = as_message(problem)
        self.where = where
        super().__init__(
            Message("{where}: {problem}", where=where, problem=self.problem)
            if where
            else self.problem
        )


def shorten(value: Any, limit: int = 60) -> str:
    """``repr(value)`` cut to ``limit`` characters, so a 1 MB bad value is never echoed."""
    text = repr(value) if not isinstance(value, int) or isinstance(value, bool) else None
    if text is None:  # str() of a 5,000-digit integer itself raises
        digits = len(str(abs(value))) if abs(value) < 10**MAX_INT_DIGITS else None
        text = (
            str(value) if digits is not None else f"a number with more than {MAX_INT_DIGITS} digits"
        )
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _parse_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise JsonLimitError(_too_many_digits())
    return int(text)


def _parse_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise JsonLimitError(
            Message("has a number too large to use ({value})", value=shorten(text))
        )
    return value


def _no_constant(name: str) -> None:
    raise JsonLimitError(Message("{name} is not a number Reflect accepts", name=name))


def bracket_depth(text: str) -> int:
    """How deeply brackets nest in JSON text, ignoring those inside strings: checked before
    json.loads, whose recursion a file of a million nested brackets could otherwise exhaust."""
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def loads(text: str, max_depth: int = MAX_DEPTH) -> Any:
    """``json.loads`` with the limits above; raises JsonLimitError, never anything else."""
    try:
        value = json.loads(
            text, parse_int=_parse_int, parse_float=_parse_float, parse_constant=_no_constant
        )
    except JsonLimitError:
        raise
    except RecursionError:
        raise JsonLimitError(_too_deep(max_depth)) from None
    except json.JSONDecodeError as exc:
        raise JsonLimitError(
            Message(JSON_SYNTAX_ERROR, line=exc.lineno, column=exc.colno, error=exc.msg)
        ) from None
    except ValueError as exc:
        raise JsonLimitError(
            Message("is not valid JSON ({error})", error=shorten(str(exc), 80))
        ) from None
    check_json_value(value, max_depth)
    return value


def loads_toml(text: str, max_depth: int = MAX_DEPTH) -> Any:
    """``tomllib.loads`` with the same limits; TOML dates and times are refused."""
    import tomllib  # only organisation files use TOML; the lock screen does not wait for it

    try:
        value = tomllib.loads(text, parse_float=_parse_float)
    except JsonLimitError:
        raise
    except RecursionError:
        raise JsonLimitError(_too_deep(max_depth)) from None
    except tomllib.TOMLDecodeError as exc:
        raise JsonLimitError(
            Message("is not valid TOML ({error})", error=shorten(str(exc), 80))
        ) from None
    except ValueError as exc:
        raise JsonLimitError(
            Message("is not valid TOML ({error})", error=shorten(str(exc), 80))
        ) from None
    check_json_value(value, max_depth)
    return value


def check_json_value(value: Any, max_depth: int = MAX_DEPTH) -> None:
    """Walk ``value`` without recursion: depth, key and string text, number sizes, types."""
    stack: list[tuple[Any, int, str]] = [(value, 1, "")]
    while stack:
        item, depth, where = stack.pop()
        if depth > max_depth:
            raise JsonLimitError(_too_deep(max_depth), where)
        if isinstance(item, dict):
            for key, child in item.items():
                if not isinstance(key, str) or _SURROGATE.search(key):
                    raise JsonLimitError(Message("has a key that is not valid Unicode text"), where)
                stack.append((child, depth + 1, f"{where}.{key}" if where else key))
        elif isinstance(item, list):
            stack.extend((child, depth + 1, f"{where}[{i}]") for i, child in enumerate(item))
        elif isinstance(item, str):
            if _SURROGATE.search(item):
                raise JsonLimitError(Message("holds characters that are not valid Unicode"), where)
        elif isinstance(item, bool) or item is None:
            continue
        elif isinstance(item, int):
            if abs(item) >= 10**MAX_INT_DIGITS:
                raise JsonLimitError(_too_many_digits(), where)
        elif isinstance(item, float):
            if not math.isfinite(item) or abs(item) > MAX_NUMBER:
                raise JsonLimitError(
                    Message("has a number out of range ({value})", value=shorten(item)), where
                )
        else:  # TOML dates and times: no content field takes one
            raise JsonLimitError(
                Message(
                    "has a value of a kind Reflect does not read ({kind})",
                    kind=type(item).__name__,
                ),
                where,
            )


def read_regular_file(path: str | os.PathLike[str], max_bytes: int) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most ``max_bytes``.

    Opened without blocking and checked with fstat on the open descriptor, so a FIFO named
    ``x.json`` (which would block the reader forever), a device or a folder is refused, and
    a file that grows after the check is still cut at the limit. Raises JsonLimitError.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno != errno.ELOOP:
            raise JsonLimitError(_unreadable(exc)) from None
        try:  # a symbolic link: follow it, then check what it is (it may point nowhere)
            fd = os.open(path, flags & ~getattr(os, "O_NOFOLLOW", 0))
        except OSError as followed:
            raise JsonLimitError(_unreadable(followed)) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise JsonLimitError(Message("is not a regular file"))
        if info.st_size > max_bytes:
            raise JsonLimitError(Message("is larger than {size}", size=_size(max_bytes)))
        chunks, total = [], 0
        while chunk := os.read(fd, min(1 << 20, max_bytes + 1 - total)):
            chunks.append(chunk)
            total += len(chunk)
            if total > max_bytes:
                raise JsonLimitError(Message("is larger than {size}", size=_size(max_bytes)))
        return b"".join(chunks)
    except OSError as exc:
        raise JsonLimitError(_unreadable(exc)) from None
    finally:
        os.close(fd)


def decode_text(raw: bytes) -> str:
    """UTF-8 (a leading BOM allowed); JsonLimitError otherwise."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise JsonLimitError(Message("is not UTF-8 text (byte {byte})", byte=exc.start)) from None


def _size(count: int) -> Message:
    if count >= 1024 * 1024:
        return Message("{count} MB", count=count // (1024 * 1024))
    return Message("{count} KB", count=count // 1024)


def _too_many_digits() -> Message:
    return Message("has a number with more than {count} digits", count=MAX_INT_DIGITS)


def _too_deep(max_depth: int) -> Message:
    return Message("is nested more than {count} levels deep", count=max_depth)


def _unreadable(exc: OSError) -> Message:
    return Message("cannot be read ({error})", error=exc.strerror or str(exc))
