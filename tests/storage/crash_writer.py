"""A writer process for the crash-safety test: saves entries until it is killed.

Usage: ``python crash_writer.py DATA_DIR PROFILE_ID START (reflections|drafts)`` with the
passphrase in REFLECT_PASSPHRASE. After each save has returned (committed) it prints
``ACK <n>`` and flushes, so every number the parent has read was acknowledged.
"""

from __future__ import annotations

import os
import sys
from datetime import datetime
from pathlib import Path


def main() -> None:
    from reflect.domain.reflection import FollowUp, Reflection
    from reflect.paths import AppPaths
    from reflect.services.profiles import ProfileService

    data_dir, profile_id, start, mode = sys.argv[1:5]
    service = ProfileService(AppPaths(Path(data_dir)), fast_kdf=True)
    session = service.unlock(service.get(profile_id), os.environ["REFLECT_PASSPHRASE"])
    journal = session.journal
    n = int(start)
    print("READY", flush=True)
    while True:
        reflection = Reflection(
            "free_write",
            datetime(2026, 1, 1, 8),
            tags=["crash"],
            # "marker<n>x" is one search token per entry, so the test can find each one
            answers={"text": f"entry-{n} marker{n}x " + "words to index " * 20},
            follow_ups=[FollowUp(f"follow-{n}")] if n % 3 == 0 else [],
        )
        if mode == "drafts":
            journal.save_draft(reflection)
        else:
            journal.save(reflection)
        print(f"ACK {n}", flush=True)
        n += 1


if __name__ == "__main__":
    main()
