"""Import sources, one module each: Reflect archives and jrnl's JSON export.

Each importer reads and checks the whole file first and returns a ``PreparedImport``: a
preview (counts, date range, duplicates) and a ``write`` callable that the import service
runs inside one transaction. A malformed file fails while preparing, before anything is
written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class ImportPreview:
    source: str  # "reflect-archive" or "jrnl-json"
    file: str
    counts: dict[str, dict[str, int]]  # table -> {"new": n, "duplicates": d}
    date_from: str | None = None
    date_to: str | None = None
    notes: list[str] = field(default_factory=list)
    # An archive's links to rows it does not hold, per table (see storage/merge.py), and rows
    # left out because their key is such a link. Empty for jrnl files.
    links_not_kept: dict[str, int] = field(default_factory=dict)
    rows_not_kept: dict[str, int] = field(default_factory=dict)
    # Settings the archive brings (the profile had not set them) and those refused because
    # they would make the profile less safe (see services/import_settings.py).
    settings_adopted: list[str] = field(default_factory=list)
    settings_not_adopted: list[str] = field(default_factory=list)

    @property
    def new_total(self) -> int:
        return sum(c["new"] for c in self.counts.values())

    @property
    def duplicate_total(self) -> int:
        return sum(c["duplicates"] for c in self.counts.values())

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "file": self.file,
            "counts": self.counts,
            "new": self.new_total,
            "duplicates": self.duplicate_total,
            "date_from": self.date_from,
            "date_to": self.date_to,
            "notes": list(self.notes),
            "links_not_kept": dict(self.links_not_kept),
            "rows_not_kept": dict(self.rows_not_kept),
            "settings_adopted": list(self.settings_adopted),
            "settings_not_adopted": list(self.settings_not_adopted),
        }


@dataclass
class PreparedImport:
    preview: ImportPreview
    write: Callable[[], dict[str, int]]
    close: Callable[[], None] = lambda: None
    # Optional: the same write, reporting the fraction done (0.0 to 1.0) as it goes.
    write_with_progress: Callable[[Callable[[float], None]], dict[str, int]] | None = None
