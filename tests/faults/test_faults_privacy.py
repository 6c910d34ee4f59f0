"""Issue 13 items 8-11: core dumps, the wrong-passphrase wait across processes, private files,
and passphrases that arrive in another Unicode form or from a file with a BOM."""

from __future__ import annotations

import json
import os
import stat
import unicodedata

import pytest
from tests.faults.storage_helpers import (
    PASSPHRASE,
    assert_one_clean_line,
    make_profile,
    process,
    row_counts,
    run,
)

from reflect.paths import AppPaths
from reflect.services.profiles import ProfileService

# --- 8. core dumps --------------------------------------------------------------------------

PROBE = """
import ctypes, resource, sys
from reflect.cli import main
code = main(sys.argv[1:])
print("RESULT", code, resource.getrlimit(resource.RLIMIT_CORE)[1],
      ctypes.CDLL(None).prctl(3, 0, 0, 0, 0))  # PR_GET_DUMPABLE
"""


@pytest.mark.skipif(os.uname().sysname != "Linux", reason="prctl is Linux only")
def test_the_command_line_disables_core_dumps_like_the_app(tmp_path):
    info = make_profile(tmp_path / "data")
    import subprocess
    import sys

    from tests.faults.storage_helpers import SRC

    out = subprocess.run(
        [sys.executable, "-c", PROBE, "--data-dir", str(tmp_path / "data"), "search", "shift"],
        env={**os.environ, "PYTHONPATH": SRC, "REFLECT_PASSPHRASE": PASSPHRASE},
        capture_output=True,
        text=True,
        timeout=60,
    )
    result = [line for line in out.stdout.splitlines() if line.startswith("RESULT")][0]
    assert result.split()[1:] == ["0", "0", "0"], out.stderr
    assert info.db_path.exists()


# --- 9. the wrong-passphrase wait survives a new process ------------------------------------


def test_wrong_passphrases_are_slowed_across_processes(tmp_path, monkeypatch, capsys):
    data_dir = tmp_path / "data"
    info = make_profile(data_dir)
    monkeypatch.setenv("REFLECT_PASSPHRASE", "not the passphrase at all")
    for _ in range(3):  # each call is a new ProfileService: nothing is kept in memory
        code, _out, err = run(["--data-dir", str(data_dir), "search", "x"], capsys)
        assert code == 2 and "does not open" in assert_one_clean_line(err)
    counter = info.directory / "unlock-attempts.json"
    assert stat.S_IMODE(counter.stat().st_mode) == 0o600
    assert set(json.loads(counter.read_text())) == {"failures", "not_before"}
    assert PASSPHRASE not in counter.read_text()
    # Even the right passphrase waits now, and from a brand-new process too.
    proc = process(["--data-dir", str(data_dir), "search", "x"])
    code, (_out, err) = proc.wait(timeout=60), proc.communicate()
    assert code == 2 and "Please wait" in assert_one_clean_line(err)
    # Once the wait is over, the right passphrase opens and the count starts again.
    data = json.loads(counter.read_text())
    counter.write_text(json.dumps({**data, "not_before": 0}))
    monkeypatch.setenv("REFLECT_PASSPHRASE", PASSPHRASE)
    code, _out, err = run(["--data-dir", str(data_dir), "search", "x"], capsys)
    assert code == 0, err
    assert not counter.exists()


def test_a_damaged_or_hostile_counter_file_is_not_fatal(tmp_path, monkeypatch, capsys):
    data_dir = tmp_path / "data"
    info = make_profile(data_dir)
    monkeypatch.setenv("REFLECT_PASSPHRASE", PASSPHRASE)
    counter = info.directory / "unlock-attempts.json"
    for content in ("{", "[]", '{"failures": 1e999, "not_before": 1e308}', "x" * 100_000):
        counter.write_text(content)
        code, _out, err = run(["--data-dir", str(data_dir), "search", "x"], capsys)
        assert "Traceback" not in err
        # A far-future time (a clock set back, or an edited file) is capped at one minute.
        assert code == 0 or "wait 60 s" in err, err


# --- 10. private files, leftovers -----------------------------------------------------------


