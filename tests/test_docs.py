"""The documentation points only at files that exist, and the README stays short.

A newcomer follows the README's links and the paths the docs name (``src/reflect/...``,
``tests/...``); one that leads nowhere costs them trust and time. Two kinds of reference are
checked in README.md, CONTRIBUTING.md, docs/*.md and benchmarks/RESULTS.md:

- Markdown links to a relative target (``[Architecture](docs/architecture.md)``), resolved
  from the file that holds the link, and their ``#heading`` part when the target is a
  Markdown file (GitHub's heading anchors);
- repository paths written in code (inline or fenced): words starting with ``src/``,
  ``assets/``, ``benchmarks/``, ``tests/``, ``docs/`` or ``.ci/``, resolved from the
  repository root, and module paths such as ``ui/workers.py``, resolved from ``src/reflect``.

Words with a placeholder (``<area>``, ``*``, ``{a,b}``, ``...``) name a pattern, not a file,
and are left alone.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "reflect"
README_MAX_LINES = 150

REPO_PREFIXES = ("src/", "assets/", "benchmarks/", "tests/", "docs/", ".ci/")
PACKAGE_PREFIXES = ("domain/", "storage/", "services/", "charts/", "ui/", "commands/")
PLACEHOLDER_MARKS = ("<", ">", "*", "{", "}", "...", "…", "$", "[")

LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
FENCE = re.compile(r"^(```|~~~)")
INLINE_CODE = re.compile(r"(`+)(.+?)\1")
MISSING = ROOT / "no such file"


def documentation_files() -> list[Path]:
    files = [ROOT / "README.md", ROOT / "CONTRIBUTING.md", ROOT / "benchmarks" / "RESULTS.md"]
    files += sorted((ROOT / "docs").glob("*.md"))
    return [path for path in files if path.is_file()]


def code_spans(text: str) -> list[str]:
    """Inline code and the lines of fenced blocks: where paths are written."""
    spans: list[str] = []
    in_fence = False
    for line in text.splitlines():
        if FENCE.match(line.strip()):
            in_fence = not in_fence
            continue
        if in_fence:
            spans.append(line)
        else:
            spans.extend(match.group(2) for match in INLINE_CODE.finditer(line))
    return spans


def _clean(word: str) -> str:
    word = word.strip("\"'(),;:.!?")
    word = word.split("::", 1)[0]  # tests/x.py::test_name
    return re.sub(r":\d+(-\d+)?$", "", word)  # src/reflect/app.py:42


def path_references(text: str) -> list[tuple[str, Path]]:
    """(as written, where it must exist) for every repository path named in code."""
    found: list[tuple[str, Path]] = []
    for span in code_spans(text):
        for raw in span.split():
            word = _clean(raw.split("=", 1)[-1])  # --out=tests/x
            if not word or any(mark in word for mark in PLACEHOLDER_MARKS):
                continue
            if word.startswith(REPO_PREFIXES):
                found.append((word, ROOT / word))
            elif word.startswith(PACKAGE_PREFIXES) and word.endswith(".py"):
                found.append((word, PACKAGE / word))
    return found


def heading_anchors(text: str) -> set[str]:
    """The anchors GitHub gives the headings of a Markdown text."""
    anchors: set[str] = set()
    in_fence = False
    for line in text.splitlines():
        if FENCE.match(line.strip()):
            in_fence = not in_fence
        heading = re.match(r"^#{1,6}\s+(.*?)\s*#*\s*$", line)
        if in_fence or not heading:
            continue
        slug = re.sub(r"[^\w\- ]", "", heading.group(1).lower()).replace(" ", "-")
        anchor, n = slug, 0
        while anchor in anchors:
            n += 1
            anchor = f"{slug}-{n}"
        anchors.add(anchor)
    return anchors


def link_references(text: str, base: Path) -> list[tuple[str, Path]]:
    found: list[tuple[str, Path]] = []
    for match in LINK.finditer(text):
        target = match.group(1)
        if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.IGNORECASE):
            continue  # a web address or mailto:
        path_part, _, anchor = target.partition("#")
        page = base / path_part if path_part else None
        if page is not None:
            found.append((path_part, page))
        if anchor and (page is None or (page.suffix == ".md" and page.is_file())):
            headings = heading_anchors(text if page is None else page.read_text("utf-8"))
            if anchor not in headings:
                found.append((target, MISSING))  # the page is there, the heading is not
    return found


def missing_references(text: str, folder: Path) -> list[str]:
    """What ``text`` (a Markdown file in ``folder``) names that is not in the repository."""
    problems = []
    for written, target in link_references(text, folder) + path_references(text):
        resolved = target.resolve()
        inside = resolved == ROOT or ROOT in resolved.parents
        if not inside or not resolved.exists():
            problems.append(written)
    return problems


@pytest.mark.parametrize("doc", documentation_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_documentation_names_only_files_that_exist(doc: Path) -> None:
    assert missing_references(doc.read_text(encoding="utf-8"), doc.parent) == []


def test_the_docs_a_newcomer_needs_are_there() -> None:
    names = {path.relative_to(ROOT).as_posix() for path in documentation_files()}
    for needed in ("README.md", "CONTRIBUTING.md", "docs/architecture.md", "docs/cli.md"):
        assert needed in names


def test_readme_stays_short() -> None:
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    assert len(lines) <= README_MAX_LINES, f"README.md has {len(lines)} lines"


def test_the_check_finds_a_dead_link_and_a_dead_path() -> None:
    # The checker itself must be able to fail, or the tests above prove nothing.
    text = (
        "See [gone](gone.md), [here](architecture.md#layers-and-the-dependency-rule), "
        "[up](../../etc/passwd), [lost](architecture.md#no-such-part), [same](#probe) and "
        "[web](https://example.org).\n"
        "Read `src/reflect/no_such_module.py`, `ui/workers.py`, `assets/translations/fr-<x>.json`"
        " and `tests/test_docs.py::test_readme_stays_short`.\n"
        "```sh\npytest tests/nowhere/test_nothing.py -q\n```\n"
    )
    assert missing_references(text, ROOT / "docs") == [
        "gone.md",
        "../../etc/passwd",
        "architecture.md#no-such-part",
        "#probe",
        "src/reflect/no_such_module.py",
        "tests/nowhere/test_nothing.py",
    ]
