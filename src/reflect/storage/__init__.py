"""Storage: the encrypted database and everything that reads or writes it.

sqlite-utils imports numpy and pandas at module level when they are installed, only to
map their number types to SQLite columns. Reflect never hands it numpy or pandas values,
and numpy alone costs about 150 ms of start-up (matplotlib installs it), so every command
that opens a profile would pay for it. Importing sqlite-utils here, first, with both
modules hidden, keeps them out; the markers are removed at once so the charts can still
import numpy later.

Importing this package does not load sqlite-utils itself (about 100 ms): the lock screen
imports storage helpers such as the file lock and must not pay for it. A one-shot import
hook applies the hiding when something first imports sqlite-utils.

sqlite-utils also imports dateutil's parser (about 20 ms) for recipes that parse dates in
its own command line; Reflect never calls them. The parser is registered as a lazy module
(the standard library's ``LazyLoader``): it loads, unchanged, the first time anything uses it.
"""

from __future__ import annotations

import importlib.machinery
import sys
from types import ModuleType


def _load_when_used(name: str) -> None:
    if name in sys.modules:
        return
    import importlib.util

    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        return  # not installed: sqlite-utils' own import will say so
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    parent, _, child = name.rpartition(".")
    setattr(sys.modules[parent], child, module)


def _hidden_while(execute, module: ModuleType) -> None:
    _load_when_used("dateutil.parser")
    hidden = [name for name in ("numpy", "pandas") if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # makes `import name` fail
    try:
        execute(module)
    finally:
        for name in hidden:
            if sys.modules.get(name) is None:
                del sys.modules[name]


class _SqliteUtilsWithoutNumpy:  # a meta path finder (importlib.abc costs 4 ms to import)
    """Finds sqlite_utils as usual, then runs its import with numpy and pandas hidden."""

    def find_spec(self, fullname, path, target=None):
        if fullname != "sqlite_utils":
            return None
        # One use; never asked again. A new list rather than remove(): another thread may
        # be walking the old one in its own import (the schema loads beside the key
        # derivation, storage/schema_preload.py), and removing in place would skip a finder.
        sys.meta_path = [finder for finder in sys.meta_path if finder is not self]
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is None or spec.loader is None:
            return spec
        execute = spec.loader.exec_module

        def exec_module(module: ModuleType) -> None:
            _hidden_while(execute, module)

        spec.loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


if "sqlite_utils" not in sys.modules and not any(
    isinstance(finder, _SqliteUtilsWithoutNumpy) for finder in sys.meta_path
):
    sys.meta_path.insert(0, _SqliteUtilsWithoutNumpy())
