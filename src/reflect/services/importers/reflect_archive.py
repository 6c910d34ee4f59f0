"""Reflect archives (see storage/archive.py) merged into the open profile."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reflect.domain.errors import ValidationError, WrongPassphrase
from reflect.services.importers import ImportPreview, PreparedImport
from reflect.services.session import Session


def prepare(session: Session, path: Path, passphrase: str | None) -> PreparedImport:
    from reflect.storage.archive import open_archive
    from reflect.storage.merge import apply_merge, plan_merge

    if not passphrase:
        raise ValidationError("This is an encrypted Reflect archive: its passphrase is needed.")
    try:
        opened = open_any_form(open_archive, Path(path), passphrase, session.profile.directory)
    except WrongPassphrase as exc:
        raise ValidationError(
            "That passphrase does not open this archive (or the file is damaged). Nothing was "
            "imported."
        ) from exc
    try:
        plan = plan_merge(session.db, opened.db.conn)
        dates = [
            row["occurred_at"]
            for t in plan.tables
            if t.table == "reflections"
            for row in t.rows
            if row.get("occurred_at")
        ]
    except BaseException:
        opened.close()
        raise
    notes = [
        f"Skipped table {name}: this version of Reflect does not have it."
        for name in plan.skipped_tables
    ]
    preview = ImportPreview(
        source="reflect-archive",
        file=str(path),
        counts={name: c for name, c in plan.counts().items() if c["new"] or c["duplicates"]},
        date_from=min(dates)[:10] if dates else None,
        date_to=max(dates)[:10] if dates else None,
        notes=notes,
    )
    return PreparedImport(preview, lambda: apply_merge(session.db, plan), opened.close)


def open_any_form(open_archive: Any, path: Path, passphrase: str, workdir: Path) -> Any:
    """Open with the NFC form (how archives are sealed now), then the raw text (older ones)."""
    from reflect.domain.passphrase import passphrase_forms

    forms = passphrase_forms(passphrase)
    for form in forms[:-1]:
        try:
            return open_archive(path, form, workdir)
        except WrongPassphrase:
            continue
    return open_archive(path, forms[-1], workdir)
