"""``reflect team``: contribute to a team anonymously, and combine contributions.

``reflect team contribute --out FILE [--from YYYY-MM] [--to YYYY-MM] [--json]`` opens the
profile and writes a contribution file (plain JSON, 0600): month-level medians, questionnaire
bands and reflection-count buckets only. ``--json`` prints ``{"file", "from", "to",
"contribution"}``, the last being exactly the file's content.

``reflect team summary FILE... [--min-group N] [--json]`` needs no profile. It prints the team
figures with everything from fewer than N people (at least 5) hidden: ``{"contributors",
"min_group", "suppressed", "months": [{"month", "contributors", "categories", "reflections",
"questionnaires"}]}``. A malformed or foreign file: exit 2, the file named, nothing written.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from reflect.commands.common import add_profile_arguments, open_session, paths_from, print_json
from reflect.domain.errors import ReflectError


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "team",
        help="contribute anonymously to a team, or combine team contributions",
        description="Anonymous team wellbeing from voluntary contribution files.",
    )
    commands = parser.add_subparsers(dest="team_command", metavar="ACTION", required=True)

    contribute = commands.add_parser(
        "contribute",
        help="write this profile's anonymous, month-level contribution file",
        description="Write a contribution file: coarse month-level figures only, no text.",
    )
    contribute.add_argument("--out", required=True, metavar="FILE", help="file to write")
    contribute.add_argument("--from", dest="first", metavar="YYYY-MM", help="first month")
    contribute.add_argument("--to", dest="last", metavar="YYYY-MM", help="last month")
    add_profile_arguments(contribute)
    contribute.add_argument("--json", action="store_true", help="print JSON (a stable interface)")
    contribute.set_defaults(handler=run_contribute)

    summary = commands.add_parser(
        "summary",
        help="combine contribution files into team figures (no profile needed)",
        description="Combine contribution files; figures from fewer than N people are hidden.",
    )
    summary.add_argument("files", nargs="+", metavar="FILE", help="contribution files")
    summary.add_argument(
        "--min-group", type=int, default=5, metavar="N", help="smallest group shown (5 or more)"
    )
    summary.add_argument("--data-dir", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    summary.add_argument("--json", action="store_true", help="print JSON (a stable interface)")
    summary.set_defaults(handler=run_summary)


def run_contribute(args: argparse.Namespace) -> int:
    from reflect.services.team_contribute import build_contribution, write_contribution

    out = Path(args.out).expanduser()
    if out.is_dir():
        raise ReflectError(f"{out} is a folder; give a file name.")
    from reflect.services.output_target import check_output_target

    # Like every export: never into a profile folder (it could replace vault.json).
    check_output_target(out, paths_from(args), overwrite=True)
    session = open_session(args)
    try:
        contribution = build_contribution(session, args.first, args.last)
    finally:
        session.close()
    try:
        write_contribution(contribution, out)
    except OSError as exc:
        raise ReflectError(f"Cannot write {out}: {exc.strerror or exc}") from None
    first, last = contribution.months[0].month, contribution.months[-1].month
    if args.json:
        print_json(
            {"file": str(out), "from": first, "to": last, "contribution": contribution.to_json()}
        )
        return 0
    print(f"Wrote {out} ({first} to {last}).")
    for line in describe(contribution.to_json()):
        print(f"  {line}")
    print("It holds no text, no day-level dates and no names. Open it to read it before sending.")
    # The minimum group guards the Team screen and report, never a single file in hand.
    print(
        "Whoever receives it can read these figures: to stay anonymous, send it so that "
        "no one can tell it is yours."
    )
    return 0


def describe(content: dict[str, Any]) -> list[str]:
    lines = []
    for month in content["months"]:
        scores = ", ".join(f"{k} {v:g}" for k, v in month["checkins"].items()) or "no check-ins"
        bands = ", ".join(
            f"{q['instrument']} {q['subscale']}: {q['band']}" for q in month["questionnaires"]
        )
        lines.append(
            f"{month['month']}: {scores}; reflections {month['reflections']}"
            + (f"; {bands}" if bands else "")
        )
    return lines


def run_summary(args: argparse.Namespace) -> int:
    from reflect.domain.team_summary import MIN_GROUP, summarise
    from reflect.services.instruments import InstrumentService
    from reflect.services.team import band_catalogue, read_contribution_files

    if args.min_group < MIN_GROUP:
        raise ReflectError(f"--min-group is {MIN_GROUP} or more; it can be raised, never lowered.")
    contributions = read_contribution_files(Path(f).expanduser() for f in args.files)
    definitions = InstrumentService(paths_from(args)).definitions()
    summary = summarise(contributions, args.min_group, band_catalogue(definitions))
    if args.json:
        print_json(summary.to_json())
        return 0
    hidden = f"fewer than {summary.min_group} people: hidden"
    print(f"{summary.contributors} contributor(s); minimum group {summary.min_group}.")
    if summary.suppressed:
        print(f"Nothing can be shown: {hidden}.")
        return 0
    for month in summary.months:
        if not month.shown:
            print(f"{month.month}: {hidden}")
            continue
        print(f"{month.month}: {month.contributors} contributors")
        for key, spread in month.categories.items():
            shown = (
                f"median {spread.median:g} (middle half {spread.q1:g} to {spread.q3:g})"
                if spread is not None
                else hidden
            )
            print(f"  {key}: {shown}")
        buckets = ", ".join(
            f"{bucket}: {count if count is not None else 'hidden'}"
            for bucket, count in month.reflections.items()
        )
        print(f"  reflections per person: {buckets}")
        for q in month.questionnaires:
            cells = ", ".join(
                f"{band} {count if count is not None else 'hidden'}"
                for band, count in q.bands.items()
            )
            print(f"  {q.instrument} {q.subscale}: {cells}")
    return 0
