"""`reflect score INSTRUMENT --answers "1,2,3,..."`: score a paper form, print JSON.

Works without a profile. With --save, the result is also stored in the chosen profile.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from reflect.commands.common import add_profile_arguments, open_session, paths_from, print_json
from reflect.domain.errors import ValidationError, cut
from reflect.domain.instrument_scoring import parse_answers, score
from reflect.domain.instruments import load_definition
from reflect.domain.score_support import support_for, support_json
from reflect.services.early_warning import shipped_notice_wording
from reflect.services.instruments import InstrumentService


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "score",
        help="score an instrument's answer numbers (no profile needed) and print JSON",
        description=(
            "Score the answers from an official paper form, for example the ProQOL 5. "
            "Prints each subscale's score and published band as JSON. "
            "A reflection aid, not a diagnosis."
        ),
    )
    parser.add_argument(
        "instrument", help="instrument id, as listed by 'reflect instruments' (e.g. proqol5)"
    )
    parser.add_argument(
        "--answers",
        required=True,
        help="answer numbers in item order, separated by commas or spaces ('3,4,2,...'); "
        "on 0-9 scales also run together ('342...')",
    )
    parser.add_argument(
        "--definition",
        metavar="FILE",
        help="score with this definition file instead (JSON or TOML)",
    )
    parser.add_argument("--save", action="store_true", help="also save the result in your profile")
    add_profile_arguments(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.definition:
        definition = load_definition(Path(args.definition))
        if definition.id != args.instrument.strip().lower():
            raise ValidationError(
                f"The definition file describes '{cut(definition.id, 60)}', "
                f"not '{cut(args.instrument, 60)}'."
            )
    else:
        definition = InstrumentService(paths_from(args)).get(args.instrument)
    answers = parse_answers(args.answers, definition)
    result = score(definition, answers)
    output = result.as_dict()
    # Scores always come with support: added only for results that need it (a notice band,
    # or a WHO-5 answer of 0 or 1), so existing fields and their meaning never change.
    support = support_json(support_for(result), shipped_notice_wording())
    if support is not None:
        output["support"] = support
    if args.save:
        if args.definition:
            raise ValidationError(
                "--save uses the definitions Reflect knows; import the file first."
            )
        session = open_session(args, write=True)
        try:
            saved = session.instruments.record(definition.id, answers)
            output["saved_id"] = saved.id
        finally:
            session.close()
    print_json(output)
    return 0
