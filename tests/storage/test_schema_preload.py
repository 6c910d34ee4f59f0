"""The schema code (and sqlite-utils) is imported in a thread while the key is derived.

That only helps if nothing imported before the derivation loads sqlite-utils itself: the
vault, the backups and the connection code keep it out of their module-level imports.
"""

from __future__ import annotations

import subprocess
import sys

from reflect.storage import schema_preload

PROBE = """
import sys
import reflect.services.profiles, reflect.storage.vault
before = 'sqlite_utils' in sys.modules
from reflect.storage import schema_preload
schema_preload.start()
schema_preload.wait()
print(before, 'sqlite_utils' in sys.modules, 'reflect.storage.migrations' in sys.modules,
      'sqlcipher3' in sys.modules, 'numpy' in sys.modules)
"""


def test_the_vault_loads_no_sqlite_utils_until_the_preload_runs():
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["False", "True", "True", "True", "False"]


def test_nothing_starts_when_the_schema_code_is_loaded(monkeypatch):
    import sqlcipher3  # noqa: F401 - as after a first unlock

    import reflect.storage.migrations  # noqa: F401

    monkeypatch.setattr(schema_preload, "_loading", None)
    schema_preload.start()
    assert schema_preload._loading is None
    schema_preload.wait()


def test_a_failed_import_is_left_to_the_caller(monkeypatch):
    monkeypatch.setattr(schema_preload, "_loading", None)
    monkeypatch.setattr(schema_preload, "_MODULES", ("reflect.storage.no_such_module",))
    schema_preload.start()
    schema_preload.wait()  # the thread swallowed it: no traceback on stderr, no exception
    assert schema_preload._loading is not None
    assert not schema_preload._loading.is_alive()
    assert "reflect.storage.no_such_module" not in sys.modules


WARM_UP = """
import sys
from reflect.services.profiles import warm_up
warm_up()
print(*(name in sys.modules for name in ('sqlite_utils', 'reflect.storage.migrations',
      'sqlcipher3', 'numpy')))
"""


def test_the_lock_screen_warm_up_loads_the_schema_code():
    # The lock screen loads the storage code while the passphrase is typed; since the vault
    # no longer imports sqlite-utils itself, the warm-up must load the schema code by name.
    out = subprocess.run([sys.executable, "-c", WARM_UP], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["True", "True", "True", "False"]
