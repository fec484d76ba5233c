"""One password try from a dialog (restore, re-key, delete), with the same growing pause
after wrong tries that the command line keeps beside the journal, so no dialog is a faster
way to guess than the unlock screen."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from recovery_app.services.errors import OlderPasswordNeeded, WrongPassword

if TYPE_CHECKING:
    from recovery_app.services.vault_service import VaultService

T = TypeVar("T")


class PasswordTries:
    def __init__(self, door: VaultService) -> None:
        from recovery_app.services.unlock_delay import UnlockDelay

        self._delay = UnlockDelay(door.paths)

    def seconds_to_wait(self) -> int:
        """Whole seconds before the next try may be made (0: now)."""
        return math.ceil(self._delay.seconds_to_wait())

    def attempt(self, check: Callable[[], T]) -> T:
        """Run `check` (on a worker thread: it runs the key derivation) and count the try."""
        try:
            result = check()
        except OlderPasswordNeeded:
            self._record(right=True)  # the journal's password was right; another is needed
            raise
        except WrongPassword:
            self._record(right=False)
            raise
        self._record(right=True)
        return result

    def _record(self, *, right: bool) -> None:
        # Best effort (storage/unlock_delay.py): a folder that can't keep it doesn't stop a try.
        if right:
            self._delay.record_right_password()
        else:
            self._delay.record_wrong_password()
