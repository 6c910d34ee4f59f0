"""A process that starts a plain export and is killed while it writes (see the test).

Usage: ``python slow_exporter.py DATA_DIR PROFILE_ID FORMAT OUT [named]`` with the passphrase
in REFLECT_PASSPHRASE. The exporter writes its whole text, prints ``WRITTEN`` and then waits
(before the file is put in place) until the test kills the process. ``named`` hides
O_TMPFILE, as on a system without it, so the fallback with a named temporary file runs.
"""

from __future__ import annotations

import dataclasses
import os
import sys
import time
from pathlib import Path


def main() -> None:
    from reflect.paths import AppPaths
    from reflect.services import exporters
    from reflect.services.export import export_profile
    from reflect.services.profiles import ProfileService

    data_dir, profile_id, format_name, out = sys.argv[1:5]
    if sys.argv[5:] == ["named"] and hasattr(os, "O_TMPFILE"):
        del os.O_TMPFILE
    real = exporters.exporters()[format_name]

    def slow(session, target, options):  # type: ignore[no-untyped-def]
        result = real.write(session, target, options)
        print("WRITTEN", flush=True)
        time.sleep(600)
        return result

    exporters._REGISTRY[format_name] = dataclasses.replace(real, write=slow)
    service = ProfileService(AppPaths(Path(data_dir)), fast_kdf=True)
    session = service.unlock(service.get(profile_id), os.environ["REFLECT_PASSPHRASE"])
    export_profile(session, format_name, Path(out), plain_ok=True)


if __name__ == "__main__":
    main()
