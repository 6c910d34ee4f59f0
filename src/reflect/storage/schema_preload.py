"""Importing the schema code while the key is being derived.

Opening a profile first derives the key (Argon2id: tens of milliseconds in C code that lets
other Python threads run), then needs sqlite-utils and the migrations, which a new process
(every command) spends about as long importing. Neither needs the other, so ``start`` runs
the import in a thread meanwhile, and ``wait`` joins it before the database is opened.
Only modules are loaded ahead: nothing is read, checked or opened out of order, and a
failed import is left to the opening thread to raise (it imports the module again).
"""

from __future__ import annotations

import importlib
import sys
import threading

_SCHEMA = "reflect.storage.migrations"  # imports sqlite-utils (see reflect/storage/__init__)
_lock = threading.Lock()
_loading: threading.Thread | None = None


def start() -> None:
    """Begin importing the schema code in a thread, unless it is loaded or loading."""
    global _loading
    with _lock:
        if _SCHEMA in sys.modules or _loading is not None:
            return
        _loading = threading.Thread(target=_load, name="reflect-schema-import")
        _loading.start()


def _load() -> None:
    try:
        importlib.import_module(_SCHEMA)
    except Exception:  # noqa: BLE001 - the opening thread imports it again and raises there
        return


def wait() -> None:
    """Return once a thread that started importing the schema code has finished."""
    with _lock:
        loading = _loading
    if loading is not None:
        loading.join()
