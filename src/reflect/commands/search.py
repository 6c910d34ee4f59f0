"""``reflect search QUERY``: find reflections from the command line.

Prints one line per match (date, template, snippet), or with ``--json`` a stable document:
``{"query", "count", "total", "results": [{"id", "occurred_at", "template_id", "template",
"setting", "tags", "intensity", "snippet"}], "search_index_problems"}``. Fields may be
added, never renamed. ``search_index_problems`` (empty when all is well) lists what a quick
comparison of the search index with the reflections found; a line on standard error then
says results may be missing and how to rebuild the index.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date

from reflect.commands.common import add_profile_arguments, open_session, print_json
from reflect.domain.errors import ValidationError
from reflect.domain.journal import JournalFilter


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2024-03-31") from exc


def _intensity(text: str) -> int:
    if not text.isdigit() or not 0 <= int(text) <= 10:
        raise argparse.ArgumentTypeError("intensity is a whole number from 0 to 10")
    return int(text)


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
        type=_day,
        metavar="DATE",
        help="on or after this date (YYYY-MM-DD)",
    )
    parser.add_argument(
        "--to", dest="date_to", type=_day, metavar="DATE", help="on or before this date"
    )
    parser.add_argument("--template", help="template id, for example trauma_informed")
    parser.add_argument(
        "--setting", help="outreach, shelter, clinic, court, hotline, phone, other…"
    )
    parser.add_argument("--tag", help="only reflections with this tag")
    parser.add_argument("--min-intensity", type=_intensity, metavar="N")
    parser.add_argument("--max-intensity", type=_intensity, metavar="N")
    parser.add_argument(
        "--limit", type=int, default=50, help="at most this many results (default 50, 0 = all)"
    )
    parser.add_argument("--json", action="store_true", help="print JSON (a stable interface)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.date_from and args.date_to and args.date_from > args.date_to:
        raise ValidationError("--from is after --to; nothing could match.")
    criteria = JournalFilter(
        query=args.query,
        date_from=args.date_from,
        date_to=args.date_to,
        template_id=args.template,
        setting=args.setting.lower() if args.setting else None,
        tag=args.tag,
        intensity_min=args.min_intensity,
        intensity_max=args.max_intensity,
    )
    from reflect.services.search_index_check import search_index_warning

    session = open_session(args)
    try:
        journal = session.journal
        # A reader may not rebuild the index; it says when the index may hide reflections.
        index_problems, warning = search_index_warning(session)
        results = journal.search(criteria, limit=args.limit or None)
        total = journal.count_matching(criteria) if len(results) == args.limit else len(results)
        names = {r.template_id: journal.templates.name_of(r.template_id) for r in results}
    finally:
        session.close()
    if warning is not None:
        print(f"reflect: {warning}", file=sys.stderr)
    if args.json:
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
        print("No reflections match." if not criteria.is_empty else "No reflections yet.")
        return 0
    width = max(len(n) for n in names.values())
    for r in results:
        when = r.occurred_at.isoformat(" ", "minutes")
        print(f"{when}  {names[r.template_id]:<{width}}  {r.snippet}")
    if total > len(results):
        print(f"… {total - len(results)} more; use --limit 0 to see all.")
    return 0
