"""`reflect search`'s options read without argparse (commands/search_arguments.py) are the
ones argparse reads, for every line it accepts; every other line is left to argparse."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reflect.cli import _parser_for
from reflect.commands.search_arguments import DEFAULTS, FLAGS, WITH_VALUE, quick_arguments
from tests.cli.search_attacks import argparse_reads, read_as_argparse_reads

_VALUES = st.one_of(
    st.sampled_from(["", "5", "0", "-1", "x y", "2026-03-01", "2026-02-30", "10", "11", " 7"]),
    st.text(max_size=6),
)
_OPTION = st.one_of(
    st.tuples(st.sampled_from(sorted(WITH_VALUE)), _VALUES).map(lambda p: [p[0], p[1]]),
    st.tuples(st.sampled_from(sorted(WITH_VALUE)), _VALUES).map(lambda p: [f"{p[0]}={p[1]}"]),
    st.sampled_from([["--json"], ["--json=1"], ["--lim", "3"], ["-h"], ["--"], ["-"]]),
    _VALUES.map(lambda word: [word]),
)


@settings(max_examples=400, deadline=None)
@given(parts=st.lists(_OPTION, max_size=5))
def test_whatever_is_read_without_argparse_argparse_reads_the_same(parts):
    argv = ["search", *[token for part in parts for token in part]]
    quick = quick_arguments(argv)
    if quick is None:
        return  # argparse reads it, as before
    read_as_argparse_reads(argv, quick)


@pytest.mark.parametrize(
    "argv",
    [
        ["search"],
        ["search", "supervision"],
        ["search", "tight jaw", "--limit", "5", "--json"],
        ["search", "--json", "--data-dir", "/tmp/x", "calm"],
        ["search", "--from=2026-01-01", "--to", "2026-01-31", "--tag", "night"],
        ["search", "", "--min-intensity", "3", "--max-intensity=7", "--setting", "Clinic"],
        ["search", "--profile", "p", "--passphrase-file", "/dev/null", "--template", "gibbs"],
    ],
)
def test_everyday_lines_are_read_without_argparse(argv):
    quick = quick_arguments(argv)
    assert quick is not None
    read_as_argparse_reads(argv, quick)


@pytest.mark.parametrize(
    "argv",
    [
        ["search", "--help"],
        ["search", "--lim", "5"],
        ["search", "--limit", "-1"],
        ["search", "--limit", "x"],
        ["search", "--from", "2026-02-30"],
        ["search", "--max-intensity", "11"],
        ["search", "a", "b"],
        ["search", "--", "-x"],
        ["search", "--json=yes"],
        ["search", "--data-dir=--"],  # argparse makes [] of it (found by hypothesis in CI)
        ["search", "--tag=--", "x"],
        ["search", "--tag"],
        ["--data-dir", "/tmp/x", "search", "calm"],
        ["score", "who5"],
        [],
    ],
)
def test_anything_else_is_left_to_argparse(argv):
    assert quick_arguments(argv) is None


def test_the_defaults_are_argparse_s_and_every_option_is_known():
    expected = argparse_reads(["search"])
    expected.pop("handler")
    assert expected == DEFAULTS
    parser = _parser_for(["search"])
    search = next(a for a in parser._actions if a.dest == "command").choices["search"]
    options = {o for a in search._actions for o in a.option_strings if o.startswith("--")}
    assert options - {"--help"} == set(WITH_VALUE) | set(FLAGS)
