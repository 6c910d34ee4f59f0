"""``reflect search QUERY``: find reflections from the command line.

Prints one line per match (date, template, snippet), or with ``--json`` a stable document:
``{"query", "count", "total", "results": [{"id", "occurred_at", "template_id", "template",
"setting", "tags", "intensity", "snippet"}], "search_index_problems"}``. Fields may be
added, never renamed. ``search_index_problems`` (empty when all is well) lists what a quick
comparison of the search index with the reflections found; a line on standard error then
says results may be missing and how to rebuild the index.
"""

from __future__ import annotations

import sys
from collections import namedtuple

# Only what the options need: a search loads the rest while its key is derived
# (commands/search_quick.py).
from reflect.commands.profile_arguments import add_profile_arguments
from reflect.domain.errors import ValidationError

# typing itself is not loaded: `reflect search` reads these files before anything else
# needs it (about 3 ms); type checkers read the block below all the same.
TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable
    from datetime import date
    from typing import Any

    from reflect.domain.journal import JournalFilter
    from reflect.domain.message import Message

# What a search found, for printing: (results, total, template names by id, the search
# index's problems, the warning about them or None).
Found = namedtuple("Found", "results total names index_problems warning")
# A result as the quick path makes it: ReflectionSummary's fields, without loading it.
Summary = namedtuple("Summary", "id occurred_at template_id setting tags intensity snippet")


def _day(text: str) -> date:
    from datetime import date  # here: datetime loads while the key is derived otherwise

    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        import argparse

        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2024-03-31") from exc


def _intensity(text: str) -> int:
    # isdecimal, not isdigit: int() refuses the superscripts isdigit accepts ("²").
    if not text.isdecimal() or not 0 <= int(text) <= 10:
        import argparse

        raise argparse.ArgumentTypeError("intensity is a whole number from 0 to 10")
    return int(text)


def _limit(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = None
    # SQLite holds 64-bit integers: a larger limit failed as "could not use the data folder".
    if value is None or abs(value) >= 2**63:
        import argparse

        raise argparse.ArgumentTypeError("the limit is a whole number (0 = all)")
    return value


# How each option's text becomes its value, for argparse (register) and for the options
# read without it (commands/search_arguments.py).
CONVERTERS: dict[str, Callable[[str], object]] = {
    "date_from": _day,
    "date_to": _day,
    "min_intensity": _intensity,
    "max_intensity": _intensity,
    "limit": _limit,
}


def converted(dest: str, text: str) -> object:
    convert = CONVERTERS.get(dest)
    return convert(text) if convert is not None else text


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "search",
        help="find reflections by words, dates, template, setting, tag or intensity",
        description="Full-text search of your reflections (inside the encrypted database).",
    )
    parser.add_argument(
        "query", nargs="?", default="", help='words to find; "quote" a phrase (empty: list all)'
    )
    add_profile_arguments(parser)
    parser.add_argument(
        "--from",
        dest="date_from",
        type=CONVERTERS["date_from"],
        metavar="DATE",
        help="on or after this date (YYYY-MM-DD)",
    )
    parser.add_argument(
        "--to",
        dest="date_to",
        type=CONVERTERS["date_to"],
        metavar="DATE",
        help="on or before this date",
    )
    parser.add_argument("--template", help="template id, for example trauma_informed")
    parser.add_argument(
        "--setting", help="outreach, shelter, clinic, court, hotline, phone, other…"
    )
    parser.add_argument("--tag", help="only reflections with this tag")
    parser.add_argument("--min-intensity", type=CONVERTERS["min_intensity"], metavar="N")
    parser.add_argument("--max-intensity", type=CONVERTERS["max_intensity"], metavar="N")
    parser.add_argument(
        "--limit",
        type=CONVERTERS["limit"],
        default=50,
        help="at most this many results (default 50, 0 = all)",
    )
    parser.add_argument("--json", action="store_true", help="print JSON (a stable interface)")
    parser.set_defaults(handler=run)


def criteria_values(args: argparse.Namespace) -> dict[str, object]:
    """JournalFilter's fields from the options (JournalFilter() is all defaults)."""
    return {
        "query": args.query,
        "date_from": args.date_from,
        "date_to": args.date_to,
        "template_id": args.template,
        "setting": args.setting.lower() if args.setting else None,
        "tag": args.tag,
        "intensity_min": args.min_intensity,
        "intensity_max": args.max_intensity,
    }


def criteria_of(args: argparse.Namespace) -> JournalFilter:
    from reflect.domain.journal import JournalFilter

    return JournalFilter(**criteria_values(args))  # type: ignore[arg-type]


def _no_criteria(args: argparse.Namespace) -> bool:
    values = criteria_values(args)
    return values.pop("query") == "" and all(v is None for v in values.values())


def run(args: argparse.Namespace) -> int:
    if args.date_from and args.date_to and args.date_from > args.date_to:
        raise ValidationError("--from is after --to; nothing could match.")
    from reflect.commands.search_quick import search_quickly

    found, passphrase = search_quickly(args)
    if found is None:
        found = _search(args, passphrase)
    return _report(args, found)


def _search(args: argparse.Namespace, passphrase: str | None) -> Found:
    """Through a session, as every other command reads a profile."""
    from reflect.commands.common import open_session
    from reflect.services.search_index_check import search_index_warning

    criteria = criteria_of(args)
    session = open_session(args, passphrase=passphrase)
    try:
        journal = session.journal
        # A reader may not rebuild the index; it says when the index may hide reflections.
        index_problems, warning = search_index_warning(session.db.conn)
        results = journal.search(criteria, limit=args.limit or None)
        return found(
            args,
            results,
            lambda: journal.count_matching(criteria),
            journal.templates.name_of,
            index_problems,
            warning,
        )
    finally:
        session.close()


def found(
    args: argparse.Namespace,
    results: list[Any],
    count_matching: Callable[[], int],
    name_of: Callable[[str], str],
    index_problems: list[str],
    warning: Message | None,
) -> Found:
    """What both paths print: all matches are counted only when the page is full."""
    total = count_matching() if len(results) == args.limit else len(results)
    names = {r.template_id: name_of(r.template_id) for r in results}
    return Found(results, total, names, index_problems, warning)


def _report(args: argparse.Namespace, found: Found) -> int:
    results, total, names, index_problems, warning = found
    if warning is not None:
        print(f"reflect: {warning}", file=sys.stderr)
    if args.json:
        from reflect.commands.profile_arguments import print_json

        print_json(
            {
                "query": args.query,
                "count": len(results),
                "total": total,
                "results": [
                    {
                        "id": r.id,
                        "occurred_at": r.occurred_at.isoformat(timespec="minutes"),
                        "template_id": r.template_id,
                        "template": names[r.template_id],
                        "setting": r.setting,
                        "tags": list(r.tags),
                        "intensity": r.intensity,
                        "snippet": r.snippet,
                    }
                    for r in results
                ],
                "search_index_problems": index_problems,
            }
        )
        return 0
    if not results:
        print("No reflections yet." if _no_criteria(args) else "No reflections match.")
        return 0
    width = max(len(n) for n in names.values())
    for r in results:
        when = r.occurred_at.isoformat(" ", "minutes")
        print(f"{when}  {names[r.template_id]:<{width}}  {r.snippet}")
    if total > len(results):
        print(f"… {total - len(results)} more; use --limit 0 to see all.")
    return 0
