"""Export formats, one small module each (after jrnl's exporter registry).

An exporter turns an unlocked session into bytes written to a private temporary file; the
export service does the rest (warning for plain formats, atomic rename, 0600). Adding a
format is one module that calls ``register`` plus one line in ``_MODULES``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reflect.services.session import Session

Progress = Callable[[int, str], None]


@dataclass(frozen=True)
class ExportOptions:
    archive_passphrase: str | None = None
    progress: Progress | None = None


@dataclass(frozen=True)
class Exporter:
    name: str  # the --format value
    label: str  # shown in the GUI
    suffix: str  # file extension added when the chosen name has none
    plain: bool  # True: readable without a passphrase, so a warning comes first
    write: Callable[[Session, Path, ExportOptions], dict[str, Any]]


_REGISTRY: dict[str, Exporter] = {}
_MODULES = ("archive", "json_format", "csv_format", "markdown")


def register(exporter: Exporter) -> Exporter:
    _REGISTRY[exporter.name] = exporter
    return exporter


def exporters() -> dict[str, Exporter]:
    if not _REGISTRY:
        for module in _MODULES:
            importlib.import_module(f"{__name__}.{module}")
    return dict(_REGISTRY)
