"""The lines that only open the app, read without argparse (reflect/app_arguments.py), are
read as argparse reads them; every other line is left to argparse."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reflect.app_arguments import app_arguments
from reflect.cli import _split_arguments

_TOKENS = st.one_of(
    st.sampled_from(["--demo", "--data-dir", "--data-dir=", "--data-dir=/x", "-", "--"]),
    st.sampled_from(["--data-dir=--", "--data-dir=-", "--data-dir=-x"]),
    st.sampled_from(["--dem", "--version", "-h", "search", "--install-desktop-entry", "-1"]),
    st.text(max_size=5),
)


def _by_argparse(argv: list[str]) -> tuple[str | None, bool] | None:
    try:
        top, rest = _split_arguments(argv)
    except SystemExit:
        return None
    if rest or top.install_desktop_entry or top.uninstall_desktop_entry or top.version:
        return None
    return top.data_dir, top.demo


@settings(max_examples=400, deadline=None)
@given(argv=st.lists(_TOKENS, max_size=5))
def test_whatever_is_read_without_argparse_argparse_reads_the_same(argv):
    read = app_arguments(argv)
    if read is not None:
        assert read == _by_argparse(argv), argv


@pytest.mark.parametrize(
    "argv",
    [[], ["--demo"], ["--data-dir", "/tmp/x"], ["--data-dir=/tmp/x", "--demo"], ["--data-dir="]],
)
def test_the_lines_that_open_the_app_are_read_without_argparse(argv):
    assert app_arguments(argv) is not None
    assert app_arguments(argv) == _by_argparse(argv)


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["--version"],
        ["--dem"],
        ["--demo=1"],
        ["--data-dir"],
        ["--data-dir", "-x"],
        ["--data-dir=--"],
        ["--install-desktop-entry"],
        ["search", "x"],
        ["--data-dir", "/tmp/x", "check"],
    ],
)
def test_every_other_line_is_left_to_argparse(argv):
    assert app_arguments(argv) is None
