"""A profile's state after a crash: does it open, is it healthy, what does it hold.

``State`` is what a person cares about: which passphrase opens the profile, whether the
recovery key still opens it, and every reflection, follow-up and check-in, row by row.
"""

from __future__ import annotations

import contextlib
import io
import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reflect.cli import main
from reflect.domain.errors import ReflectError
from reflect.paths import AppPaths
from reflect.services.backups import check_profile
from reflect.services.profiles import ProfileService
from reflect.storage.errors import WrongPassphrase

PASSPHRASE = "crash audit passphrase"
NEW_PASSPHRASE = "a brand new passphrase after the crash"
# What a person wrote; these tables are compared row by row before and after.
WRITTEN = ("reflections", "follow_ups", "checkins")


@dataclass(frozen=True)
class State:
    passphrase: str  # the one that opens the profile
    rows: dict[str, list[tuple[Any, ...]]]
    has_recovery: bool


def service(data_dir: Path, *, writer: bool = True) -> ProfileService:
    return ProfileService(AppPaths(data_dir), fast_kdf=True, writer=writer)


def rows_of(db: Any) -> dict[str, list[tuple[Any, ...]]]:
    return {t: sorted(db.execute(f'SELECT * FROM "{t}"').fetchall()) for t in WRITTEN}


def copy_tree(source: Path, target: Path) -> None:
    """A fresh copy of a prepared data folder (the starting state of one kill)."""
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(source, target)


def run_cli(argv: list[str], passphrase: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with (
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
        _env("REFLECT_PASSPHRASE", passphrase),
    ):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


@contextlib.contextmanager
def _env(name: str, value: str):  # type: ignore[no-untyped-def]
    import os

    old = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if old is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = old


def opening_passphrase(data_dir: Path, profile_id: str, candidates: list[str]) -> str:
    """The one candidate that opens the profile (exactly one must)."""
    reader = service(data_dir, writer=False)
    info = reader.get(profile_id)
    opened = []
    for passphrase in candidates:
        try:
            reader.unlock(info, passphrase).close()
        except WrongPassphrase:
            continue
        opened.append(passphrase)
    assert len(opened) == 1, f"expected exactly one passphrase to open it, got {len(opened)}"
    return opened[0]


def healthy_state(data_dir: Path, profile_id: str, candidates: list[str]) -> State:
    """``reflect check`` says ok, then the next writer's unlock (which finishes any pending
    change and tidies leftovers) opens it, and a second check agrees. Returns what it holds."""
    passphrase = opening_passphrase(data_dir, profile_id, candidates)
    argv = ["--data-dir", str(data_dir), "check", "--json", "--profile", profile_id]
    code, out, err = run_cli(argv, passphrase)
    assert code == 0 and json.loads(out)["ok"] is True, f"check: {code} {out} {err}"
    # No other Reflect holds the lock: a reader finishes an interrupted restore itself.
    assert json.loads(out)["restore_waiting"] is False and not err, err
    writer = service(data_dir)
    info = writer.get(profile_id)
    session = writer.unlock(info, passphrase)
    try:
        report = check_profile(session)
        assert report.ok and not report.migrations_pending, report
        rows = rows_of(session.db)
    finally:
        session.close()
    # The writer's unlock removed every temporary file the kill left.
    assert not leftovers(info.directory), leftovers(info.directory)
    return State(passphrase, rows, writer.has_recovery_key(info))


def recovery_opens(data_dir: Path, profile_id: str, code: str) -> bool:
    """Whether the printed recovery key opens the profile (this sets NEW_PASSPHRASE)."""
    writer = service(data_dir)
    info = writer.get(profile_id)
    try:
        session = writer.unlock_with_recovery_key(info, code, NEW_PASSPHRASE, NEW_PASSPHRASE)
    except (WrongPassphrase, ReflectError):
        return False
    session.close()
    return True


def leftovers(profile_dir: Path) -> list[str]:
    """Files a crash left that nobody tidied (after the next writer's unlock)."""
    names = []
    for folder in (profile_dir, profile_dir / "backups"):
        if folder.is_dir():
            names += [p.name for p in folder.iterdir() if is_temporary(p.name)]
    return names


def is_temporary(name: str) -> bool:
    """A name Reflect gives a file only while writing it (a leftover once the writer is gone)."""
    endings = (".part", ".tmp", ".restoring", ".restored")
    started = name.startswith((".reflect-", ".archive-"))
    return started or name.endswith(endings) or ".tmp-" in name
