"""Reflective accounts: pick reflections and a shape, edit the draft, export it identifying nobody.

The identity-guard rule is enforced here, not only in the dialog: an export with a finding the
person has not confirmed is refused, whoever asks for it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from reflect.domain.content_files import content_files, load_content_file
from reflect.domain.errors import ContentError, ValidationError
from reflect.domain.reflective_account import (
    AccountFinding,
    AccountShape,
    ReflectiveAccount,
    account_findings,
    draft_account,
    parse_account_shape,
)
from reflect.paths import write_private_file
from reflect.services.journal import JournalService

MAX_SHAPE_BYTES = 256 * 1024
MAX_REFLECTIONS = 50


@dataclass
class ShapeLibrary:
    shapes: dict[str, AccountShape]
    problems: list[ContentError] = field(default_factory=list)


def _read_shape(path: Path) -> AccountShape:
    return parse_account_shape(load_content_file(path), path.name)


def load_account_shapes(builtin_dir: Path, *extra_dirs: Path) -> ShapeLibrary:
    """Shipped shapes (must be valid) plus an organisation's; a bad organisation file is
    skipped and kept in ``problems`` so the interface can name it."""
    library = ShapeLibrary({})
    for path in content_files(builtin_dir):
        shape = _read_shape(path)
        library.shapes[shape.id] = shape
    for folder in extra_dirs:
        if not folder.is_dir():
            continue
        for path in content_files(folder)[:200]:
            try:
                shape = _read_shape(path)
            except ContentError as exc:
                library.problems.append(exc)
                continue
            library.shapes[shape.id] = shape
    return library


def finding_key(found: AccountFinding) -> tuple[str, str]:
    return (found.section.id, found.finding.text)


class AccountService:
    def __init__(self, journal: JournalService, library: ShapeLibrary) -> None:
        self._journal = journal
        self.library = library

    def shapes(self) -> list[AccountShape]:
        return sorted(self.library.shapes.values(), key=lambda s: s.name)

    def draft(self, reflection_ids: Iterable[int], shape_id: str) -> ReflectiveAccount:
        ids = list(dict.fromkeys(reflection_ids))
        if not ids:
            raise ValidationError("Choose at least one reflection for the account.")
        if len(ids) > MAX_REFLECTIONS:
            raise ValidationError(
                "An account can draw on {count} reflections at most.", count=MAX_REFLECTIONS
            )
        shape = self.library.shapes.get(shape_id)
        if shape is None:
            raise ValidationError("There is no account shape called '{name}'.", name=shape_id[:40])
        found = [self._journal.get(i) for i in ids]
        return draft_account(shape, [r for r in found if r is not None])

    @staticmethod
    def unconfirmed(
        account: ReflectiveAccount, confirmed: set[tuple[str, str]], today: date | None = None
    ) -> list[AccountFinding]:
        return [f for f in account_findings(account, today) if finding_key(f) not in confirmed]

    def export(
        self,
        account: ReflectiveAccount,
        path: Path,
        data: bytes,
        confirmed: set[tuple[str, str]],
        today: date | None = None,
    ) -> None:
        """Write an exported account (Markdown or PDF bytes) once nothing is left unconfirmed."""
        if self.unconfirmed(account, confirmed, today):
            raise ValidationError(
                "The account still holds something that could identify a person. "
                "Change it, or confirm each item, before exporting."
            )
        write_private_file(path, data)


def account_markdown(
    account: ReflectiveAccount,
    translate: Callable[[str], str] = str,
    day: Callable[[date], str] = date.isoformat,
) -> str:
    shape = account.shape
    lines = [f"# {account.title.strip() or translate(shape.name)}", ""]
    meta = [
        f"**{translate('Date:')}** {day(account.when)}",
        f"**{translate('Kind of activity:')}** {translate(account.activity)}"
        if account.activity
        else "",
        f"*{translate('Written to identify nobody.')}*",
    ]
    lines += [m for m in meta if m] + [""]
    for section in shape.sections:
        text = account.text_of(section).strip()
        lines += [f"## {translate(section.heading)}", "", text or "—", ""]
    return "\n".join(lines).rstrip() + "\n"
