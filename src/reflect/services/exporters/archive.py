"""The default export: an encrypted Reflect archive under its own export passphrase."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reflect import __version__
from reflect.domain.errors import ValidationError
from reflect.domain.passphrase import MIN_PASSPHRASE_LENGTH, normalised
from reflect.services.exporters import Exporter, ExportOptions, register
from reflect.services.session import Session


def write(session: Session, target: Path, options: ExportOptions) -> dict[str, Any]:
    from reflect.storage.archive import write_archive

    passphrase = options.archive_passphrase or ""
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise ValidationError(
            "An archive needs its own passphrase of at least {count} characters (it may "
            "differ from the profile's).",
            count=MIN_PASSPHRASE_LENGTH,
        )
    if options.progress:
        options.progress(20, "Encrypting a copy of your data…")
    # Sealed under the NFC form, so the same passphrase typed elsewhere opens it.
    counts = write_archive(session.db, target, normalised(passphrase), __version__)
    return {"counts": counts}


register(
    Exporter(
        name="archive",
        label="Encrypted Reflect archive",
        suffix=".reflect-archive",
        plain=False,
        write=write,
    )
)
