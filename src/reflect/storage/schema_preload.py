"""Importing the database code while the key is being derived.

Opening a profile first derives the key (Argon2id: tens of milliseconds in C code that
lets other Python threads run), then needs SQLCipher, sqlite-utils and the migrations,
which a new process (every command) spends about as long importing. Neither needs the
other, so ``start`` runs the imports in a thread meanwhile, and ``wait`` joins it before
the database is opened. Only modules are loaded ahead: nothing is read, checked or
opened out of order, and a failed import is left to the opening thread to raise (it
imports the module again).
"""

from __future__ import annotations

import importlib
import sys
import threading

# The migrations import sqlite-utils (see reflect/storage/__init__); sqlcipher3 is the driver
# that opens the database (storage/database.py imports it when connecting).
_MODULES = ("reflect.storage.migrations", "sqlcipher3")
_lock = threading.Lock()
_loading: threading.Thread | None = None


def start() -> None:
    """Begin importing the schema code in a thread, unless it is loaded or loading."""
    global _loading
    with _lock:
        if _loading is not None or all(name in sys.modules for name in _MODULES):
            return
        _loading = threading.Thread(target=load, name="reflect-schema-import")
        _loading.start()


def load() -> None:
    """Import the schema code on this thread (the lock screen's warm-up does, while the
    passphrase is typed); a failed import is left to whoever opens the database."""
    for name in _MODULES:
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 - the opening thread imports it again and raises there
            continue


def wait() -> None:
    """Return once a thread that started importing the schema code has finished."""
    with _lock:
        loading = _loading
    if loading is not None:
        loading.join()
