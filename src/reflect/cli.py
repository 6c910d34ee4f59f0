"""Command-line entry point. The GUI and its heavy imports load only when needed."""

from __future__ import annotations

import contextlib
import importlib
import sys
from collections.abc import Sequence

from reflect import process_gc
from reflect.commands import COMMAND_MODULES

# typing and argparse are not loaded here: `reflect search` reads its everyday options
# without them (commands/search_arguments.py); type checkers read the block all the same.
TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from types import SimpleNamespace


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


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The full parser, or with ``only`` one command module registered (see main)."""
    from reflect.cli_parser import top_level_parser

    parser = top_level_parser()
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES if only is None else (only,):
        module = importlib.import_module(f"reflect.commands.{name}")
        module.register(subparsers)
    return parser


def _command_names(parser: argparse.ArgumentParser) -> set[str]:
    import argparse

    for action in parser._actions:  # argparse keeps its subcommands nowhere public
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()


def _module_for(command: str) -> str | None:
    """The module that by convention registers ``command`` (import_ -> import)."""
    for name in COMMAND_MODULES:
        if name.rstrip("_").replace("_", "-") == command:
            return name
    return None


def _split_arguments(argv: Sequence[str] | None) -> tuple[argparse.Namespace, list[str]]:
    from reflect.cli_parser import top_level_parser

    return top_level_parser(add_help=False).parse_known_args(argv)


def _parser_for(
    argv: Sequence[str] | None, rest: list[str] | None = None
) -> argparse.ArgumentParser:
    """Only the command being run is imported: `reflect search` does not load the
    questionnaire scoring, the help-line directory or the export formats. Anything
    unexpected (help, a typo, a module that registers another name) gets the full parser.
    ``rest``: what _split_arguments left of ``argv``, when already split.
    """
    if rest is None:
        _, rest = _split_arguments(argv)
    command = rest[0] if rest and not rest[0].startswith("-") else None
    module = _module_for(command) if command else None
    if module is not None:
        parser = build_parser(only=module)
        if command in _command_names(parser):
            return parser
    return build_parser()


def run() -> int:
    """The process entry point (the `reflect` command, `python -m reflect`, the bundle)."""
    process_gc.starting()
    try:
        return main()
    finally:
        process_gc.ending()


def main(argv: Sequence[str] | None = None) -> int:
    from reflect.app_arguments import app_arguments
    from reflect.commands.search_arguments import quick_arguments

    line = sys.argv[1:] if argv is None else list(argv)
    app = app_arguments(line)
    if app is not None:  # the lock screen, without argparse (reflect/app_arguments.py)
        from reflect.app import run_gui

        return run_gui(data_dir=app[0], demo=app[1])
    quick = quick_arguments(line)
    if quick is not None:
        return _dispatch(quick)
    parsed = _parsed(argv)
    if isinstance(parsed, int):
        return parsed  # the app ran, or the desktop entry changed
    return _dispatch(parsed)


def _parsed(argv: Sequence[str] | None) -> argparse.Namespace | int:
    """The command's options through argparse, or the exit code of the app it opened."""
    top, rest = _split_arguments(argv)
    # Without a command only the GUI is wanted: importing every command module costs about
    # 100 ms, and the lock screen must appear within twice the time of a bare Qt window.
    gui = None if rest else top
    if gui is not None and (gui.install_desktop_entry or gui.uninstall_desktop_entry):
        return _desktop_entry(gui)
    if gui is not None:
        from reflect.app import run_gui

        return run_gui(data_dir=gui.data_dir, demo=gui.demo)
    parser = _parser_for(argv, rest)
    args = parser.parse_args(argv)
    if args.install_desktop_entry or args.uninstall_desktop_entry:
        parser.error("--install-desktop-entry and --uninstall-desktop-entry take no command")
    if args.command is None:
        from reflect.app import run_gui

        return run_gui(data_dir=args.data_dir, demo=args.demo)
    return args


def _dispatch(args: argparse.Namespace | SimpleNamespace) -> int:
    """Run the command, turning every failure into one line and an exit code."""
    from reflect.domain.errors import ReflectError
    from reflect.hardening import disable_core_dumps

    process_gc.started()
    disable_core_dumps()  # a core of a command holds the key and decrypted text, as the app's
    try:
        return int(args.handler(args) or 0)
    except ReflectError as exc:
        from reflect.domain.terminal_text import terminal_safe

        # A message may quote a file's own content (a field name of a contribution).
        print(terminal_safe(f"reflect: {exc}"), file=sys.stderr)
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


def _unexpected(args: argparse.Namespace | SimpleNamespace, exc: Exception) -> int:
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
