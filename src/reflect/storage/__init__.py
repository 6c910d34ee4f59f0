"""Storage: the encrypted database and everything that reads or writes it.

sqlite-utils imports numpy and pandas at module level when they are installed, only to
map their number types to SQLite columns. Reflect never hands it numpy or pandas values,
and numpy alone costs about 150 ms of start-up (matplotlib installs it), so every command
that opens a profile would pay for it. Importing sqlite-utils with both modules hidden
from the thread that imports it (from that thread only) keeps them out; the charts can
still import numpy later, or on another thread meanwhile.

Importing this package does not load sqlite-utils itself (about 100 ms): the lock screen
imports storage helpers such as the file lock and must not pay for it. A one-shot import
hook applies the hiding when something first imports sqlite-utils.

sqlite-utils also imports dateutil's parser (about 20 ms) for recipes that parse dates in
its own command line; Reflect never calls them. The parser is registered as a lazy module
(the standard library's ``LazyLoader``): it loads, unchanged, the first time anything uses it.
"""

from __future__ import annotations

import _thread
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


class _HiddenFromThread:  # a meta path finder
    """Says numpy and pandas are not installed, to one thread only: the one importing
    sqlite-utils. The schema code loads in a thread beside other work (schema_preload.py);
    a chart import on another thread meanwhile must find them (a ``None`` marker in
    sys.modules, seen by every thread, made it fail). Once another thread has loaded numpy,
    sqlite-utils simply uses it (sys.modules is read before any finder)."""

    def __init__(self) -> None:
        self.thread: int | None = _thread.get_ident()

    def find_spec(self, fullname, path, target=None):
        if path is None and fullname in ("numpy", "pandas") and _thread.get_ident() == self.thread:
            raise ModuleNotFoundError(f"No module named {fullname!r}", name=fullname)
        return None


def _hidden_while(execute, module: ModuleType) -> None:
    _load_when_used("dateutil.parser")
    hider = _HiddenFromThread()
    # New lists rather than insert/remove in place: another thread may be walking the old one.
    sys.meta_path = [hider, *sys.meta_path]
    try:
        execute(module)
    finally:
        hider.thread = None  # inert even if a copy of the list still holds it (ids are reused)
        sys.meta_path = [finder for finder in sys.meta_path if finder is not hider]


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
