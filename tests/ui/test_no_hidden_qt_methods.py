"""No attribute of a Qt class in ui/ hides a Qt method or property (``self.scroll`` on a
QWidget replaced ``QWidget.scroll``: calling it later fails far from the cause)."""

from __future__ import annotations

import ast
import importlib
import inspect
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "src" / "reflect" / "ui"


def _assigned(cls: ast.ClassDef) -> set[str]:
    """Every ``self.<name> = ...`` (or augmented/annotated) in the class's methods."""
    return {
        node.attr
        for node in ast.walk(cls)
        if isinstance(node, ast.Attribute)
        and isinstance(node.ctx, ast.Store)
        and isinstance(node.value, ast.Name)
        and node.value.id == "self"
    }


def _hidden(module_name: str, source: str) -> list[str]:
    module = importlib.import_module(module_name)
    found = []
    for cls in (n for n in ast.parse(source).body if isinstance(n, ast.ClassDef)):
        obj = getattr(module, cls.name, None)
        if not inspect.isclass(obj):
            continue
        qt_bases = [b for b in obj.__mro__ if b.__module__.startswith(("PySide6", "Shiboken"))]
        for name in sorted(_assigned(cls)):
            if any(name in vars(base) for base in qt_bases):
                found.append(f"{module_name}.{cls.name}.{name}")
    return found


def test_the_check_finds_a_hidden_method(tmp_path, monkeypatch) -> None:
    probe = tmp_path / "hidden_probe.py"
    probe.write_text(
        "from PySide6.QtWidgets import QWidget\n"
        "class Probe(QWidget):\n"
        "    def __init__(self):\n"
        "        super().__init__()\n"
        "        self.scroll = None\n"
        "        self.fine = None\n",
        encoding="utf-8",
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    assert _hidden("hidden_probe", probe.read_text(encoding="utf-8")) == [
        "hidden_probe.Probe.scroll"
    ]


def test_no_ui_attribute_hides_a_qt_method(qapp) -> None:
    found = []
    for path in sorted(p for p in UI.rglob("*.py") if p.name != "__init__.py"):
        parts = path.relative_to(UI.parents[1]).with_suffix("").parts
        found += _hidden(".".join(parts), path.read_text(encoding="utf-8"))
    assert not found, "Rename these (they hide a Qt method or property):\n" + "\n".join(found)
