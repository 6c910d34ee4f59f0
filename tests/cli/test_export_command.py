"""``reflect export`` refuses plain text without --plain-ok and writes the archive by default."""

from __future__ import annotations

import json

from reflect.cli import main
from reflect.services.profiles import ProfileService

PASSPHRASE = "a long enough test passphrase"


def test_export_command(paths, tmp_path, monkeypatch, capsys):
    ProfileService(paths, fast_kdf=True).create(PASSPHRASE, "CLI")
    monkeypatch.setenv("REFLECT_PASSPHRASE", PASSPHRASE)
    base = ["--data-dir", str(paths.data_dir), "export"]
    out = tmp_path / "plain.json"

    assert main([*base, "--format", "json", "--out", str(out)]) == 2
    assert "NOT encrypted" in capsys.readouterr().err and not out.exists()

    assert main([*base, "--format", "json", "--out", str(out), "--plain-ok", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["encrypted"] is False and out.stat().st_mode & 0o777 == 0o600

    assert main([*base, "--out", str(tmp_path / "a")]) == 2  # no archive passphrase
    assert "REFLECT_EXPORT_PASSPHRASE" in capsys.readouterr().err
    monkeypatch.setenv("REFLECT_EXPORT_PASSPHRASE", "the archive passphrase")
    assert main([*base, "--out", str(tmp_path / "a"), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["encrypted"] is True and report["file"].endswith("a.reflect-archive")
