"""Keep PySide6's import hook from caching the source of every module the app imports.

PySide6 (since PYSIDE-2029) asks of each newly imported module whether its source mentions
"PySide6", to decide whether ``from __feature__ import ...`` applies to it. It reads the
source with ``inspect.getsource``, which leaves every file in ``linecache`` for the life of
the process: with the workspace and the charts open that is about 470 files and 20 MiB,
about a tenth of the app's memory, plus about 10 ms of the lock screen's start-up.

``install`` swaps in the same question asked of the raw file (same answer: the search is
for an ASCII word), falling back to PySide6's own function for anything that is not a plain
``.py`` file (built-ins, the bundle's archived modules). On a PySide6 without that function
it does nothing.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

_MARK = "_reflect_raw_scan"


def _feature_module() -> ModuleType | None:
    import PySide6.QtCore  # noqa: F401 - loads the binding's support package

    for name in ("PySide6.support.feature", "shibokensupport.feature"):
        module = sys.modules.get(name)
        if module is not None and callable(getattr(module, "_mod_uses_pyside", None)):
            return module
    return None


def _raw_scan(original: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    def mod_uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return original(module)
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return original(module)

    setattr(mod_uses_pyside, _MARK, True)
    return mod_uses_pyside


def install() -> bool:
    """Replace the scan once per process; True when the replacement is in place."""
    feature = _feature_module()
    if feature is None:
        return False
    current = feature._mod_uses_pyside  # type: ignore[attr-defined]
    if not getattr(current, _MARK, False):
        feature._mod_uses_pyside = _raw_scan(current)  # type: ignore[attr-defined]
    return True
