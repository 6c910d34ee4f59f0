"""The diagnostic log: errors and timings only, never a message, text or file contents."""

from __future__ import annotations

import stat

from reflect import cli, diagnostics

SECRET = "my-private-words-7331"


def _raise_with_secret() -> None:
    raise ValueError(f"could not parse {SECRET}")


def test_an_error_is_logged_by_type_and_place_without_its_message(tmp_path):
    try:
        _raise_with_secret()
    except ValueError as exc:
        diagnostics.record_error(tmp_path, exc, "import")
    log = diagnostics.log_path(tmp_path)
    text = log.read_text(encoding="utf-8")
    assert "builtins.ValueError" in text and "_raise_with_secret" in text
    assert SECRET not in text
    assert stat.S_IMODE(log.stat().st_mode) == 0o600


def test_timings_and_names_are_single_words(tmp_path):
    diagnostics.record_timing(tmp_path, f"unlock {SECRET} now", 0.4321)
    text = diagnostics.log_path(tmp_path).read_text(encoding="utf-8")
    assert "432 ms" in text and " now" not in text


def test_the_log_rotates_instead_of_growing(tmp_path, monkeypatch):
    monkeypatch.setattr(diagnostics, "MAX_BYTES", 400)
    for _ in range(40):
        diagnostics.record_timing(tmp_path, "render", 0.1)
    assert diagnostics.log_path(tmp_path).stat().st_size < 500
    assert (tmp_path / "diagnostics.log.1").exists()


def test_no_data_folder_means_no_log(tmp_path):
    diagnostics.record_timing(tmp_path / "missing", "unlock", 0.1)
    assert not (tmp_path / "missing").exists()


def test_an_unexpected_error_in_a_command_is_one_line_and_logged(tmp_path, monkeypatch, capsys):
    def broken(_args):
        _raise_with_secret()

    parser = cli.build_parser()
    monkeypatch.setattr(cli, "build_parser", lambda only=None: parser)
    sub = next(a for a in parser._actions if a.dest == "command")
    sub.choices["help-lines"].set_defaults(handler=broken)
    code = cli.main(["--data-dir", str(tmp_path), "help-lines"])
    err = capsys.readouterr().err
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert SECRET not in err
    assert "ValueError" in diagnostics.log_path(tmp_path).read_text(encoding="utf-8")


def test_logging_never_raises_on_a_read_only_folder(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        diagnostics.record_timing(folder, "unlock", 0.1)  # must not raise
    finally:
        folder.chmod(0o700)


def test_the_app_hook_prints_no_message_to_stderr(tmp_path, monkeypatch, capsys):
    """stderr of a desktop app lands in the system journal (or ~/.xsession-errors): a
    traceback there would keep an error's message, which can quote what was typed."""
    import sys

    from reflect import app

    monkeypatch.setattr(sys, "excepthook", sys.__excepthook__)
    app._log_unexpected_errors(tmp_path)

    try:
        _raise_with_secret()
    except ValueError as exc:
        sys.excepthook(ValueError, exc, exc.__traceback__)
    err = capsys.readouterr()
    assert SECRET not in err.err + err.out
    assert "builtins.ValueError" in err.err
    assert SECRET not in diagnostics.log_path(tmp_path).read_text(encoding="utf-8")


def test_a_log_planted_as_a_symlink_writes_and_changes_nothing_elsewhere(tmp_path):
    elsewhere = tmp_path / "someone-elses-file"
    elsewhere.write_text("keep me\n", encoding="utf-8")
    elsewhere.chmod(0o644)
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    diagnostics.log_path(data_dir).symlink_to(elsewhere)
    try:
        _raise_with_secret()
    except ValueError as exc:
        diagnostics.record_error(data_dir, exc, "import")
    assert elsewhere.read_text(encoding="utf-8") == "keep me\n"
    assert stat.S_IMODE(elsewhere.stat().st_mode) == 0o644
