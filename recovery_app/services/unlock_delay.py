"""The growing pause after wrong passwords, for the command line (one process per try).

The window keeps its UnlockThrottle in memory; a command keeps it in the file beside the
journal. Usage around one password try:

    delay = UnlockDelay(paths)
    waited = delay.wait()            # before asking; say so when it is more than zero
    try:
        vault = service.unlock(password)
    except WrongPassword:
        delay.record_wrong_password()
        raise
    delay.record_right_password()

A key remembered on this computer skips all of it: no password was tried.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from recovery_app.storage.paths import VaultPaths
from recovery_app.storage.unlock_delay import (
    clear_unlock_throttle,
    load_unlock_throttle,
    save_unlock_throttle,
)


@dataclass
class UnlockDelay:
    paths: VaultPaths
    now: Callable[[], float] = field(default=time.time)
    sleep: Callable[[float], None] = field(default=time.sleep)

    def seconds_to_wait(self) -> float:
        """Never more than MAX_PAUSE_SECONDS, whatever the file says."""
        return load_unlock_throttle(self.paths.unlock_delay).seconds_left(self.now())

    def wait(self) -> float:
        """Sleep out the pause before the next try; the seconds waited."""
        pause = self.seconds_to_wait()
        if pause > 0:
            self.sleep(pause)
        return pause

    def record_wrong_password(self) -> float:
        """Count one more wrong password; the pause the next try will wait."""
        throttle = load_unlock_throttle(self.paths.unlock_delay)
        pause = throttle.record_failure(self.now())
        save_unlock_throttle(self.paths.unlock_delay, throttle)
        return pause

    def record_right_password(self) -> None:
        clear_unlock_throttle(self.paths.unlock_delay)
