"""The versions a person (or a bug report) needs: Reflect, SQLCipher, Qt, Python.

Shared by ``reflect --version`` and the About dialog. Reading them costs a SQLCipher
connection to an in-memory database (a few ms) and loading QtCore (tens of ms), so only
these two callers ask; nothing on a start-up path does.
"""

from __future__ import annotations

import platform

from reflect import __version__


def sqlcipher_version() -> str:
    try:
        import sqlcipher3
    except ImportError:
        return "not installed"
    conn = sqlcipher3.connect(":memory:")
    try:
        row = conn.execute("PRAGMA cipher_version").fetchone()
    finally:
        conn.close()
    return str(row[0]) if row and row[0] else "unavailable (plain SQLite)"


def qt_versions() -> tuple[str, str]:
    """(Qt run-time version, PySide6 version)."""
    try:
        import PySide6
        from PySide6.QtCore import qVersion
    except ImportError:
        return ("not installed", "not installed")
    return (qVersion(), PySide6.__version__)


def version_lines() -> list[str]:
    qt, pyside = qt_versions()
    return [
        f"reflect {__version__}",
        f"SQLCipher {sqlcipher_version()}",
        f"Qt {qt} (PySide6 {pyside})",
        f"Python {platform.python_version()}",
    ]
