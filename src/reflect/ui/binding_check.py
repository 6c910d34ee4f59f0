"""Refuse to start on a Qt binding that loses references to None.

PySide6 6.12.0 drops one reference to ``None`` on every call to a Qt method that returns
nothing (``update()``, ``processEvents()``...). On Python 3.11, where ``None`` is an
ordinary counted object, the count reaches zero after some tens of thousands of calls and
the interpreter aborts: the app would vanish mid-sentence, taking an unsaved draft with it.
The package metadata excludes that release; this check catches any other release (or a
hand-installed copy) that repeats the defect, before a window opens.
"""

from __future__ import annotations

import sys

CALLS = 200


def binding_loses_none() -> bool:
    """True when calling a void Qt method lowers None's reference count."""
    if sys.version_info >= (3, 12):
        return False  # None is immortal there: the defect is harmless
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        probe.setObjectName("reflect")  # returns nothing: exactly the path that leaks
    lost = before - sys.getrefcount(None)
    return lost >= CALLS // 2


MESSAGE = (
    "Reflect cannot start: the installed PySide6 ({version}) has a known defect on this "
    "Python that would make the app crash during use. Install another version, for "
    "example: pip install 'PySide6-Essentials!=6.12.0'. Nothing was changed."
)


def refuse_broken_binding() -> bool:
    """Say why and return True when the binding would crash the app; else False."""
    if not binding_loses_none():
        return False
    import PySide6

    print(MESSAGE.format(version=PySide6.__version__), file=sys.stderr)
    return True
