"""sqlite-utils is imported with numpy and pandas hidden (storage/__init__.py), and since
the schema code loads in a thread while the key is derived (storage/schema_preload.py) that
import can run beside another thread's. Hiding them from every thread made a chart import
on another thread fail while it lasted ("import of numpy halted"): only the thread that
imports sqlite-utils must be refused them."""

from __future__ import annotations

import subprocess
import sys

# Another thread imports numpy (and matplotlib, as the charts preload does) exactly while
# sqlite-utils' module code runs, then the first thread checks what sqlite-utils got.
DURING = """
import sys, threading
import reflect.storage as storage
seen = {}
real = storage._hidden_while

def hooked(execute, module):
    def run_beside(m):
        def charts():
            try:
                import numpy, matplotlib.figure
                seen['other thread'] = 'numpy ' + numpy.__name__
            except BaseException as exc:
                seen['other thread'] = repr(exc)
        thread = threading.Thread(target=charts)
        thread.start()
        thread.join()
        execute(m)
    real(run_beside, module)

storage._hidden_while = hooked
import sqlite_utils.db
print(seen['other thread'])
print('numpy' in sys.modules, [f for f in sys.meta_path if 'Hid' in type(f).__name__])
"""

ALONE = """
import sys
import reflect.storage, sqlite_utils.db
print(sqlite_utils.db.np, sqlite_utils.db.pd, 'numpy' in sys.modules, 'pandas' in sys.modules)
import numpy
print(numpy.__name__, sys.modules.get('pandas', 'absent'))
"""


def _run(code: str) -> list[str]:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return out.stdout.splitlines()


def test_another_thread_imports_numpy_while_sqlite_utils_loads():
    lines = _run(DURING)
    assert lines[0] == "numpy numpy"
    # numpy was loaded by then, so sqlite-utils may use it; no hiding finder is left behind
    assert lines[1] == "True []"


def test_sqlite_utils_alone_still_loads_without_numpy_or_pandas():
    lines = _run(ALONE)
    assert lines[0] == "None None False False"
    assert lines[1] == "numpy absent"
