"""Process hardening shared by the app and the command line.

A core dump of a running Reflect would hold the passphrase, the database key and decrypted
text; so both the app and every command turn core dumps off before touching a profile.
"""

from __future__ import annotations

import sys


def disable_core_dumps() -> None:
    """RLIMIT_CORE = 0 everywhere it exists; on Linux also PR_SET_DUMPABLE = 0 (no ptrace)."""
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ImportError, ValueError, OSError):  # pragma: no cover - not on every platform
        pass
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None)
            pr_set_dumpable = 4
            libc.prctl(pr_set_dumpable, 0, 0, 0, 0)
        except (OSError, AttributeError):  # pragma: no cover
            pass
