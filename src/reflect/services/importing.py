"""Importing into the open profile: recognise the file, preview, then write all or nothing.

``preview_import`` reads and checks the whole file and reports what would be added (counts,
date range, duplicates skipped) without writing. ``import_file`` does the same and then
writes everything in ONE transaction: a file that fails half way writes nothing.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reflect.domain.errors import ValidationError
from reflect.services.importers import ImportPreview, PreparedImport
from reflect.services.session import Session
from reflect.storage.failures import translated


@dataclass(frozen=True)
class ImportReport:
    preview: ImportPreview
    written: dict[str, int]
    dry_run: bool

    def to_json(self) -> dict[str, Any]:
        return {**self.preview.to_json(), "written": self.written, "dry_run": self.dry_run}


ZIP_START = b"PK\x03\x04"  # a zip's first member header
PLAIN_JSON_MARK = b'"reflect-export/'  # the first key of a plain JSON export (exporters)


def _check_zip(path: Path) -> None:
    """Refuse a zip that is no archive before its passphrase is asked for: a plain CSV export
    (a zip of ``<table>.csv`` files) or any zip without an archive's manifest."""
    from reflect.storage.archive import ZIP_DAMAGE

    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
    except (*ZIP_DAMAGE, OSError, ValueError):
        return  # the archive reader says what is wrong with it
    if names and all(name.endswith(".csv") for name in names):
        raise _plain_export(path, "CSV")
    if "manifest.json" not in names:
        raise ValidationError("{name} is not a Reflect archive.", name=path.name)


def _plain_export(path: Path, kind: str) -> ValidationError:
    # Asking for an archive's passphrase, or complaining about jrnl's "entries", would
    # send the person looking for a problem that is not there.
    return ValidationError(
        "{name} is a plain {kind} export of Reflect, which cannot be imported back; to move "
        "your data, export an encrypted archive instead. Nothing was imported.",
        name=path.name,
        kind=kind,
    )


def detect_format(path: Path) -> str:
    path = Path(path).expanduser()
    if path.exists() and not path.is_file():
        raise ValidationError("{name} is not a regular file. Nothing was imported.", name=path.name)
    if not path.is_file():
        raise ValidationError("There is no file at {path}.", path=path)
    if zipfile.is_zipfile(path):
        _check_zip(path)
        return "reflect-archive"
    with open(path, "rb") as handle:
        start = handle.read(64).lstrip(b"\xef\xbb\xbf \t\r\n")
    if start[:1] in (b"{", b"["):
        if PLAIN_JSON_MARK in start:
            raise _plain_export(path, "JSON")
        return "jrnl-json"
    if start.startswith(ZIP_START):
        # A zip whose end (the directory) is missing: an archive whose copy did not finish.
        raise ValidationError(
            "{name} looks like a Reflect archive but is cut short or damaged (was it copied "
            "completely?). Nothing was imported.",
            name=path.name,
        )
    raise ValidationError(
        "{name} is neither a Reflect archive nor a jrnl JSON export (made with 'jrnl --format "
        "json'). Nothing was imported.",
        name=path.name,
    )


def _prepare(session: Session, path: Path, passphrase: str | None) -> PreparedImport:
    kind = detect_format(path)
    if kind == "reflect-archive":
        from reflect.services.importers import reflect_archive

        return reflect_archive.prepare(session, Path(path), passphrase)
    from reflect.services.importers import jrnl_json

    return jrnl_json.prepare(session, Path(path), jrnl_json.read_json(Path(path)))


def preview_import(session: Session, path: Path, passphrase: str | None = None) -> ImportPreview:
    prepared = _prepare(session, path, passphrase)
    prepared.close()
    return prepared.preview


# Reading and checking the file takes about a fifth of a jrnl import; writing the rest.
READ_SHARE = 20


def import_file(
    session: Session,
    path: Path,
    passphrase: str | None = None,
    dry_run: bool = False,
    progress: Callable[[int, str], None] | None = None,
) -> ImportReport:
    """Import everything or nothing; ``progress(percent, "")`` follows the work if given."""
    report = progress or (lambda _percent, _text: None)
    report(0, "")
    prepared = _prepare(session, path, passphrase)
    try:
        report(READ_SHARE, "")
        if dry_run:
            return ImportReport(prepared.preview, {}, True)
        with translated(session.profile.directory), session.db.atomic():
            if prepared.write_with_progress is not None:
                span = 100 - READ_SHARE
                written = prepared.write_with_progress(
                    lambda done: report(READ_SHARE + int(span * min(1.0, done)), "")
                )
            else:
                written = prepared.write()
        report(100, "")
        session.changes.announce("imported")
        return ImportReport(prepared.preview, written, False)
    finally:
        prepared.close()
