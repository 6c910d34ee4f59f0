"""Issue 14: every message raised below the interface is a template with values.

The interface translates a message by its English template (ui/error_text.py). A message
built as a finished f-string (or with ``.format``, ``%`` or ``str(exc)``) has no template
to translate, so it would reach a French reader in English. This test reads the code of
each layer and fails on any such message, and on any template without French.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
from pathlib import Path

import pytest

import reflect
from reflect.domain.errors import ReflectError
from reflect.ui import i18n

SRC = Path(reflect.__file__).parent
LAYERS = ("domain", "storage", "services")


def _error_names() -> set[str]:
    for module in pkgutil.walk_packages(reflect.__path__, "reflect."):
        if module.name.split(".")[1] in LAYERS:
            importlib.import_module(module.name)
    names, todo = set(), [ReflectError]
    while todo:
        cls = todo.pop()
        names.add(cls.__name__)
        todo.extend(cls.__subclasses__())
    return names | {"Message"}


ERRORS = _error_names()


def _name(func: ast.expr) -> str:
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")


def _built_text(node: ast.expr) -> bool:
    """True for a message finished in place: an f-string, ``+``/``%``, ``.format``, ``str(x)``."""
    if isinstance(node, ast.JoinedStr | ast.BinOp):
        return True
    return isinstance(node, ast.Call) and _name(node.func) in {"format", "str"}


def _messages(path: Path):
    """(line, first argument) of each call that makes an error or a Message in ``path``."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and _name(node.func) in ERRORS and node.args:
            # ContentError(source, field, problem): the problem is the sentence.
            index = 2 if _name(node.func) == "ContentError" and len(node.args) > 2 else 0
            yield node.lineno, node.args[index]


def _files(layer: str) -> list[Path]:
    # domain/message.py defines Message: wrapping any text is its job.
    return sorted(p for p in (SRC / layer).rglob("*.py") if p != SRC / "domain" / "message.py")


@pytest.mark.parametrize("layer", LAYERS)
def test_no_message_is_a_finished_sentence(layer):
    built = [
        f"{path.relative_to(SRC)}:{line}"
        for path in _files(layer)
        for line, arg in _messages(path)
        if _built_text(arg)
    ]
    assert not built, (
        "Raise with a template and values, not a finished sentence "
        "(ValidationError('{name} is empty.', name=...)):\n" + "\n".join(built)
    )


@pytest.mark.parametrize("layer", LAYERS)
def test_every_template_has_french(layer):
    french = i18n.load_catalogue("fr")
    missing = [
        f"{path.relative_to(SRC)}:{line}: {arg.value}"
        for path in _files(layer)
        for line, arg in _messages(path)
        if isinstance(arg, ast.Constant)
        and isinstance(arg.value, str)
        and arg.value
        and arg.value not in french
    ]
    assert not missing, "Templates without French:\n" + "\n".join(missing)
