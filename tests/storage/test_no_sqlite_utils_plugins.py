"""No sqlite-utils plugin ever runs on a profile's connection.

``sqlite_utils.Database(conn)`` loads every installed sqlite-utils plugin (setuptools entry
points) and hands it the connection, which for Reflect is an unlocked SQLCipher database;
scanning the entry points also costs start-up time. Every wrapper Reflect makes says no.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "reflect"


def _database_calls(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name == "Database":
                yield node


def test_every_sqlite_utils_database_turns_plugins_off():
    found, without = 0, []
    for path in SRC.rglob("*.py"):
        for call in _database_calls(ast.parse(path.read_text(encoding="utf-8"))):
            found += 1
            off = any(
                k.arg == "execute_plugins"
                and isinstance(k.value, ast.Constant)
                and k.value.value is False
                for k in call.keywords
            )
            if not off:
                without.append(f"{path.relative_to(SRC)}:{call.lineno}")
    assert found >= 3  # the scan sees the calls (database.py, restore.py, archive.py...)
    assert without == []
