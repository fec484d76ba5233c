"""A growing pause after wrong passwords, so guessing at the keyboard is slow.

The key derivation already costs about half a second per try; this adds a pause that
doubles from the third wrong try on and never exceeds half a minute. It lives in memory
only: a wrong password changes nothing on disk.
"""

from __future__ import annotations

from dataclasses import dataclass

FREE_TRIES = 2
FIRST_PAUSE_SECONDS = 2.0
MAX_PAUSE_SECONDS = 30.0


def pause_after(failures: int) -> float:
    """Seconds to wait after `failures` consecutive wrong passwords."""
    if failures <= FREE_TRIES:
        return 0.0
    doublings = min(failures - FREE_TRIES - 1, 16)  # past the cap already; avoids overflow
    return min(FIRST_PAUSE_SECONDS * 2.0**doublings, MAX_PAUSE_SECONDS)


@dataclass
class UnlockThrottle:
    failures: int = 0
    not_before: float = 0.0

    def record_failure(self, now: float) -> float:
        self.failures += 1
        pause = pause_after(self.failures)
        self.not_before = now + pause
        return pause

    def record_success(self) -> None:
        self.failures = 0
        self.not_before = 0.0

    def seconds_left(self, now: float) -> float:
        return max(0.0, self.not_before - now)
