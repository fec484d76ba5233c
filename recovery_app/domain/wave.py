"""Riding the wave: the guide's timer, its minute checks and the breathing rhythm.

Pure and clock-free: every method takes `now` (monotonic seconds), so tests and the
guide's screen drive it with any clock. A minute check waits for its answer; the timer
never moves the person on by itself, even when the time is up.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

DEFAULT_MINUTES = 10
MAX_MINUTES = 120
EXTEND_MINUTES = 5
BREATHE_IN_SECONDS = 4.0
BREATHE_OUT_SECONDS = 6.0
CHECK_EVERY_SECONDS = 60.0


class Breath(StrEnum):
    IN = "in"
    OUT = "out"


@dataclass(frozen=True)
class BreathPhase:
    breath: Breath
    progress: float  # 0 at the start of this breath, 1 at its end
    seconds_left: int  # whole seconds left in this breath, counted down for the person

    @property
    def fullness(self) -> float:
        """How full the lungs are, 0 to 1: grows while breathing in, shrinks while out."""
        return self.progress if self.breath is Breath.IN else 1.0 - self.progress


def breath_phase(seconds: float) -> BreathPhase:
    """Where a 4-seconds-in, 6-seconds-out rhythm is, `seconds` after it began."""
    cycle = BREATHE_IN_SECONDS + BREATHE_OUT_SECONDS
    into = max(0.0, seconds) % cycle
    if into < BREATHE_IN_SECONDS:
        left = BREATHE_IN_SECONDS - into
        return BreathPhase(Breath.IN, into / BREATHE_IN_SECONDS, math.ceil(left))
    into -= BREATHE_IN_SECONDS
    left = BREATHE_OUT_SECONDS - into
    return BreathPhase(Breath.OUT, into / BREATHE_OUT_SECONDS, math.ceil(left))


class WaveTimer:
    """A countdown the person sets, pauses and extends, with a check due each minute."""

    def __init__(self, minutes: int = DEFAULT_MINUTES) -> None:
        if not 1 <= minutes <= MAX_MINUTES:
            raise ValueError("a wave timer runs from 1 to 120 minutes")
        self.total_seconds = minutes * 60.0
        self._banked = 0.0  # seconds run before the current run
        self._running_since: float | None = None
        self._started = False
        self._next_check = CHECK_EVERY_SECONDS
        self._check_pending = False

    # ----- running ------------------------------------------------------------------------

    def start(self, now: float) -> None:
        self._started = True
        self._running_since = now

    def pause(self, now: float) -> None:
        if self._running_since is not None:
            self._banked = self.elapsed(now)
            self._running_since = None

    def resume(self, now: float) -> None:
        if self._started and self._running_since is None and not self.is_up(now):
            self._running_since = now

    def extend(self, now: float, minutes: int = EXTEND_MINUTES) -> None:
        """More time. A timer that was up runs again."""
        was_up = self.is_up(now)
        self._banked = self.elapsed(now)
        self.total_seconds = min(self.total_seconds + minutes * 60.0, MAX_MINUTES * 60.0)
        if was_up or self._running_since is not None:
            self._running_since = now

    @property
    def started(self) -> bool:
        return self._started

    def is_running(self, now: float) -> bool:
        return self._running_since is not None and not self.is_up(now)

    def elapsed(self, now: float) -> float:
        running = 0.0 if self._running_since is None else max(0.0, now - self._running_since)
        return min(self._banked + running, self.total_seconds)

    def remaining(self, now: float) -> float:
        return self.total_seconds - self.elapsed(now)

    def is_up(self, now: float) -> bool:
        return self._started and self.remaining(now) <= 0

    def minutes_so_far(self, now: float) -> int:
        """Whole minutes ridden, rounded to the nearest (at least 1 once started)."""
        return max(1, round(self.elapsed(now) / 60)) if self._started else 0

    # ----- minute checks ------------------------------------------------------------------

    def check_due(self, now: float) -> bool:
        """True from the moment a minute passes until the check is answered."""
        if not self._check_pending and self._started and self.elapsed(now) >= self._next_check:
            self._check_pending = True
        return self._check_pending

    def answer_check(self, now: float) -> None:
        """The next check comes a full minute after this answer, however late it came."""
        self._check_pending = False
        self._next_check = self.elapsed(now) + CHECK_EVERY_SECONDS
