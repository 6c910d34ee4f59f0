"""Slows repeated wrong passphrases, in memory only: a failed try must not write to disk."""

from __future__ import annotations

import time
from collections.abc import Callable

FREE_ATTEMPTS = 3
MAX_DELAY_SECONDS = 60.0


class UnlockThrottle:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._failures = 0
        self._not_before = 0.0

    @property
    def failures(self) -> int:
        return self._failures

    def seconds_to_wait(self) -> float:
        return max(0.0, self._not_before - self._clock())

    def record_failure(self) -> None:
        self._failures += 1
        if self._failures >= FREE_ATTEMPTS:
            delay = min(MAX_DELAY_SECONDS, 2.0 ** (self._failures - FREE_ATTEMPTS + 1))
            self._not_before = self._clock() + delay

    def record_success(self) -> None:
        self._failures = 0
        self._not_before = 0.0
