"""Python's cyclic garbage collector around a Reflect process's start and end.

What a Reflect process builds while it starts (PySide6's types, the modules, the lock screen)
lives until it exits, yet every full collection walks all of it again, and the interpreter
walks it once more on the way out. While the process starts the collector therefore waits;
once it has started, those objects are set aside for good (``gc.freeze``, the standard
library's answer to long-lived start-up objects) and collection resumes for everything made
afterwards; when the process ends, the last collection is skipped. Measured: about 20 ms
of a 150 ms command and of the app's start and quit (benchmarks/RESULTS.md).

In the desktop app, collection then resumes on the GUI thread only, between events
(``reflect.ui.gui_collector``, started by ``reflect.app.run_gui``): a collection started by
a worker thread could otherwise delete a closed dialog there.

Only the process entry point (``reflect.cli.run``) turns this on; ``main()`` called from a
test or a script leaves the collector alone. Nothing relies on the last collection: files
and databases are closed explicitly, and Python never promised finalizers at exit.
"""

from __future__ import annotations

import gc

_entry_point = False


def starting() -> None:
    """Called first thing by the process entry point."""
    global _entry_point
    _entry_point = True
    gc.disable()


def started() -> None:
    """The process has built what it keeps: set it aside and collect as usual from here."""
    if _entry_point:
        gc.freeze()
        gc.enable()


def ending() -> None:
    """The process is about to exit: skip the collection nobody benefits from."""
    if _entry_point:
        gc.freeze()
