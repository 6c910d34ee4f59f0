"""The one loader for content files (templates, instruments, coping items, crisis lines,
the check-in, About-the-content), shipped or dropped into the data folder by an organisation.

Only a regular file up to ``MAX_CONTENT_BYTES`` is read (a FIFO named ``x.json`` would
otherwise block every command that loads templates); it is parsed with a depth limit, its
numbers must be finite and of sane size, and its text valid Unicode. Every problem is one
ContentError naming the file and, where known, the field: callers skip a bad organisation
file and report it, and treat a bad shipped file as the bug it is.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from reflect.domain.errors import ContentError
from reflect.domain.safe_json import (
    JsonLimitError,
    decode_text,
    loads,
    loads_toml,
    read_regular_file,
)

MAX_CONTENT_BYTES = 1024 * 1024  # the largest shipped file is about 40 KB
MAX_CONTENT_DEPTH = 12  # templates, the deepest format, need 7


def load_content_file(path: Path, *, toml_allowed: bool = False) -> Any:
    """Decoded JSON (or TOML, when ``toml_allowed`` and the name ends in .toml) of ``path``."""
    path = Path(path)
    source = path.name
    try:
        raw = read_regular_file(path, MAX_CONTENT_BYTES)
    except JsonLimitError as exc:
        problem = exc.problem
        if not path.exists() and not path.is_symlink():
            problem = "cannot be read (the file is missing)"
        raise ContentError(source, "(file)", problem) from None
    try:
        text = decode_text(raw)
        if toml_allowed and path.suffix.lower() == ".toml":
            return loads_toml(text, MAX_CONTENT_DEPTH)
        return loads(text, MAX_CONTENT_DEPTH)
    except JsonLimitError as exc:
        where = exc.where or _line_of(exc.problem) or "(file)"
        raise ContentError(source, where, _without_line(exc.problem)) from None


def content_files(folder: Path, suffixes: Iterable[str] = (".json",)) -> list[Path]:
    """Candidate files in ``folder`` by name, sorted; not yet opened (the loader checks them).

    Anything that is not a directory entry we can list is simply not there: a missing or
    unreadable folder gives no files rather than an error.
    """
    wanted = tuple(s.lower() for s in suffixes)
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return []
    return sorted(p for p in entries if p.suffix.lower() in wanted and not p.is_dir())


def _line_of(problem: str) -> str:
    # "is not valid JSON (line 3, column 12: ...)": the field of a syntax error is its line.
    marker = "(line "
    if marker not in problem:
        return ""
    number = problem.split(marker, 1)[1].split(",", 1)[0]
    return f"line {number}" if number.isdigit() else ""


def _without_line(problem: str) -> str:
    if "(line " not in problem or ": " not in problem:
        return problem
    head, rest = problem.split("(line ", 1)
    return f"{head}({rest.split(': ', 1)[1]}" if ": " in rest else problem
