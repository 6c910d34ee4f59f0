"""Exporting a profile: the encrypted archive by default, plain formats only when asked.

Every format is written privately (0600, so the data is never readable by others even for a
moment), flushed to disk, then put in place in one step: a crash leaves the old file or the
new one, never half of one. A plain format is written to an unnamed file on Linux, so a
kill half way leaves no plain-text trace (see reflect.private_output).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reflect.domain.errors import ValidationError
from reflect.domain.message import Message
from reflect.paths import sync_folder
from reflect.private_output import private_output
from reflect.services.exporters import Exporter, ExportOptions, Progress, exporters
from reflect.services.output_target import check_output_target
from reflect.services.session import Session
from reflect.storage.failures import translated

DEFAULT_FORMAT = "archive"

PLAIN_TEXT_WARNING = (
    "This export is NOT encrypted. Anyone who can open the file (on this computer, a USB "
    "stick, a cloud folder or an e-mail) can read everything in it: your reflections, "
    "check-ins and plan. Keep it somewhere only you can reach, and delete it when you no "
    "longer need it. The encrypted archive is the safer choice for moving your data."
)


class PlainTextNotConfirmed(ValidationError):
    def __init__(self) -> None:
        super().__init__(
            "{warning} Confirm to continue (--plain-ok).", warning=Message(PLAIN_TEXT_WARNING)
        )


@dataclass(frozen=True)
class ExportReport:
    format: str
    path: Path
    plain: bool
    counts: dict[str, int]

    def to_json(self) -> dict[str, Any]:
        return {
            "format": self.format,
            "file": str(self.path),
            "encrypted": not self.plain,
            "bytes": self.path.stat().st_size,
            "counts": self.counts,
        }


def available_formats() -> dict[str, Exporter]:
    return exporters()


def exporter_for(name: str) -> Exporter:
    found = exporters().get(name.strip().lower())
    if found is None:
        raise ValidationError(
            "Unknown export format '{name}'. Choose one of: {choices}.",
            name=name,
            choices=", ".join(exporters()),
        )
    return found


def target_path(out: Path, exporter: Exporter) -> Path:
    out = Path(out).expanduser()
    if out.is_dir():
        raise ValidationError("{path} is a folder; give a file name for the export.", path=out)
    if not out.parent.is_dir():
        raise ValidationError("The folder {path} does not exist.", path=out.parent)
    return out if out.suffix else out.with_name(out.name + exporter.suffix)


def export_profile(
    session: Session,
    format_name: str,
    out: Path,
    *,
    plain_ok: bool = False,
    archive_passphrase: str | None = None,
    progress: Progress | None = None,
    overwrite: bool = True,
) -> ExportReport:
    """Write ``out`` in ``format_name``. Plain formats need ``plain_ok`` (the warning was shown).

    Never inside a profile folder. ``overwrite=False`` (the command line without --force)
    refuses an existing file; the app's file dialog asks before replacing one.
    """
    exporter = exporter_for(format_name)
    if exporter.plain and not plain_ok:
        raise PlainTextNotConfirmed()
    target = check_output_target(target_path(out, exporter), session.paths, overwrite=overwrite)
    if progress:
        progress(5, "Preparing the export…")
    with translated(target.parent):  # the app shows the text: no raw OS or SQLite words
        result = _write(session, exporter, target, archive_passphrase, progress)
    if progress:
        progress(100, "Export finished.")
    return ExportReport(exporter.name, target, exporter.plain, dict(result.get("counts", {})))


def _write(
    session: Session,
    exporter: Exporter,
    target: Path,
    archive_passphrase: str | None,
    progress: Progress | None,
) -> dict[str, Any]:
    if not exporter.plain:
        # The archive writer makes its own private (encrypted) temp files and renames.
        options = ExportOptions(archive_passphrase=archive_passphrase, progress=progress)
        result = exporter.write(session, target, options)
        sync_folder(target.parent)
        return result
    # Plain text: written to an unnamed file that gets its name only when complete, so a
    # kill half way leaves no readable trace beside the target (see private_output).
    with private_output(target) as output:
        result = exporter.write(session, output.path, ExportOptions(progress=progress))
    return result
