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
from reflect.domain.message import Message, Term
from reflect.domain.safe_json import (
    JSON_SYNTAX_ERROR,
    JsonLimitError,
    decode_text,
    loads,
    loads_toml,
    read_regular_file,
)

MAX_CONTENT_BYTES = 1024 * 1024  # the largest shipped file is about 40 KB
MAX_CONTENT_DEPTH = 12  # templates, the deepest format, need 7
WHOLE_FILE = Term("(file)")  # the "field" of a problem with the file as a whole


def load_content_file(path: Path, *, toml_allowed: bool = False) -> Any:
    """Decoded JSON (or TOML, when ``toml_allowed`` and the name ends in .toml) of ``path``."""
    path = Path(path)
    source = path.name
    try:
        raw = read_regular_file(path, MAX_CONTENT_BYTES)
    except JsonLimitError as exc:
        problem = exc.problem
        if not path.exists() and not path.is_symlink():
            problem = Message("cannot be read (the file is missing)")
        raise ContentError(source, WHOLE_FILE, problem) from None
    try:
        text = decode_text(raw)
        if toml_allowed and path.suffix.lower() == ".toml":
            return loads_toml(text, MAX_CONTENT_DEPTH)
        return loads(text, MAX_CONTENT_DEPTH)
    except JsonLimitError as exc:
        where, problem = _located(exc.problem)
        raise ContentError(source, exc.where or where, problem) from None


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


def _located(problem: Message) -> tuple[str, Message]:
    """(field, problem) of a parsing problem: a JSON syntax error names its line as the field
    ("line 3": "is not valid JSON (Expecting value)"), anything else the whole file."""
    if problem.template != JSON_SYNTAX_ERROR:
        return WHOLE_FILE, problem
    where = Message("line {line}", line=problem.values["line"])
    return where, Message("is not valid JSON ({error})", error=problem.values["error"])
