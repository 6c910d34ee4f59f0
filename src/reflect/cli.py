"""Command-line entry point. The GUI and its heavy imports load only when needed."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from reflect import __version__
from reflect.commands import COMMAND_MODULES

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


def _top_level_parser(add_help: bool = True) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="reflect", description=DESCRIPTION, add_help=add_help)
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
    return parser


def build_parser() -> argparse.ArgumentParser:
    parser = _top_level_parser()
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"reflect.commands.{name}")
        module.register(subparsers)
    return parser


def _gui_arguments(argv: Sequence[str] | None) -> argparse.Namespace | None:
    """The options when only the GUI is wanted, else None.

    Importing every command module costs about 100 ms; opening the app needs none of them,
    and the lock screen must appear within twice the time of a bare Qt window.
    """
    args, rest = _top_level_parser(add_help=False).parse_known_args(argv)
    return None if rest else args


def main(argv: Sequence[str] | None = None) -> int:
    gui = _gui_arguments(argv)
    if gui is not None:
        from reflect.app import run_gui

        return run_gui(data_dir=gui.data_dir, demo=gui.demo)
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from reflect.app import run_gui

        return run_gui(data_dir=args.data_dir, demo=args.demo)
    from reflect.domain.errors import ReflectError

    try:
        return int(args.handler(args) or 0)
    except ReflectError as exc:
        print(f"reflect: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
