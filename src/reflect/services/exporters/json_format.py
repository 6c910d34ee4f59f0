"""Plain JSON: every data table, rows as objects, JSON-text columns decoded.

``{"format": "reflect-export/1", "exported_at", "app_version", "tables": {name: [row, …]}}``.
Readable by any tool; it is NOT encrypted.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from reflect import __version__
from reflect.services.exporters import Exporter, ExportOptions, register
from reflect.services.session import Session

JSON_FORMAT = "reflect-export/1"


def document(session: Session) -> dict[str, Any]:
    from reflect.storage.table_dump import read_all

    return {
        "format": JSON_FORMAT,
        "exported_at": datetime.now().isoformat(timespec="seconds"),
        "app_version": __version__,
        "tables": read_all(session.db.conn),
    }


def write(session: Session, target: Path, options: ExportOptions) -> dict[str, Any]:
    data = document(session)
    with open(target, "w", encoding="utf-8") as handle:
        json.dump(data, handle, ensure_ascii=False, indent=1)
    return {"counts": {name: len(rows) for name, rows in data["tables"].items()}}


register(Exporter("json", "JSON (plain text)", ".json", True, write))
