"""Killed while importing: an archive or a jrnl export lands whole or not at all, and what
the profile held before is untouched."""

from __future__ import annotations

import json
import os
import random
import time

import pytest

from reflect.services.export import export_profile
from tests.crash.killswitch import Outcome, kill_at_every_step, run_killed_after
from tests.crash.profile_state import PASSPHRASE, healthy_state, leftovers, run_cli, service
from tests.crash.starting_state import prepare_profile
from tests.faults.storage_helpers import add_rows

ARCHIVE_PASSPHRASE = "archive passphrase for the crash audit"


def _archive(tmp_path):  # type: ignore[no-untyped-def]
    """An archive of another person's profile with rows the prepared one lacks."""
    writer = service(tmp_path / "elsewhere")
    writer.paths.ensure()
    info = writer.create(PASSPHRASE, "Elsewhere")
    session = writer.unlock(info, PASSPHRASE)
    try:
        add_rows(session.db, 15, 4, start=200)
        out = tmp_path / "other.reflect-archive"
        export_profile(session, "archive", out, archive_passphrase=ARCHIVE_PASSPHRASE)
    finally:
        session.close()
    secret = tmp_path / "archive-passphrase"
    secret.write_text(ARCHIVE_PASSPHRASE)
    return out, secret


def test_archive_import_killed_at_every_step(tmp_path):
    prepared = prepare_profile(tmp_path)
    archive, secret = _archive(tmp_path)
    after: dict = {}

    def import_archive() -> None:
        argv = ["--data-dir", str(prepared.work), "import", str(archive)]
        argv += ["--profile", prepared.profile_id, "--archive-passphrase-file", str(secret)]
        code, _out, err = run_cli(argv, PASSPHRASE)
        assert code == 0, err

    def check(outcome: Outcome) -> None:
        state = healthy_state(prepared.work, prepared.profile_id, [PASSPHRASE])
        assert not leftovers(prepared.profile_dir)  # the archive's working copy is gone
        if not outcome.killed:
            assert len(state.rows["reflections"]) == len(prepared.before["reflections"]) + 15
            after.update(state.rows)
        assert state.rows in (prepared.before, after), "an import half there"

    kill_at_every_step(prepared.reset, import_archive, check)


def _jrnl(path, count: int) -> None:  # type: ignore[no-untyped-def]
    entries = [
        {
            "date": f"20{10 + n // 3000:02d}-{1 + n % 12:02d}-{1 + n % 28:02d}",
            "time": "21:05",
            "title": f"Shift {n}.",
            "body": f"jrnlmarker{n} the walk home helped " * 3,
            "tags": ["@work"],
            "starred": n % 7 == 0,
        }
        for n in range(count)
    ]
    path.write_text(json.dumps({"tags": {"@work": count}, "entries": entries}))


SLOW = os.environ.get("REFLECT_CRASH_SLOW") == "1"


@pytest.mark.parametrize(
    ("entries", "kills"),
    [
        (2_000, 2),
        pytest.param(
            10_000,
            12,
            marks=pytest.mark.skipif(not SLOW, reason="about a minute: REFLECT_CRASH_SLOW=1"),
        ),
    ],
)
def test_jrnl_import_killed_midway(tmp_path, entries, kills):
    """Killed at random moments of a big jrnl import: all entries or none, and the search
    index agrees. 2,000 entries by default; 10,000 with REFLECT_CRASH_SLOW=1."""
    prepared = prepare_profile(tmp_path)
    jrnl = tmp_path / "jrnl.json"
    _jrnl(jrnl, entries)
    argv = ["--data-dir", str(prepared.work), "import", str(jrnl), "--profile"]
    argv.append(prepared.profile_id)

    def import_jrnl() -> None:
        code, _out, err = run_cli(argv, PASSPHRASE)
        assert code == 0, err

    started = time.monotonic()
    assert not run_killed_after(import_jrnl, 120).killed
    duration = time.monotonic() - started
    rng = random.Random(10_000)
    seen = set()
    for _ in range(kills):
        prepared.reset()
        outcome = run_killed_after(import_jrnl, rng.uniform(0.3, 0.85) * duration)
        state = healthy_state(prepared.work, prepared.profile_id, [PASSPHRASE])
        added = len(state.rows["reflections"]) - len(prepared.before["reflections"])
        assert added in (0, entries), f"{added} of {entries} entries landed"
        assert state.rows["checkins"] == prepared.before["checkins"]
        _index_agrees(prepared, added)
        seen.add(added if outcome.killed else -1)
    assert 0 in seen, "no kill fell inside the import"


def _index_agrees(prepared, added: int) -> None:  # type: ignore[no-untyped-def]
    writer = service(prepared.work, writer=False)
    session = writer.unlock(writer.get(prepared.profile_id), PASSPHRASE)
    try:
        rows = session.db.execute("SELECT count(*) FROM reflections_fts").fetchone()[0]
        assert rows == session.db.execute("SELECT count(*) FROM reflections").fetchone()[0]
        found = session.db.execute(
            "SELECT count(*) FROM reflections_fts WHERE reflections_fts MATCH 'jrnlmarker17'"
        ).fetchone()[0]
        assert found == (1 if added else 0)
    finally:
        session.close()
