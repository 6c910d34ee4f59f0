"""`reflect search`'s options in their everyday forms, read without argparse
(reflect/option_line.py).

argparse costs a search about 7 ms: importing it, gettext looking for translations of its
messages, and three parsers built. A search line in the forms people and scripts type
(``reflect search WORDS --limit 5 --json --data-dir DIR``, with ``--option=value`` too) is
read here into the same options; anything else (help, an abbreviated or unknown option,
``--`` anywhere, a value starting with "-", a second word, a value argparse would refuse) gives
None, and argparse reads the line as always, with its own messages.
tests/cli/test_search_arguments.py checks over generated lines that whatever is read here,
argparse reads the same.
"""

from __future__ import annotations

from types import SimpleNamespace

from reflect.option_line import read_options

TYPE_CHECKING = False  # typing is not loaded here; type checkers read the block all the same
if TYPE_CHECKING:
    from collections.abc import Sequence

# Option: where argparse stores it (see commands/search.py and profile_arguments.py).
WITH_VALUE = {
    "--data-dir": "data_dir",
    "--profile": "profile",
    "--passphrase-file": "passphrase_file",
    "--from": "date_from",
    "--to": "date_to",
    "--template": "template",
    "--setting": "setting",
    "--tag": "tag",
    "--min-intensity": "min_intensity",
    "--max-intensity": "max_intensity",
    "--limit": "limit",
}
FLAGS = {"--json": "json"}
# What argparse leaves in the namespace of `reflect search` when an option is not given
# (the top-level options included).
DEFAULTS = {
    "version": None,
    "data_dir": None,
    "demo": False,
    "install_desktop_entry": False,
    "uninstall_desktop_entry": False,
    "command": "search",
    "query": "",
    "profile": None,
    "passphrase_file": None,
    "date_from": None,
    "date_to": None,
    "template": None,
    "setting": None,
    "tag": None,
    "min_intensity": None,
    "max_intensity": None,
    "limit": 50,
    "json": False,
}


def quick_arguments(argv: Sequence[str]) -> SimpleNamespace | None:
    """The namespace argparse would make of ``argv``, or None to let argparse read it."""
    if not argv or argv[0] != "search":
        return None
    from reflect.commands import search

    read = read_options(argv[1:], WITH_VALUE, FLAGS, word=True, convert=search.converted)
    if read is None:
        return None
    given, query = read
    values: dict[str, object] = {**DEFAULTS, **given}
    if query is not None:
        values["query"] = query
    return SimpleNamespace(**values, handler=search.run)
