"""Quick exit: the Shift key pressed on its own three times within two seconds.

The same gesture as GOV.UK's "Exit this page". Any other key in between starts the count
again, so typing capital letters never triggers it.
"""

from __future__ import annotations

PRESSES_NEEDED = 3
WINDOW_SECONDS = 2.0


class ShiftTripleDetector:
    # A plain class, not a dataclass, for the reason UnlockThrottle gives (unlock_throttle.py).
    def __init__(
        self, presses_needed: int = PRESSES_NEEDED, window_seconds: float = WINDOW_SECONDS
    ) -> None:
        self.presses_needed = presses_needed
        self.window_seconds = window_seconds
        self._times: list[float] = []

    def shift_pressed(self, at: float) -> bool:
        """Record a lone Shift press at monotonic time `at`; True when the gesture completes."""
        self._times = [t for t in self._times if at - t <= self.window_seconds]
        self._times.append(at)
        if len(self._times) >= self.presses_needed:
            self._times.clear()
            return True
        return False

    def other_key_pressed(self) -> None:
        self._times.clear()
