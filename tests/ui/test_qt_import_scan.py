"""PySide6's import hook must not keep the source of every imported module in memory."""

from __future__ import annotations

import linecache
import sys
from pathlib import Path
from types import ModuleType

import pytest

from reflect.ui import qt_import_scan


@pytest.fixture
def module_dir(tmp_path: Path):
    sys.path.insert(0, str(tmp_path))
    yield tmp_path
    sys.path.remove(str(tmp_path))
    for name in [n for n in sys.modules if n.startswith("reflect_scan_probe")]:
        del sys.modules[name]


def _feature() -> ModuleType:
    feature = qt_import_scan._feature_module()
    assert feature is not None, "the pinned PySide6 has the import hook this module tames"
    return feature


def test_an_imported_module_leaves_nothing_in_linecache(module_dir: Path) -> None:
    assert qt_import_scan.install()
    uses = module_dir / "reflect_scan_probe_qt.py"
    uses.write_text("# uses PySide6\nfrom PySide6.QtCore import QObject\n", encoding="utf-8")
    plain = module_dir / "reflect_scan_probe_plain.py"
    plain.write_text("VALUE = 1\n", encoding="utf-8")

    # An import statement, as the app's modules do: PySide6 hooks builtins.__import__.
    __import__("reflect_scan_probe_qt")
    __import__("reflect_scan_probe_plain")

    assert str(uses) not in linecache.cache
    assert str(plain) not in linecache.cache
    # The hook still gets PySide6's own answer: a Qt module may switch features, others not.
    assert _feature().pyside_feature_dict["reflect_scan_probe_qt"] == 0
    assert _feature().pyside_feature_dict["reflect_scan_probe_plain"] == -1


def test_install_twice_keeps_one_wrapper() -> None:
    assert qt_import_scan.install()
    first = _feature()._mod_uses_pyside
    assert qt_import_scan.install()
    assert _feature()._mod_uses_pyside is first


def test_modules_without_a_source_file_get_the_original_answer() -> None:
    asked: list[ModuleType] = []

    def original(module: ModuleType) -> bool:
        asked.append(module)
        return True

    scan = qt_import_scan._raw_scan(original)
    builtin = ModuleType("no_file")
    archived = ModuleType("archived")
    archived.__file__ = "/bundle/base_library.zip/archived.pyc"
    missing = ModuleType("missing")
    missing.__file__ = "/nowhere/missing.py"

    assert scan(builtin) and scan(archived) and scan(missing)
    assert asked == [builtin, archived, missing]
