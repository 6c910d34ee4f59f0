"""Building hostile input files (archives, jrnl exports) and checking what the CLI did."""

from __future__ import annotations

import json
import secrets
from pathlib import Path
from typing import Any

from reflect.cli import main
from reflect.storage.archive import write_archive
from reflect.storage.database import close_database, open_database
from reflect.storage.kdf import KdfParams
from reflect.storage.migrations import apply_migrations
from reflect.storage.table_dump import data_tables

PASSPHRASE = "fault injection passphrase"
ARCHIVE_PASS = "fault injection archive passphrase"

GOOD_ROWS: dict[str, dict[str, Any]] = {
    "reflections": {
        "id": 1,
        "template_id": "free_write",
        "occurred_at": "2026-03-01T18:00:00",
        "setting": "outreach",
        "tags": '["team"]',
        "intensity": 4,
        "feelings": '["tired"]',
        "answers": '{"text": "A long shift"}',
        "body": "A long shift",
        "created_at": "2026-03-01T18:05:00",
        "updated_at": "2026-03-01T18:05:00",
    },
    "follow_ups": {
        "id": 1,
        "reflection_id": 1,
        "text": "Call the shelter",
        "owner": "",
        "due": "2026-03-04",
        "created_at": "2026-03-01T18:05:00",
    },
    "checkins": {
        "id": 1,
        "taken_at": "2026-03-02T09:00:00",
        "item_scores": '{"work.swamped": 3}',
        "sleep": 2,
        "energy": 1,
        "helping": '{"balance": 2}',
        "helped_note": "",
        "note": "",
    },
    "instrument_results": {
        "id": 1,
        "instrument_id": "who5",
        "taken_at": "2026-03-02T09:10:00",
        "answers": "[3, 3, 2, 4, 1]",
        "scores": '{"wellbeing": 52.0}',
        "bands": '{"wellbeing": null}',
    },
    "plan": {"section": "what_helps", "value": '["A walk"]', "updated_at": "2026-03-01T10:00:00"},
    "help_contacts": {"id": 1, "name": "My EAP", "phone": "555-0100", "kind": "eap"},
    "settings": {"key": "theme", "value": '"dark"'},
    "dismissed_notices": {"notice_id": "n1", "dismissed_at": "2026-03-01T10:00:00"},
    "debriefs": {
        "id": 1,
        "title": "March debrief",
        "supervisor": "Sam",
        "scheduled_for": "2026-03-05T10:00:00",
        "created_at": "2026-03-01T10:00:00",
        "topics": '["sleep"]',
        "shared": '[["reflection", "1"]]',
        "notes": "{}",
    },
    "team_assessments": {
        "id": 1,
        "definition_id": "org_self_assessment",
        "taken_at": "2026-03-01T10:00:00",
        "mode": "group",
        "participants": 4,
        "answers": "[4, 3, null]",
        "domains": '[{"domain": "workload", "label": "Workload", "mean": 2.5, "answered": 2, '
        '"items": 3, "rating": "gap"}]',
    },
    "team_actions": {
        "id": 1,
        "assessment_id": 1,
        "domain": "workload",
        "what": "Rotate heavy cases",
        "who": "Team lead",
        "by_when": "2026-04-01",
        "review_on": "2026-05-01",
        "created_at": "2026-03-01T10:00:00",
    },
}


def run(argv: list[str], capsys: Any) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def assert_one_clean_line(err: str) -> str:
    """Exactly one readable line on stderr, no traceback, no huge echoed value."""
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert "Traceback" not in err and 'File "' not in err, err
    assert len(lines[0]) < 600, lines[0][:700]
    return lines[0]


def row_counts(db: Any) -> dict[str, int]:
    return {
        t: db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in data_tables(db.conn)
    }


def build_archive(
    folder: Path, rows: dict[str, list[dict[str, Any]]], sql: tuple[str, ...] = ()
) -> Path:
    """An archive holding exactly ``rows`` (raw column values), written the way Reflect does."""
    scratch = folder / f"scratch-{secrets.token_hex(4)}.db"
    key = bytearray(secrets.token_bytes(32))
    db = open_database(scratch, key, create=True)
    try:
        apply_migrations(db)
        for table, table_rows in rows.items():
            for row in table_rows:
                names = ", ".join(f'"{c}"' for c in row)
                marks = ", ".join("?" * len(row))
                db.execute(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', list(row.values()))
        for statement in sql:
            db.execute(statement)
        db.conn.commit()
        target = folder / f"bad-{secrets.token_hex(4)}.reflect-archive"
        write_archive(db, target, ARCHIVE_PASS, "test", params=KdfParams.floor())
    finally:
        close_database(db)
        for leftover in folder.glob(f"{scratch.name}*"):
            leftover.unlink()
    return target


def jrnl_file(folder: Path, data: Any, name: str = "jrnl.json") -> Path:
    path = folder / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path
