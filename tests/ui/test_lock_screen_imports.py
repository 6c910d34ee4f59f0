"""The lock screen's first frame does not wait for storage libraries it does not use.

sqlite-utils (about 100 ms to import) is needed only once a profile is opened; importing a
storage helper such as the file lock must not load it. Runs in a fresh interpreter.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

PROBE = """
import json, sys
from reflect.storage.file_lock import FileLock
from reflect.ui.app_window import AppWindow
from reflect.services.profiles import ProfileService
print(json.dumps(sorted(m for m in ("sqlite_utils", "numpy", "matplotlib") if m in sys.modules)))
import reflect.storage.migrations  # opening a profile loads it, still without numpy
print(json.dumps(sorted(m for m in ("sqlite_utils", "numpy") if m in sys.modules)))
"""


def test_the_lock_screen_path_loads_no_sqlite_utils():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, timeout=120
    )
    assert out.returncode == 0, out.stderr
    before, after = (json.loads(line) for line in out.stdout.splitlines()[-2:])
    assert before == []
    assert after == ["sqlite_utils"]
