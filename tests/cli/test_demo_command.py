"""``reflect demo`` creates the demo non-interactively, with the chosen passphrase."""

from __future__ import annotations

import json

from reflect.cli import main
from reflect.services.profiles import ProfileService


def test_demo_command(paths, monkeypatch, capsys):
    monkeypatch.setenv("REFLECT_PASSPHRASE", "a private demo passphrase")
    base = ["demo", "--data-dir", str(paths.data_dir), "--json"]
    assert main(base) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["passphrase_is_public"] is False
    assert report["added"]["reflections"] == 250 and report["added"]["checkins"] == 104
    assert main(base) == 2
    assert "--replace" in capsys.readouterr().err
    service = ProfileService(paths, fast_kdf=True)
    session = service.unlock(service.get("demo"), "a private demo passphrase")
    session.close()
    assert main(["demo", "--data-dir", str(paths.data_dir), "--years", "0"]) == 2
