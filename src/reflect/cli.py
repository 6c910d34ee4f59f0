"""Command-line entry point. The GUI and its heavy imports load only when needed."""

from __future__ import annotations

import argparse
import contextlib
import importlib
import sys
from collections.abc import Sequence

from reflect import __version__
from reflect.commands import COMMAND_MODULES

DESCRIPTION = (
    "Reflect: a private companion for front-line providers. Without a command, opens the app."
)


def _top_level_parser(add_help: bool = True) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="reflect", description=DESCRIPTION, add_help=add_help)
    parser.add_argument("--version", action="version", version=f"reflect {__version__}")
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
    from reflect.hardening import disable_core_dumps

    disable_core_dumps()  # a core of a command holds the key and decrypted text, as the app's
    try:
        return int(args.handler(args) or 0)
    except ReflectError as exc:
        print(f"reflect: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (``reflect search | head``): nothing left to tell anyone. Point
        # stdout at devnull so flushing it at exit does not fail again (Python's recipe).
        import os

        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except Exception as exc:  # noqa: BLE001 - the last net: no traceback ever reaches a person
        return _unexpected(args, exc)


def _unexpected(args: argparse.Namespace, exc: Exception) -> int:
    from reflect.storage.failures import is_sqlite_error, translate

    if isinstance(exc, OSError) or is_sqlite_error(exc):
        # A full disk, a read-only folder, a damaged file: say which, in one sentence.
        where = getattr(exc, "filename", None) or "the data folder"
        print(f"reflect: {translate(exc, where)}", file=sys.stderr)
        return 2
    from reflect.diagnostics import log_path, record_error
    from reflect.paths import AppPaths

    data_dir = AppPaths.from_option(args.data_dir).data_dir
    record_error(data_dir, exc, f"cli.{args.command}")
    print(
        f"reflect: an unexpected problem stopped this command ({type(exc).__name__}). "
        f"A note without any of your data was added to {log_path(data_dir)}.",
        file=sys.stderr,
    )
    return 2
