"""The command line's argparse parser: only built when a line needs it.

Apart from cli.py so that `reflect search`, whose everyday options are read without
argparse (commands/search_arguments.py), does not import argparse at all.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from reflect import __version__

DESCRIPTION = (
    "Reflect: a private companion for front-line providers. Without a command, opens the app."
)


class _VersionAction(argparse.Action):
    """Print Reflect's version with SQLCipher's and Qt's, read only when asked for."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help=str(kwargs.get("help", "")))

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        from reflect.versions import version_lines

        print("\n".join(version_lines()))
        parser.exit()


class _Formatter(argparse.HelpFormatter):
    """argparse's own help layout, told the terminal's width: argparse imports shutil only
    to ask for it, about 2 ms of every command (each parser makes a formatter)."""

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        width = _terminal_columns() - 2 if width is None else width
        super().__init__(prog, indent_increment, max_help_position, width)


def _terminal_columns() -> int:
    """shutil.get_terminal_size's columns: $COLUMNS, else the terminal's, else 80."""
    import os

    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class _Parser(argparse.ArgumentParser):
    """Every parser of the command line (subcommands inherit the class) uses _Formatter."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)


def top_level_parser(add_help: bool = True) -> argparse.ArgumentParser:
    parser = _Parser(prog="reflect", description=DESCRIPTION, add_help=add_help)
    parser.add_argument(
        "--version",
        action=_VersionAction,
        help=f"show Reflect's version ({__version__}) with its SQLCipher and Qt versions",
    )
    parser.add_argument("--data-dir", help="keep profiles in this folder instead of the default")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open a demo profile full of fictional data (created on first use)",
    )
    desktop = parser.add_mutually_exclusive_group()
    desktop.add_argument(
        "--install-desktop-entry",
        action="store_true",
        help="add Reflect to this user's application menu with its icon "
        "(Linux; under $XDG_DATA_HOME, default ~/.local/share)",
    )
    desktop.add_argument(
        "--uninstall-desktop-entry",
        action="store_true",
        help="remove the menu entry, icons and metadata that --install-desktop-entry added",
    )
    return parser
