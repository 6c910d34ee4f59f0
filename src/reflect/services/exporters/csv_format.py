"""Plain CSV: a zip with one ``<table>.csv`` per data table (UTF-8, header row).

One zip rather than a folder of files keeps the export a single file that is written
atomically and gets one set of permissions. Lists and mappings stay as JSON text in their
cells. It is NOT encrypted.
"""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path
from typing import Any

from reflect.services.exporters import Exporter, ExportOptions, register
from reflect.services.session import Session


def write(session: Session, target: Path, options: ExportOptions) -> dict[str, Any]:
    from reflect.storage.table_dump import columns, data_tables, plain_rows

    conn = session.db.conn
    counts: dict[str, int] = {}
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for table in data_tables(conn):
            buffer = io.StringIO()
            writer = csv.DictWriter(buffer, fieldnames=columns(conn, table), lineterminator="\n")
            writer.writeheader()
            n = 0
            for row in plain_rows(conn, table):
                writer.writerow(row)
                n += 1
            archive.writestr(f"{table}.csv", buffer.getvalue())
            counts[table] = n
    return {"counts": counts}


register(Exporter("csv", "CSV tables in a zip (plain text)", ".zip", True, write))
