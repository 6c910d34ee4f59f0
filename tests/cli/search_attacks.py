"""The harness of tests/cli/test_search_quick_attacks*.py: one search run twice on two
identical damaged copies of a profile, the quick path first and the full path alone."""

from __future__ import annotations

import contextlib
import io
import os
import shutil

from reflect.cli import main
from reflect.commands import search, search_quick

PASSPHRASE = "a long enough test passphrase"
PROFILE = "quick"


def folder_of(data_dir: str) -> str:
    return os.path.join(data_dir, "profiles", PROFILE)


def run_search(argv, capsys, *, full: bool = False) -> tuple[int, str, str, int]:
    """(exit code, stdout, stderr, how many times the full path ran); ``full``: with the
    quick path switched off, as if it had found something unusual."""
    calls = []
    real_full, real_quick = search._search, search_quick.search_quickly

    def counted(*args, **kwargs):
        calls.append(1)
        return real_full(*args, **kwargs)

    search._search = counted
    search_quick.search_quickly = (lambda _args: (None, None)) if full else real_quick
    try:
        code = main(list(argv))
    finally:
        search._search, search_quick.search_quickly = real_full, real_quick
    out, err = capsys.readouterr()
    return code, out, err, len(calls)


def outcome(argv, data_dir, capsys, *, full: bool) -> tuple[int, str, str, int]:
    """run_search on one copy, with the copy's folder named <root> in what it printed."""
    code, out, err, calls = run_search([*argv, "--data-dir", data_dir], capsys, full=full)
    root = os.path.dirname(data_dir)
    return code, out.replace(root, "<root>"), err.replace(root, "<root>"), calls


def argparse_reads(argv: list[str]) -> dict[str, object] | None:
    """The namespace argparse makes of a command line, or None when it refuses it."""
    from reflect.cli import _parser_for

    try:
        with contextlib.redirect_stderr(io.StringIO()):
            return vars(_parser_for(argv).parse_args(argv))
    except SystemExit:
        return None


def read_as_argparse_reads(argv: list[str], quick) -> None:
    """What the search's own reader made of ``argv`` is what argparse makes of it."""
    expected = argparse_reads(argv)
    assert expected is not None, argv
    assert expected.pop("handler") is quick.handler
    assert {k: v for k, v in vars(quick).items() if k != "handler"} == expected, argv


def prompts_answered(monkeypatch, answer: str) -> list[str]:
    """Every passphrase prompt on both paths answered with ``answer``; the list of prompts
    asked grows as they are."""
    from reflect.commands import common

    asked: list[str] = []

    def prompt(_args, prompt="Passphrase: "):
        asked.append(prompt)
        return answer

    monkeypatch.setattr(search_quick, "read_passphrase", prompt)
    monkeypatch.setattr(common, "read_passphrase", prompt)
    return asked


def tree(data_dir: str) -> list[tuple[str, str, int]]:
    """Every entry under the copy: (relative path, kind, size of a regular file)."""
    found = []
    for where, dirs, files in os.walk(data_dir):
        for name in dirs + files:
            path = os.path.join(where, name)
            info = os.lstat(path)
            kind = oct(info.st_mode)
            size = info.st_size if os.path.isfile(path) and not os.path.islink(path) else 0
            if name.startswith("pre-migration-"):  # named by the second it was made
                name = "pre-migration-*"
            found.append((os.path.join(os.path.relpath(where, data_dir), name), kind, size))
    return sorted(found)


def both_ways(attack_base, tmp_path, capsys, make, argv=("search", "noon")) -> tuple:
    """Run ``argv`` on two copies damaged by ``make``; check they agree; the quick run."""
    runs = []
    for way in ("quick", "full"):
        data_dir = str(tmp_path / way / "data")
        shutil.copytree(attack_base, data_dir, symlinks=True)
        make(data_dir)
        result = outcome(list(argv), data_dir, capsys, full=way == "full")
        runs.append((result, tree(data_dir)))
    (quick, quick_tree), (full, full_tree) = runs
    assert quick[:3] == full[:3]
    assert quick_tree == full_tree
    for text in quick[1:3]:
        assert "unexpected problem" not in text and "Traceback" not in text
    return quick
