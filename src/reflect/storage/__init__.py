"""Storage: the encrypted database and everything that reads or writes it.

sqlite-utils imports numpy and pandas at module level when they are installed, only to
map their number types to SQLite columns. Reflect never hands it numpy or pandas values,
and numpy alone costs about 150 ms of start-up (matplotlib installs it), so every command
that opens a profile would pay for it. Importing sqlite-utils here, first, with both
modules hidden, keeps them out; the markers are removed at once so the charts can still
import numpy later.
"""

from __future__ import annotations

import sys


def _import_sqlite_utils_without_numpy() -> None:
    if "sqlite_utils" in sys.modules:
        return
    hidden = [name for name in ("numpy", "pandas") if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # makes `import name` fail
    try:
        import sqlite_utils  # noqa: F401
    finally:
        for name in hidden:
            if sys.modules.get(name) is None:
                del sys.modules[name]


_import_sqlite_utils_without_numpy()
