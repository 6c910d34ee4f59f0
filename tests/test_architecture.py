"""The layering rule, checked by walking imports so it cannot drift."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "reflect"
QT_FREE = ("domain", "storage", "services", "charts")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_core_packages_never_import_qt():
    offenders = []
    for package in QT_FREE:
        for path in (SRC / package).rglob("*.py"):
            for name in _imports(path):
                if name.split(".")[0] in {"PySide6", "shiboken6", "PyQt6", "PyQt5"}:
                    offenders.append(f"{path.relative_to(SRC)} imports {name}")
    assert not offenders, offenders


def test_domain_uses_standard_library_only():
    import sys

    offenders = []
    for path in (SRC / "domain").rglob("*.py"):
        for name in _imports(path):
            top = name.split(".")[0]
            if top not in sys.stdlib_module_names and top not in {"reflect", "__future__"}:
                offenders.append(f"{path.name}: {name}")
            if top == "reflect" and not name.startswith("reflect.domain"):
                offenders.append(f"{path.name}: {name}")
    assert not offenders, offenders


def test_charts_never_use_pyplot_or_qt_backends():
    for path in (SRC / "charts").rglob("*.py"):
        for name in _imports(path):
            assert "pyplot" not in name and "backend_qt" not in name, f"{path.name}: {name}"


def test_only_chart_canvas_uses_figure_canvas_qtagg():
    users = [
        p.relative_to(SRC).as_posix()
        for p in SRC.rglob("*.py")
        if "backend_qtagg" in p.read_text(encoding="utf-8")
    ]
    assert set(users) <= {"ui/widgets/chart_canvas.py"}, users


def test_first_window_path_avoids_heavy_imports():
    """Showing the lock screen must not import matplotlib or sqlite-utils (start-up time)."""
    import subprocess
    import sys

    code = (
        "import os, sys; os.environ['QT_QPA_PLATFORM']='offscreen';"
        "from PySide6.QtWidgets import QApplication; app=QApplication([]);"
        "import tempfile; from reflect.paths import AppPaths;"
        "from reflect.ui.app_window import AppWindow;"
        "w=AppWindow(AppPaths(__import__('pathlib').Path(tempfile.mkdtemp()))); w.show();"
        "print(sorted(m for m in ('matplotlib','sqlite_utils','numpy') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "[]"
