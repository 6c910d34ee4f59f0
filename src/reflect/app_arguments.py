"""The command lines that only open the app, read without argparse.

`reflect`, `reflect --demo` and `reflect --data-dir DIR` open the lock screen, which must
appear within 1.5 times a bare Qt window; argparse's parser (gettext looking for
translations, the parser built and run) costs it a few milliseconds. (argparse itself
loads anyway: PySide6's shiboken imports it.) Any other line (a command, help, --version,
the desktop entry options, an abbreviation, a value starting with "-") gives None and
argparse reads it as always. tests/test_app_arguments.py checks over generated lines that
whatever is read here, argparse reads the same.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing is not loaded here; type checkers read the block all the same
if TYPE_CHECKING:
    from collections.abc import Sequence


def app_arguments(argv: Sequence[str]) -> tuple[str | None, bool] | None:
    """(data folder or None, demo) when ``argv`` only opens the app, else None."""
    data_dir: str | None = None
    demo = False
    tokens = list(argv)
    position = 0
    while position < len(tokens):
        token = tokens[position]
        position += 1
        if token == "--demo":
            demo = True
        elif token.startswith("--data-dir=") and token != "--data-dir=--":
            data_dir = token.partition("=")[2]  # (argparse makes [] of a "--" value)
        elif token == "--data-dir":
            if position >= len(tokens) or tokens[position].startswith("-"):
                return None
            data_dir = tokens[position]
            position += 1
        else:
            return None
    return data_dir, demo
