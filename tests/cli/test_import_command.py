"""``reflect import`` previews with --dry-run and imports a jrnl export."""

from __future__ import annotations

import json

from reflect.cli import main
from reflect.services.profiles import ProfileService

PASSPHRASE = "a long enough test passphrase"


def test_import_command(paths, tmp_path, monkeypatch, capsys):
    ProfileService(paths, fast_kdf=True).create(PASSPHRASE, "CLI")
    monkeypatch.setenv("REFLECT_PASSPHRASE", PASSPHRASE)
    source = tmp_path / "jrnl.json"
    source.write_text(
        json.dumps({"entries": [{"date": "2024-05-01", "time": "20:00", "title": "Hi."}]}),
        encoding="utf-8",
    )
    base = ["--data-dir", str(paths.data_dir), "import", str(source)]
    assert main([*base, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "reflections: 1 new, 0 already here" in out and "Dry run" in out
    assert main([*base, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["written"] == {"reflections": 1}
    source.write_text('{"entries": [{"date": "soon"}]}', encoding="utf-8")
    assert main(base) == 2
    assert "entries[0].date" in capsys.readouterr().err


def test_a_terminal_sees_a_progress_line_and_scripts_do_not(tmp_path, monkeypatch, capsys):
    """On a terminal, stderr shows "Importing… N%" rewritten in place, cleared at the end."""
    import io

    from reflect.commands import import_ as command

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    line = command._ProgressLine()
    terminal = Terminal()
    monkeypatch.setattr(command.sys, "stderr", terminal)
    for percent in (0, 20, 20, 57, 100):
        line(percent, "")
    line.finish()
    text = terminal.getvalue()
    assert text.count("\rImporting…") == 4  # the repeated 20% is not written again
    assert "100%" in text and text.endswith("\r\033[K")