def test_the_command_line_tightens_an_existing_data_folder(tmp_path, monkeypatch, capsys):
    data_dir = tmp_path / "data"
    info = make_profile(data_dir)
    backup_dir = info.directory / "backups"
    backup_dir.mkdir()
    (backup_dir / "manual-20260101T000000.reflect-backup").write_bytes(b"x" * 512)
    for folder in (data_dir, data_dir / "profiles", info.directory, backup_dir):
        folder.chmod(0o755)
    for path in (info.db_path, info.vault_path, *backup_dir.iterdir()):
        path.chmod(0o644)
    monkeypatch.setenv("REFLECT_PASSPHRASE", PASSPHRASE)
    code, _out, err = run(["--data-dir", str(data_dir), "search", "x"], capsys)
    assert code == 0, err
    for folder in (data_dir, data_dir / "profiles", info.directory, backup_dir):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    for path in info.directory.rglob("*"):
        if path.is_file():
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


# --- 11. Unicode forms and passphrase files -------------------------------------------------

NFC = unicodedata.normalize("NFC", "café crème brûlée à Montréal")
NFD = unicodedata.normalize("NFD", NFC)


def test_a_new_profile_opens_with_either_form_of_its_passphrase(tmp_path):
    assert NFC != NFD
    service = ProfileService(AppPaths(tmp_path / "data").ensure(), fast_kdf=True)
    info = service.create(NFD, "Accents")
    service.unlock(info, NFC).close()
    service.unlock(info, NFD).close()


def test_an_old_profile_sealed_with_the_raw_form_opens_and_is_sealed_again_in_nfc(tmp_path):
    from reflect.storage.kdf import KdfParams, derive_key
    from reflect.storage.keywrap import wrap

    service = ProfileService(AppPaths(tmp_path / "data").ensure(), fast_kdf=True)
    info = service.create(NFD, "Old")
    session = service.unlock(info, NFD)
    key = bytearray(session.key)
    session.close()
    # What an older Reflect wrote: the key sealed under the raw (NFD) text.
    vault = json.loads(info.vault_path.read_text())
    params = KdfParams.floor()
    vault["passphrase"] = {
        "kdf": params.to_dict(),
        "wrapped_key": wrap(key, derive_key(NFD, params)),
    }
    info.vault_path.write_text(json.dumps(vault))
    with pytest.raises(Exception, match="does not open"):
        service.unlock(info, NFC)  # the other form cannot open the raw seal...
    service.unlock(info, NFD).close()  # ...the raw form does, and seals it again in NFC
    service.unlock(info, NFC).close()


def test_passphrase_files_bom_size_and_encoding(tmp_path, capsys):
    data_dir = tmp_path / "data"
    info = make_profile(data_dir)
    good = tmp_path / "bom.txt"
    good.write_bytes(b"\xef\xbb\xbf" + PASSPHRASE.encode() + b"\r\n")
    code, _out, err = run(
        ["--data-dir", str(data_dir), "search", "x", "--passphrase-file", str(good)], capsys
    )
    assert code == 0, err
    cases = {
        "huge": (b"a" * 5_000_000, "larger than"),
        "latin1": ("fault injection passphrasé".encode("latin-1"), "not UTF-8"),
        "folder": (None, "not a regular file"),
        "missing": (None, "Cannot read"),
    }
    for name, (data, expected) in cases.items():
        path = tmp_path / name
        if name == "folder":
            path.mkdir()
        elif data is not None:
            path.write_bytes(data)
        for argv in (
            ["search", "x", "--passphrase-file", str(path)],
            ["demo", "--passphrase-file", str(path)],
            ["export", "--out", str(tmp_path / "a"), "--archive-passphrase-file", str(path)],
        ):
            code, _out, err = run(["--data-dir", str(data_dir), *argv], capsys)
            line = assert_one_clean_line(err)
            assert code == 2 and expected in line, (name, argv, line)
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    code, _out, err = run(
        ["--data-dir", str(data_dir), "search", "x", "--passphrase-file", str(fifo)], capsys
    )
    assert code == 2 and "not a regular file" in assert_one_clean_line(err)
    assert row_counts(info)["reflections"] == 12


def test_an_archive_opens_with_either_form_of_its_passphrase(tmp_path, monkeypatch, capsys):
    data_dir = tmp_path / "data"
    make_profile(data_dir)
    other = tmp_path / "other"
    info = make_profile(other)
    monkeypatch.setenv("REFLECT_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("REFLECT_EXPORT_PASSPHRASE", NFD)
    archive = tmp_path / "a.reflect-archive"
    code, _out, err = run(["--data-dir", str(data_dir), "export", "--out", str(archive)], capsys)
    assert code == 0, err
    monkeypatch.setenv("REFLECT_EXPORT_PASSPHRASE", NFC)
    code, _out, err = run(["--data-dir", str(other), "import", str(archive)], capsys)
    assert code == 0, err
    assert row_counts(info)["reflections"] == 12  # same rows: duplicates, but it opened
