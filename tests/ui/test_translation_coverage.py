"""Every piece of interface text goes through ``tr()`` and has a French entry.

A static sweep of the widget code: a string literal (or f-string) handed straight to a Qt
text setter is text a French speaker would see in English, and a ``tr("...")`` whose key is
missing from the French catalogues falls back to English. Both fail here with the file and
line, so a new screen cannot quietly ship half-translated.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from reflect.ui import i18n

UI_ROOT = Path(i18n.__file__).resolve().parent

# Qt calls whose string arguments a person reads (or hears, through a screen reader).
TEXT_SINKS = {
    "setText",
    "setWindowTitle",
    "setPlaceholderText",
    "setToolTip",
    "setStatusTip",
    "setWhatsThis",
    "setAccessibleName",
    "setAccessibleDescription",
    "setTitle",
    "setTabText",
    "addTab",
    "addItem",
    "addItems",
    "insertItem",
    "setItemText",
    "addRow",
    "setSuffix",
    "setPrefix",
    "setSpecialValueText",
    "showMessage",
    "setHorizontalHeaderLabels",
    "setVerticalHeaderLabels",
    "setHeaderLabels",
    "setLabelText",
    "setInformativeText",
    "setDetailedText",
    "addAction",
    "addButton",
    "addMenu",
    "information",
    "warning",
    "question",
    "critical",
    "QLabel",
    "QPushButton",
    "QCheckBox",
    "QRadioButton",
    "QGroupBox",
    "QAction",
    "QToolButton",
    "QListWidgetItem",
    "QTableWidgetItem",
}


# Literals that are not language: symbols, shortcuts and the like.
def _is_language(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 2:
        return False
    return not text.strip().startswith(("Ctrl+", "Alt+", "Shift+", "F1", "Esc"))


def _ui_files() -> list[Path]:
    return sorted(p for p in UI_ROOT.rglob("*.py") if p.name != "i18n.py")


def _call_name(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return ""


def _bare_texts(node: ast.AST) -> Iterator[ast.AST]:
    """Literal text in an argument that does not pass through tr()."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        if _is_language(node.value):
            yield node
    elif isinstance(node, ast.JoinedStr):
        literal = "".join(
            v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)
        )
        if _is_language(literal):
            yield node
    elif isinstance(node, (ast.List, ast.Tuple)):
        for element in node.elts:
            yield from _bare_texts(element)
    elif isinstance(node, ast.BinOp):
        yield from _bare_texts(node.left)
        yield from _bare_texts(node.right)
    elif isinstance(node, ast.IfExp):
        yield from _bare_texts(node.body)
        yield from _bare_texts(node.orelse)


def untranslated_literals() -> list[str]:
    found = []
    for path in _ui_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or _call_name(node) not in TEXT_SINKS:
                continue
            for arg in [*node.args, *(k.value for k in node.keywords)]:
                for bare in _bare_texts(arg):
                    rel = path.relative_to(UI_ROOT.parent)
                    found.append(f"{rel}:{bare.lineno}: {ast.unparse(bare)[:70]}")
    return found


def translated_keys() -> Iterator[tuple[str, str]]:
    """(where, English key) for every tr("...") / tr_list([...]) in the widget code."""
    for path in _ui_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = _call_name(node)
            first = node.args[0]
            where = f"{path.relative_to(UI_ROOT.parent)}:{node.lineno}"
            if name == "tr" and isinstance(first, ast.Constant) and isinstance(first.value, str):
                yield where, first.value
            elif name == "tr_list" and isinstance(first, (ast.List, ast.Tuple)):
                for element in first.elts:
                    if isinstance(element, ast.Constant) and isinstance(element.value, str):
                        yield where, element.value


def test_no_interface_text_bypasses_tr():
    found = untranslated_literals()
    assert found == [], f"{len(found)} texts skip tr():\n" + "\n".join(found)


def test_every_tr_key_has_french():
    french = i18n.load_catalogue("fr")
    missing = sorted({f"{where}: {key!r}" for where, key in translated_keys() if key not in french})
    assert missing == [], f"{len(missing)} keys lack French:\n" + "\n".join(missing)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("label.setText('Save this reflection')", 1),
        ("QPushButton(f'Open {name}', self)", 1),
        ("box.addItems(['Last week', 'Last month'])", 2),
        ("label.setText(tr('Save this reflection'))", 0),
        ("QShortcut(QKeySequence('Ctrl+L'), self); label.setText('—')", 0),
    ],
)
def test_the_sweep_catches_bare_text(tmp_path, monkeypatch, source, expected):
    """The sweep itself must fail on bare text, or the checks above prove nothing."""
    (tmp_path / "ui").mkdir()
    (tmp_path / "ui" / "screen.py").write_text(source + "\n", encoding="utf-8")
    monkeypatch.setattr("tests.ui.test_translation_coverage.UI_ROOT", tmp_path / "ui", raising=True)
    assert len(untranslated_literals()) == expected
