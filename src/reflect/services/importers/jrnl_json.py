"""jrnl's JSON export (``jrnl --format json``) into free-write reflections.

The expected shape is ``{"tags": {...}, "entries": [{"date": "2024-03-31", "time": "21:05",
"title": "...", "body": "...", "tags": ["@work"], "starred": false}, ...]}``. Every entry is
checked before anything is written; the first problem is reported with its position
(``entries[3].date: ...``). Titles and bodies become the free-write text, ``@tags`` become
tags (without the @) and starred entries get the tag ``starred``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from reflect.domain import safe_json
from reflect.domain.errors import ValidationError
from reflect.domain.kept_dates import OUTSIDE_KEPT_YEARS, is_kept
from reflect.domain.message import Message, Term
from reflect.domain.reflection import Reflection
from reflect.domain.safe_json import JSON_SYNTAX_ERROR, JsonLimitError, read_regular_file, shorten
from reflect.services.importers import ImportPreview, PreparedImport
from reflect.services.session import Session

MAX_BYTES = 200 * 1024 * 1024
MAX_DEPTH = 8  # {entries: [{tags: [text]}]} is four levels
FREE_WRITE = "free_write"
TEXT_FIELD = "text"


class JrnlFormatError(ValidationError):
    def __init__(self, file: str, where: str, problem: str) -> None:
        super().__init__(
            "{file}: {where}: {problem}. Nothing was imported.",
            file=file,
            where=where,
            problem=problem,
        )


def _text(entry: dict[str, Any], key: str, file: str, where: str) -> str:
    value = entry.get(key, "")
    if not isinstance(value, str):
        raise JrnlFormatError(file, f"{where}.{key}", Message("must be text"))
    return value


def parse_entries(data: Any, file: str) -> list[Reflection]:
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise JrnlFormatError(
            file, Term("top level"), Message('expected an object with an "entries" list')
        )
    reflections: list[Reflection] = []
    for i, entry in enumerate(data["entries"]):
        where = f"entries[{i}]"
        if not isinstance(entry, dict):
            raise JrnlFormatError(file, where, Message("must be an object"))
        raw_date = entry.get("date")
        try:
            day = date.fromisoformat(raw_date) if isinstance(raw_date, str) else None
        except ValueError:
            day = None
        if day is None:
            raise JrnlFormatError(
                file,
                f"{where}.date",
                Message("{value} is not a date like 2024-03-31", value=shorten(raw_date)),
            )
        if not is_kept(day):
            raise JrnlFormatError(
                file, f"{where}.date", Message(OUTSIDE_KEPT_YEARS, value=shorten(raw_date))
            )
        raw_time = entry.get("time", "00:00")
        try:
            moment = time.fromisoformat(raw_time) if isinstance(raw_time, str) else None
        except ValueError:
            moment = None
        if moment is None:
            raise JrnlFormatError(
                file,
                f"{where}.time",
                Message("{value} is not a time like 21:05", value=shorten(raw_time)),
            )
        title = _text(entry, "title", file, where).strip()
        body = _text(entry, "body", file, where).strip()
        tags = entry.get("tags", [])
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            raise JrnlFormatError(file, f"{where}.tags", Message("must be a list of text"))
        starred = entry.get("starred", False)
        if not isinstance(starred, bool):
            raise JrnlFormatError(file, f"{where}.starred", Message("must be true or false"))
        text = "\n\n".join(part for part in (title, body) if part)
        if not text:
            continue  # jrnl never writes empty entries; an empty one has nothing to keep
        words = [t.lstrip("@#").strip() for t in tags]
        if starred:
            words.append("starred")
        reflections.append(
            Reflection(
                template_id=FREE_WRITE,
                occurred_at=datetime.combine(day, moment.replace(microsecond=0, tzinfo=None)),
                setting="other",
                tags=[w for w in words if w],
                answers={TEXT_FIELD: text},
            )
        )
    return reflections


def read_json(path: Path) -> Any:
    """The parsed file, through the same limits as every file Reflect reads from outside."""
    path = Path(path)
    try:
        raw = read_regular_file(path, MAX_BYTES)
    except JsonLimitError as exc:
        if exc.problem.startswith("is larger"):
            raise ValidationError(
                "{name} is larger than 200 MB; is it really a jrnl export?", name=path.name
            ) from None
        raise _not_imported(path.name, exc.problem) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(
            "{name} is not UTF-8 text; nothing was imported.", name=path.name
        ) from None
    try:
        return safe_json.loads(text, MAX_DEPTH)
    except JsonLimitError as exc:
        if "nested" in exc.problem:
            raise ValidationError(
                "{name} is nested too deeply to be a jrnl export.", name=path.name
            ) from None
        if exc.where:
            raise JrnlFormatError(path.name, exc.where, exc.problem) from None
        raise _not_imported(path.name, exc.problem) from None


def _not_imported(name: str, problem: str) -> ValidationError:
    # A syntax error arrives as safe_json's template with its line, column and reason; the
    # interface has its own sentence for it, with the same values.
    if isinstance(problem, Message) and problem.template == JSON_SYNTAX_ERROR:
        return ValidationError(
            "{name} is not valid JSON (line {line}, column {column}: {error}); nothing was "
            "imported.",
            name=name,
            **problem.values,
        )
    return ValidationError("{name} {problem}; nothing was imported.", name=name, problem=problem)


def prepare(session: Session, path: Path, data: Any) -> PreparedImport:
    from reflect.storage.bulk_reflections import add_reflections

    journal = session.journal
    if journal.templates.get(FREE_WRITE) is None:
        raise ValidationError("The free-write template is missing, so jrnl entries cannot be kept.")
    entries = [journal.validate(r) for r in parse_entries(data, Path(path).name)]
    existing = {
        (r.occurred_at, r.answers.get(TEXT_FIELD))
        for r in journal.all_reflections()
        if r.template_id == FREE_WRITE
    }
    fresh: list[Reflection] = []
    duplicates = 0
    for reflection in entries:
        key = (reflection.occurred_at, reflection.answers.get(TEXT_FIELD))
        if key in existing:
            duplicates += 1
            continue
        existing.add(key)
        fresh.append(reflection)
    days = sorted(r.occurred_at for r in fresh)
    preview = ImportPreview(
        source="jrnl-json",
        file=str(path),
        counts={"reflections": {"new": len(fresh), "duplicates": duplicates}},
        date_from=days[0].date().isoformat() if days else None,
        date_to=days[-1].date().isoformat() if days else None,
        notes=["jrnl entries become free-write reflections; @tags become tags."],
    )

    def write_with_progress(fraction: Callable[[float], None]) -> dict[str, int]:
        total = max(1, len(fresh))
        return {"reflections": add_reflections(session.db, fresh, lambda n: fraction(n / total))}

    def write() -> dict[str, int]:
        return write_with_progress(lambda _f: None)

    return PreparedImport(preview, write, write_with_progress=write_with_progress)
