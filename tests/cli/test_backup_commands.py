"""``reflect backup``, ``reflect restore`` and ``reflect check`` against a real profile."""

from __future__ import annotations

import json
from datetime import datetime

from reflect.cli import main
from reflect.domain.reflection import Reflection
from reflect.services.profiles import ProfileService

PASSPHRASE = "a long enough test passphrase"


def _profile(paths, text="kept"):
    service = ProfileService(paths, fast_kdf=True)
    info = service.create(PASSPHRASE, "CLI")
    session = service.unlock(info, PASSPHRASE)
    session.journal.save(Reflection("free_write", datetime(2026, 5, 1, 8), answers={"text": text}))
    session.close()
    return service, info


def test_backup_check_and_restore(paths, monkeypatch, capsys):
    monkeypatch.setenv("REFLECT_PASSPHRASE", PASSPHRASE)
    service, info = _profile(paths)
    base = ["--data-dir", str(paths.data_dir)]

    assert main([*base, "backup", "--json"]) == 0
    written = json.loads(capsys.readouterr().out)["written"]
    assert len(written) == 1 and written[0].endswith(".reflect-backup")
    assert written[0].split("/")[-1].startswith("manual-")

    assert main([*base, "check", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] and report["counts"]["reflections"] == 1 and report["backups"] == 1

    session = service.unlock(info, PASSPHRASE)
    session.journal.save(Reflection("free_write", datetime(2026, 5, 2, 8), answers={"text": "x"}))
    session.close()

    # without --yes and without a terminal, nothing happens
    assert main([*base, "restore", written[0]]) == 2
    assert "--yes" in capsys.readouterr().err
    assert main([*base, "restore", written[0], "--yes", "--json"]) == 0
    restored = json.loads(capsys.readouterr().out)
    assert restored["counts"]["reflections"] == 1 and restored["safety_copy"]
    session = service.unlock(info, PASSPHRASE)
    assert session.journal.count() == 1
    session.close()


def test_restore_of_a_missing_file_is_a_clear_error(paths, monkeypatch, capsys):
    monkeypatch.setenv("REFLECT_PASSPHRASE", PASSPHRASE)
    _profile(paths)
    code = main(
        ["--data-dir", str(paths.data_dir), "restore", "/nonexistent.reflect-backup", "--yes"]
    )
    assert code == 2
    assert "no backup file" in capsys.readouterr().err
    # Without --yes too: the missing file is named before any question is asked.
    code = main(["--data-dir", str(paths.data_dir), "restore", "/nonexistent.reflect-backup"])
    assert code == 2
    assert "no backup file" in capsys.readouterr().err.lower()


def test_restore_refuses_while_the_app_holds_the_data_folder(paths, monkeypatch, capsys):
    from reflect.storage.file_lock import FileLock

    monkeypatch.setenv("REFLECT_PASSPHRASE", PASSPHRASE)
    _profile(paths)
    with FileLock(paths.lock_file):  # what the app holds while it runs
        code = main(["--data-dir", str(paths.data_dir), "restore", "x.reflect-backup", "--yes"])
    assert code == 2
    assert "Close it" in capsys.readouterr().err
