"""docs/cli.md and the commands' --help agree: every command and option is documented in the
section of its command, and no section documents an option its commands do not have."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from reflect.cli import build_parser

DOCS = Path(__file__).resolve().parents[2] / "docs" / "cli.md"
# Described once, in the introduction, for every command that opens a profile.
COMMON = {"-h", "--help", "--data-dir", "--profile", "--passphrase-file", "--json"}
TOP_LEVEL = {"--version", "--demo"}


def _commands(parser: argparse.ArgumentParser, prefix: str = "") -> dict[str, set[str]]:
    """'team contribute' -> its option strings, for every (nested) subcommand."""
    found: dict[str, set[str]] = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                full = f"{prefix}{name}"
                found[full] = {o for a in sub._actions for o in a.option_strings}
                found.update(_commands(sub, full + " "))
    return found


def _sections() -> dict[str, str]:
    """Heading text -> the section's body, for every '## ' or '### ' heading."""
    text = DOCS.read_text(encoding="utf-8")
    parts = re.split(r"(?m)^(#{2,3} .*)$", text)
    return {parts[i]: parts[i + 1] for i in range(1, len(parts) - 1, 2)}


def _owners(command: str, sections: dict[str, str]) -> list[str]:
    return [h for h in sections if f"`reflect {command}" in h]


def test_every_command_has_a_section_that_names_each_of_its_options():
    sections = _sections()
    problems = []
    for command, options in _commands(build_parser()).items():
        owners = _owners(command, sections) or _owners(command.split()[0], sections)
        if not owners:
            problems.append(f"{command}: no section in docs/cli.md")
            continue
        body = "".join(sections[h] for h in owners)
        problems += [f"{command}: {o} is not described" for o in options - COMMON if o not in body]
    assert not problems, "\n".join(problems)


def test_no_section_describes_an_option_its_commands_do_not_have():
    commands = _commands(build_parser())
    problems = []
    for heading, body in _sections().items():
        named = [c for c in commands if f"`reflect {c}`" in heading or f"`reflect {c} " in heading]
        if not named:
            continue
        known = set().union(
            *(commands[c] for c in named),
            *(opts for c, opts in commands.items() if any(c.startswith(n + " ") for n in named)),
        )
        body = body.replace("jrnl --format", "jrnl")  # jrnl's own option, not ours
        for option in set(re.findall(r"(?<![\w-])--[a-z][a-z0-9-]+", body)):
            if option not in known | COMMON | TOP_LEVEL:
                problems.append(f"{heading.strip()}: {option} is not an option of {named}")
    assert not problems, "\n".join(problems)
