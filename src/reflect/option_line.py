"""A command line's options in their everyday forms, read without argparse.

argparse costs a short command several milliseconds (its import, gettext looking for
translations of its messages, the parsers built). The lines that open the app
(app_arguments.py) and the everyday lines of `reflect search`
(commands/search_arguments.py) are read here instead, in the forms people and scripts
type: ``--option value``, ``--option=value``, a flag, and where allowed one word.
Anything else gives None, and argparse reads the line as always, with its own messages.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing is not loaded here; type checkers read the block all the same
if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence


def read_options(
    tokens: Sequence[str],
    with_value: Mapping[str, str],
    flags: Mapping[str, str],
    *,
    word: bool,
    convert: Callable[[str, str], object] = lambda _dest, text: text,
) -> tuple[dict[str, object], str | None] | None:
    """({destination: converted value, or True for a flag}, the one word or None), or None
    when argparse should read the line: an unknown or abbreviated option, "--", a value
    that starts with "-" or is "--" (argparse makes [] of it), a value ``convert`` refuses,
    a word where none is taken, or a second word. Every value is converted as argparse
    converts it, each time the option is given; the last one wins."""
    values: dict[str, object] = {}
    found: str | None = None
    position = 0
    while position < len(tokens):
        token = tokens[position]
        position += 1
        if not token.startswith("-"):
            if not word or found is not None:
                return None
            found = token
            continue
        name, equals, value = token.partition("=")
        if name in flags and not equals:
            values[flags[name]] = True
            continue
        if name not in with_value or value == "--":
            return None
        if not equals:
            if position >= len(tokens) or tokens[position].startswith("-"):
                return None
            value = tokens[position]
            position += 1
        try:
            values[with_value[name]] = convert(with_value[name], value)
        except Exception:  # noqa: BLE001 - argparse reads it again and says what is wrong
            return None
    return values, found
