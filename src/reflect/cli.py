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


def _desktop_entry(args: argparse.Namespace) -> int:
    from reflect import desktop_entry

    try:
        if args.install_desktop_entry:
            written = desktop_entry.install(args.data_dir)
            print(f"Added Reflect to your applications menu ({len(written)} files):")
            for path in written:
                print(f"  {path}")
            return 0
        removed = desktop_entry.uninstall()
    except (OSError, ValueError) as exc:
        print(f"reflect: could not change the desktop entry: {exc}", file=sys.stderr)
        return 2
    if not removed:
        print("Reflect had no desktop entry for this user; nothing to remove.")
        return 0
    print(f"Removed Reflect's desktop entry ({len(removed)} files):")
    for path in removed:
        print(f"  {path}")
    return 0


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
    if gui is not None and (gui.install_desktop_entry or gui.uninstall_desktop_entry):
        return _desktop_entry(gui)
    if gui is not None:
        from reflect.app import run_gui

        return run_gui(data_dir=gui.data_dir, demo=gui.demo)
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.install_desktop_entry or args.uninstall_desktop_entry:
        parser.error("--install-desktop-entry and --uninstall-desktop-entry take no command")
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
    except BrokenPipeError:
        # `reflect help-lines | head`: the reader left; not an error worth a traceback.
        # Point stdout at nothing so Python's own flush at exit stays quiet too.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
