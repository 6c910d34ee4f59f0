"""Killed while an encrypted archive or a backup is written into a folder the person chose:
what is left is the old file or the new one, anything else has a name Reflect gives its own
temporary files (encrypted, never plain), and the next export or backup into that folder
leaves nothing but the files asked for."""

from __future__ import annotations

import os
import shutil
import zipfile
from pathlib import Path

import pytest

from tests.crash.killswitch import Outcome, kill_at_every_step
from tests.crash.profile_state import PASSPHRASE, healthy_state, run_cli
from tests.crash.starting_state import prepare_profile

ARCHIVE_PASSPHRASE = "archive passphrase for the crash audit"


def _never_plain(folder: Path) -> None:
    for path in folder.iterdir():
        data = path.read_bytes()
        assert not data.startswith(b"SQLite format 3"), f"{path.name} is a plain database"
        assert b"call back" not in data, f"{path.name} holds plain text"


def _temporary(names: list[str]) -> list[str]:
    return [n for n in names if n.startswith(".reflect-") or n.endswith(".tmp")]


@pytest.mark.parametrize("fallback", [False, True], ids=["unnamed", "named"])
def test_archive_export_killed_at_every_step_then_exported_again(tmp_path, monkeypatch, fallback):
    """``named``: as where O_TMPFILE is missing (macOS, Windows, some file systems)."""
    if fallback:
        monkeypatch.delattr(os, "O_TMPFILE", raising=False)
    prepared = prepare_profile(tmp_path)
    out = tmp_path / "out"
    secret = tmp_path / "archive-passphrase"
    secret.write_text(ARCHIVE_PASSPHRASE)

    def reset() -> None:
        prepared.reset()
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir()

    def export(name: str) -> None:
        argv = ["--data-dir", str(prepared.work), "export", "--format", "archive"]
        argv += ["--out", str(out / f"{name}.reflect-archive"), "--profile", prepared.profile_id]
        code, _out, err = run_cli(argv + ["--archive-passphrase-file", str(secret)], PASSPHRASE)
        assert code == 0, err

    def check(outcome: Outcome) -> None:
        names = sorted(p.name for p in out.iterdir())
        assert set(names) - {"first.reflect-archive"} == set(_temporary(names)), names
        _never_plain(out)
        export("second")  # the next export into that folder tidies it
        expected = ["second.reflect-archive"]
        if "first.reflect-archive" in names:
            expected.insert(0, "first.reflect-archive")
            with zipfile.ZipFile(out / "first.reflect-archive") as archive:
                assert archive.testzip() is None  # whole, never half an archive
        assert sorted(p.name for p in out.iterdir()) == expected
        assert healthy_state(prepared.work, prepared.profile_id, [PASSPHRASE]).rows == (
            prepared.before
        )

    kill_at_every_step(reset, lambda: export("first"), check)


def test_backup_to_a_chosen_file_killed_at_every_step_then_backed_up_again(tmp_path):
    prepared = prepare_profile(tmp_path)
    out = tmp_path / "out"

    def reset() -> None:
        prepared.reset()
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir()

    def backup(name: str) -> None:
        argv = ["--data-dir", str(prepared.work), "backup", "--profile", prepared.profile_id]
        code, _out, err = run_cli(argv + ["--out", str(out / f"{name}.reflect-backup")], PASSPHRASE)
        assert code == 0, err

    def check(outcome: Outcome) -> None:
        names = sorted(p.name for p in out.iterdir())
        wanted = {"first.reflect-backup", "first.reflect-backup.key.json"}
        assert set(names) - wanted == set(_temporary(names)), names
        _never_plain(out)
        backup("second")
        expected = {"second.reflect-backup", "second.reflect-backup.key.json"}
        # The key file is written first, so that the backup never lacks it; killed before
        # the backup took its name, it stays (sealed keys only, as in vault.json: see
        # docs/reliability.md) and is replaced by the next backup of that name.
        expected |= wanted & set(names)
        assert {p.name for p in out.iterdir()} == expected

    kill_at_every_step(reset, lambda: backup("first"), check)
