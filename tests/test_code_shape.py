"""Keep the code in pieces a person can read: no function over 60 lines, no file over 400.

Schema migrations are exempt from the function limit (each step is a long literal
that is clearer in one place).
"""

from __future__ import annotations

import ast
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[1] / "src" / "reflect"
MAX_FUNCTION_LINES = 60
MAX_FILE_LINES = 400
FUNCTION_EXEMPT = {"storage/migrations.py", "storage/schema_supervision.py"}


def _relative(path: Path) -> str:
    return path.relative_to(SOURCE).as_posix()


def _offenders(path: Path) -> list[str]:
    return _offenders_in(path.read_text(encoding="utf-8"), _relative(path))


def _offenders_in(text: str, relative: str) -> list[str]:
    """Each function over MAX_FUNCTION_LINES (decorators included) and the file itself when
    it is over MAX_FILE_LINES, as 'path:line name: N lines'."""
    found = []
    file_lines = len(text.splitlines())
    if file_lines > MAX_FILE_LINES:
        found.append(f"{relative}: {file_lines} lines (file)")
    if relative in FUNCTION_EXEMPT:
        return found
    for node in ast.walk(ast.parse(text, filename=relative)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            first = min([node.lineno] + [d.lineno for d in node.decorator_list])
            length = (node.end_lineno or node.lineno) - first + 1
            if length > MAX_FUNCTION_LINES:
                found.append(f"{relative}:{node.lineno} {node.name}: {length} lines")
    return found


def _collect() -> list[str]:
    offenders = []
    for path in sorted(SOURCE.rglob("*.py")):
        offenders.extend(_offenders(path))
    return offenders


def _function(name: str, body_lines: int, indent: str = "") -> str:
    body = "".join(f"{indent}    x{i} = {i}\n" for i in range(body_lines))
    return f"{indent}def {name}():\n{body}"


def test_the_checker_finds_long_functions_methods_and_files() -> None:
    fits = _function("fits", MAX_FUNCTION_LINES - 1)  # exactly MAX_FUNCTION_LINES lines
    too_long = _function("too_long", MAX_FUNCTION_LINES)
    method = "class Box:\n" + _function("build", MAX_FUNCTION_LINES, indent="    ")
    found = _offenders_in(fits + too_long + method, "probe.py")
    assert found == [
        f"probe.py:{MAX_FUNCTION_LINES + 1} too_long: {MAX_FUNCTION_LINES + 1} lines",
        f"probe.py:{2 * MAX_FUNCTION_LINES + 3} build: {MAX_FUNCTION_LINES + 1} lines",
    ]
    long_file = "x = 1\n" * (MAX_FILE_LINES + 1)
    assert _offenders_in(long_file, "big.py") == [f"big.py: {MAX_FILE_LINES + 1} lines (file)"]
    assert _offenders_in(too_long, "storage/migrations.py") == []  # exempt from the function rule
    assert _offenders_in(fits, "probe.py") == []


def test_functions_and_files_are_short() -> None:
    offenders = _collect()
    assert not offenders, "Too long:\n" + "\n".join(offenders)
