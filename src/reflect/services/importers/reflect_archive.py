"""Reflect archives (see storage/archive.py) merged into the open profile."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reflect.domain.errors import ValidationError, WrongPassphrase
from reflect.domain.message import Message
from reflect.services.import_pins import drop_pins, mark_from_archive
from reflect.services.import_settings import screen_settings
from reflect.services.importers import ImportPreview, PreparedImport
from reflect.services.record_kinds import kind
from reflect.services.row_validators import RowContext, validate_tables
from reflect.services.session import Session


def row_context(session: Session) -> RowContext:
    """The content the rules check against: this profile's templates, check-in, instruments."""
    instruments = {d.id: d for d in session.instruments.definitions()}
    return RowContext(session.journal.templates, session.checkins.definition, instruments)


def check_rows(session: Session, source: Any, file: str) -> None:
    """Every row the merge would read, checked like typed input (BadRow at the first)."""
    from reflect.storage.table_dump import data_tables, iter_rows

    # Text that is not UTF-8 would otherwise fail inside the row reader with a database
    # error; decoded with surrogates instead, it is reported as a bad field of a bad row.
    source.text_factory = lambda raw: raw.decode("utf-8", "surrogateescape")
    present = set(data_tables(session.db.conn))
    tables = [t for t in data_tables(source) if t in present]
    validate_tables(((t, iter_rows(source, t)) for t in tables), row_context(session), file)


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
        check_rows(session, opened.db.conn, Path(path).name)
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
    settings = screen_settings(plan, session.settings.all())
    pins = drop_pins(plan) + mark_from_archive(plan)
    notes: list[str] = [
        Message("Skipped table {name}: this version of Reflect does not have it.", name=name)
        for name in plan.skipped_tables
    ]
    preview = ImportPreview(
        source="reflect-archive",
        file=str(path),
        counts={name: c for name, c in plan.counts().items() if c["new"] or c["duplicates"]},
        date_from=min(dates)[:10] if dates else None,
        date_to=max(dates)[:10] if dates else None,
        notes=[*notes, *link_notes(plan), *settings.notes, *pins],
        links_not_kept=plan.links_not_kept(),
        rows_not_kept=plan.rows_not_kept(),
        settings_adopted=settings.adopted,
        settings_not_adopted=settings.refused,
    )
    return PreparedImport(preview, lambda: apply_merge(session.db, plan), opened.close)


def link_notes(plan: Any) -> list[Message]:
    """Say which links of the archive pointed to rows it does not hold (see storage/merge.py).

    Reported rather than refused: a profile can hold such links itself (a shift logged with
    a reflection deleted since keeps that reflection's number, so that undo can restore the
    link), so a genuine archive may have them. They are imported empty.
    """
    notes = []
    for table, count in plan.links_not_kept().items():
        notes.append(
            Message(
                "{table}: {count} link to a row that is not in the archive could not be kept; "
                "the row was imported without it.",
                table=kind(table),
                count=count,
            )
            if count == 1
            else Message(
                "{table}: {count} links to rows that are not in the archive could not be kept; "
                "the rows were imported without them.",
                table=kind(table),
                count=count,
            )
        )
    for table, count in plan.rows_not_kept().items():
        notes.append(
            Message(
                "{table}: {count} row was left out: it belongs to a row that is not in the "
                "archive.",
                table=kind(table),
                count=count,
            )
            if count == 1
            else Message(
                "{table}: {count} rows were left out: they belong to rows that are not in the "
                "archive.",
                table=kind(table),
                count=count,
            )
        )
    return notes


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
