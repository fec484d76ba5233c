"""A growing pause after wrong passwords, so guessing at the keyboard is slow.

The key derivation already costs about half a second per try; this adds a pause that
doubles from the third wrong try on and never exceeds half a minute. The window keeps it in
memory; the command line, a new process for every try, keeps it in a small file beside the
journal (storage/unlock_delay.py), so the pause is never more than half a minute whatever
that file says: a damaged file or a clock set back can't lock the person out. A wrong
password never changes the journal's own files.
"""

from __future__ import annotations

import math

FREE_TRIES = 2
FIRST_PAUSE_SECONDS = 2.0
MAX_PAUSE_SECONDS = 30.0
MAX_REMEMBERED_FAILURES = 1_000_000


def pause_after(failures: int) -> float:
    """Seconds to wait after `failures` consecutive wrong passwords."""
    if failures <= FREE_TRIES:
        return 0.0
    doublings = min(failures - FREE_TRIES - 1, 16)  # past the cap already; avoids overflow
    return min(FIRST_PAUSE_SECONDS * 2.0**doublings, MAX_PAUSE_SECONDS)


class UnlockThrottle:
    # A plain class, not a dataclass: the window makes one before its first frame, where
    # importing `dataclasses` (~2 ms) and generating the methods would cost (ARCHITECTURE.md,
    # Start-up).
    __slots__ = ("failures", "not_before")

    def __init__(self, failures: int = 0, not_before: float = 0.0) -> None:
        self.failures = failures
        self.not_before = not_before

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, UnlockThrottle):
            return NotImplemented
        return (self.failures, self.not_before) == (other.failures, other.not_before)

    __hash__ = None  # type: ignore[assignment]  # changes as wrong passwords come

    def __repr__(self) -> str:
        return f"UnlockThrottle(failures={self.failures}, not_before={self.not_before})"

    def record_failure(self, now: float) -> float:
        self.failures += 1
        pause = pause_after(self.failures)
        self.not_before = now + pause
        return pause

    def record_success(self) -> None:
        self.failures = 0
        self.not_before = 0.0

    def seconds_left(self, now: float) -> float:
        return min(MAX_PAUSE_SECONDS, max(0.0, self.not_before - now))

    @classmethod
    def restored(cls, failures: object, not_before: object) -> UnlockThrottle:
        """A throttle from figures read back from a file: anything odd counts as nothing."""
        if type(failures) is not int or type(not_before) not in (int, float):
            return cls()
        assert isinstance(not_before, int | float)
        if not 0 <= failures <= MAX_REMEMBERED_FAILURES or not math.isfinite(not_before):
            return cls()
        return cls(failures, float(not_before))
