"""The command lines that only open the app, read without argparse (reflect/option_line.py).

`reflect`, `reflect --demo` and `reflect --data-dir DIR` open the lock screen, which must
appear within 1.5 times a bare Qt window; argparse's parser (gettext looking for
translations, the parser built and run) costs it a few milliseconds. (argparse itself
loads anyway: PySide6's shiboken imports it.) Any other line (a command, help, --version,
the desktop entry options, an abbreviation, a value starting with "-") gives None and
argparse reads it as always. tests/test_app_arguments.py checks over generated lines that
whatever is read here, argparse reads the same.
"""

from __future__ import annotations

from reflect.option_line import read_options

TYPE_CHECKING = False  # typing is not loaded here; type checkers read the block all the same
if TYPE_CHECKING:
    from collections.abc import Sequence


def app_arguments(argv: Sequence[str]) -> tuple[str | None, bool] | None:
    """(data folder or None, demo) when ``argv`` only opens the app, else None."""
    read = read_options(argv, {"--data-dir": "data_dir"}, {"--demo": "demo"}, word=False)
    if read is None:
        return None
    values = read[0]
    data_dir = values.get("data_dir")
    return (data_dir if isinstance(data_dir, str) else None), bool(values.get("demo"))
