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
        }


@dataclass
class PreparedImport:
    preview: ImportPreview
    write: Callable[[], dict[str, int]]
    close: Callable[[], None] = lambda: None
    # Optional: the same write, reporting the fraction done (0.0 to 1.0) as it goes.
    write_with_progress: Callable[[Callable[[float], None]], dict[str, int]] | None = None
