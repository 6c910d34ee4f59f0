"""A small filled profile, the CLI run in-process or as a process, and what to assert after."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from reflect.cli import main
from reflect.domain.profile import ProfileInfo
from reflect.paths import AppPaths
from reflect.services.profiles import ProfileService

PASSPHRASE = "fault injection passphrase"
SRC = str(Path(__file__).resolve().parents[2] / "src")


def make_profile(data_dir: Path, reflections: int = 12, checkins: int = 5) -> ProfileInfo:
    """A profile with a few rows in several tables (written the way the app writes)."""
    service = ProfileService(AppPaths(data_dir).ensure(), fast_kdf=True)
    info = service.create(PASSPHRASE, "Fault")
    session = service.unlock(info, PASSPHRASE)
    try:
        add_rows(session.db, reflections, checkins)
    finally:
        session.close()
    return info


def add_rows(db: Any, reflections: int, checkins: int = 0, start: int = 0) -> None:
    with db.atomic():
        db["reflections"].insert_all(
            {
                "template_id": "free_write",
                "occurred_at": f"2026-03-{1 + (start + i) % 28:02d}T18:00:00",
                "setting": "outreach",
                "tags": '["team"]',
                "intensity": 4,
                "feelings": "[]",
                "answers": '{"text": "A long shift"}',
                "body": f"A long shift number {start + i}",
                "created_at": "2026-03-01T18:05:00",
                "updated_at": "2026-03-01T18:05:00",
            }
            for i in range(reflections)
        )
        db["checkins"].insert_all(
            {
                "taken_at": f"2026-03-{1 + i % 28:02d}T09:00:00",
                "item_scores": '{"emotional.flat": 2}',  # a real item: archives are validated
                "sleep": 2,
                "energy": 2,
                "helping": "{}",
                "helped_note": "",
                "note": "",
            }
            for i in range(checkins)
        )
        db["settings"].insert({"key": f"fault-{start}", "value": "1"}, replace=True)


def row_counts(info: ProfileInfo) -> dict[str, int]:
    """Rows per table, read through a fresh reader session (no writer lock needed)."""
    service = ProfileService(AppPaths(info.directory.parent.parent), fast_kdf=True)
    session = service.unlock(service.get(info.profile_id), PASSPHRASE)
    try:
        tables = [
            r[0]
            for r in session.db.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
                "AND name NOT LIKE '%_fts%'"
            )
        ]
        return {t: session.db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        session.close()


def folder_digest(folder: Path) -> dict[str, str]:
    """Name -> sha256 of every file under ``folder`` (to prove nothing was written)."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != "writer.lock"
    }


def run(argv: list[str], capsys: Any) -> tuple[int, str, str]:
    """The CLI in this process: an exception escaping ``main`` fails the test by itself."""
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def process(argv: list[str], env: dict[str, str] | None = None, **kwargs: Any) -> subprocess.Popen:
    """The CLI as its own process (for two writers at once, and core-dump settings)."""
    full_env = {**os.environ, "PYTHONPATH": SRC, "REFLECT_PASSPHRASE": PASSPHRASE, **(env or {})}
    return subprocess.Popen(
        [sys.executable, "-m", "reflect", *argv],
        env=full_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kwargs,
    )


def clean_lines(err: str) -> list[str]:
    """The non-empty stderr lines, after checking that none is part of a traceback."""
    assert "Traceback" not in err and 'File "' not in err, err
    lines = [line for line in err.splitlines() if line.strip()]
    for line in lines:
        assert len(line) < 600, line[:700]
    return lines


def assert_one_clean_line(err: str) -> str:
    lines = clean_lines(err)
    assert len(lines) == 1, err[:2000]
    return lines[0]
