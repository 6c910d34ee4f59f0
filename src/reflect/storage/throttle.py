"""Slows repeated wrong passphrases, across processes: the count is kept on disk.

Restarting the app or calling the command line in a loop must not reset the wait, so the
number of failed tries and the time before which no new try is accepted live in a small
0600 file in the profile folder. It holds no secret: only a count and a time.
"""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Callable
from pathlib import Path

from reflect.domain.profile import read_vault_json
from reflect.domain.vault_file import THROTTLE_FILE  # noqa: F401 - used from here
from reflect.paths import write_private_file

FREE_ATTEMPTS = 3
MAX_DELAY_SECONDS = 60.0


class UnlockThrottle:
    def __init__(self, clock: Callable[[], float] = time.time, path: Path | None = None) -> None:
        self._clock = clock
        self._path = Path(path) if path is not None else None
        self._failures = 0
        self._not_before = 0.0

    @property
    def failures(self) -> int:
        self._load()
        return self._failures

    def _load(self) -> None:
        if self._path is None:
            return
        try:
            data = read_vault_json(self._path)  # limited: a FIFO here must not hang unlock
            failures, not_before = int(data["failures"]), float(data["not_before"])
        except (OSError, ValueError, KeyError, TypeError, OverflowError):
            failures, not_before = 0, 0.0  # missing or damaged: start counting again
        # A clock set back must not turn a minute's wait into hours.
        self._failures = max(0, min(failures, 10_000))
        self._not_before = min(not_before, self._clock() + MAX_DELAY_SECONDS)

    def _save(self) -> None:
        if self._path is None:
            return
        data = {"failures": self._failures, "not_before": self._not_before}
        # A read-only or full disk must not turn a wrong passphrase into a crash.
        with contextlib.suppress(OSError):
            if self._failures:
                write_private_file(self._path, json.dumps(data).encode("ascii"))
            else:
                self._path.unlink(missing_ok=True)

    def seconds_to_wait(self) -> float:
        self._load()
        return max(0.0, self._not_before - self._clock())

    def record_failure(self) -> None:
        self._load()
        self._failures += 1
        if self._failures >= FREE_ATTEMPTS:
            delay = min(MAX_DELAY_SECONDS, 2.0 ** min(self._failures - FREE_ATTEMPTS + 1, 10))
            self._not_before = self._clock() + delay
        self._save()

    def record_success(self) -> None:
        self._load()
        had_failures = self._failures > 0
        self._failures = 0
        self._not_before = 0.0
        if had_failures:
            self._save()
