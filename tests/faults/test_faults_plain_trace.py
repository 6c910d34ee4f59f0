"""A plain export killed half way leaves no plain-text file beside its target.

It used to leave ``.<name>.<hex>.part``: a hidden, complete copy of the person's
reflections in plain text that they never asked for. Now (Linux) the text goes to an
unnamed O_TMPFILE that is named only when complete; where O_TMPFILE is missing the
temporary file has a recognisable, locked name and the next write to that folder removes it.
"""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from tests.faults.storage_helpers import PASSPHRASE, SRC, make_profile

from reflect.paths import AppPaths, write_private_file
from reflect.private_output import is_leftover_name, private_output, remove_stale_parts
from reflect.services.export import export_profile
from reflect.services.profiles import ProfileService

SLOW_EXPORTER = Path(__file__).with_name("slow_exporter.py")
CANARY = "A long shift"  # the text of every reflection make_profile writes


@pytest.fixture
def profile(tmp_path):
    return tmp_path / "data", make_profile(tmp_path / "data", reflections=5, checkins=1)


def _kill_mid_write(data_dir, info, format_name, out, *mode):
    env = {**os.environ, "PYTHONPATH": SRC, "REFLECT_PASSPHRASE": PASSPHRASE}
    args = [sys.executable, str(SLOW_EXPORTER), str(data_dir), info.profile_id, format_name]
    child = subprocess.Popen(
        [*args, str(out), *mode], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    try:
        line = child.stdout.readline()
        assert line.strip() == b"WRITTEN", child.stderr.read().decode()[-2000:]
        os.kill(child.pid, signal.SIGKILL)
        child.wait(30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        child.stdout.close()
        child.stderr.close()


def _everything_in(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


@pytest.mark.skipif(not hasattr(os, "O_TMPFILE"), reason="O_TMPFILE is Linux only")
@pytest.mark.parametrize("format_name", ["markdown", "json", "csv"])
def test_a_killed_plain_export_leaves_no_file_at_all(profile, tmp_path, format_name):
    data_dir, info = profile
    out_dir = tmp_path / "exports"
    out_dir.mkdir()
    _kill_mid_write(data_dir, info, format_name, out_dir / "journal")
    assert os.listdir(out_dir) == []


@pytest.mark.skipif(not hasattr(os, "O_TMPFILE"), reason="O_TMPFILE is Linux only")
def test_a_killed_export_over_an_old_file_keeps_the_old_file_only(profile, tmp_path):
    data_dir, info = profile
    out_dir = tmp_path / "exports"
    out_dir.mkdir()
    (out_dir / "journal.md").write_text("last month's export", encoding="utf-8")
    _kill_mid_write(data_dir, info, "markdown", out_dir / "journal.md")
    assert _everything_in(out_dir) == {"journal.md": b"last month's export"}


def test_without_o_tmpfile_the_next_write_removes_what_a_kill_left(profile, tmp_path):
    data_dir, info = profile
    out_dir = tmp_path / "exports"
    out_dir.mkdir()
    _kill_mid_write(data_dir, info, "markdown", out_dir / "journal", "named")
    left = [name for name in os.listdir(out_dir) if name != "journal.md"]
    # The fallback's temporary file is there (the kill came before the rename), and it is
    # recognisably Reflect's...
    assert len(left) == 1 and is_leftover_name(left[0])
    assert CANARY in (out_dir / left[0]).read_text(encoding="utf-8")
    # ...so the next export to that folder removes it.
    service = ProfileService(AppPaths(data_dir), fast_kdf=True)
    session = service.unlock(service.get(info.profile_id), PASSPHRASE)
    try:
        export_profile(session, "csv", out_dir / "tables.zip", plain_ok=True)
    finally:
        session.close()
    assert sorted(os.listdir(out_dir)) == ["tables.zip"]
    assert (out_dir / "tables.zip").stat().st_mode & 0o777 == 0o600


def test_a_file_being_written_is_not_removed_as_stale(tmp_path, monkeypatch):
    monkeypatch.delattr(os, "O_TMPFILE", raising=False)  # the named fallback
    target = tmp_path / "report.md"
    with private_output(target) as output:
        output.write_bytes(b"half of it")
        # Another writer (this process here, another process alike) cleans the folder:
        assert remove_stale_parts(tmp_path) == []
        assert output.path.exists()
    assert target.read_bytes() == b"half of it"
    assert sorted(os.listdir(tmp_path)) == ["report.md"]


def test_only_reflects_own_temporary_names_are_removed(tmp_path):
    kept = ["notes.md.part", ".hidden.part", "report.reflect-0123456789abcdef.part", "a.md"]
    gone = [".reflect-0123456789abcdef.part", ".journal.md.1a2b3c4d.part"]
    for name in kept + gone:
        (tmp_path / name).write_text("x", encoding="utf-8")
    write_private_file(tmp_path / "new.json", b"{}")
    assert sorted(os.listdir(tmp_path)) == sorted([*kept, "new.json"])


def test_private_files_are_0600_and_replace_in_one_step(tmp_path):
    target = tmp_path / "vault.json"
    write_private_file(target, b"first")
    write_private_file(target, b"second")
    assert target.read_bytes() == b"second"
    assert target.stat().st_mode & 0o777 == 0o600
    assert os.listdir(tmp_path) == ["vault.json"]
    with pytest.raises(RuntimeError), private_output(tmp_path / "never.md") as output:
        output.write_bytes(b"plain text")
        raise RuntimeError("the export failed half way")
    assert os.listdir(tmp_path) == ["vault.json"]


@pytest.mark.skipif(not hasattr(os, "O_TMPFILE"), reason="O_TMPFILE is Linux only")
def test_where_linking_through_proc_is_refused_the_data_is_copied_into_place(tmp_path, monkeypatch):
    def refuse(*_args, **_kwargs):
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(os, "link", refuse)
    target = tmp_path / "journal.md"
    target.write_bytes(b"old")
    write_private_file(target, b"new text" * 100_000)
    assert target.read_bytes() == b"new text" * 100_000
    assert target.stat().st_mode & 0o777 == 0o600
    assert os.listdir(tmp_path) == ["journal.md"]
