"""What every service over the unlocked journal shares: the vault, and a clock to read.

`now` is injectable so tests (and benchmarks) can stand on any day; `today()` is the
person's local calendar day of that moment.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # storage.vault loads SQL: the unlock window shows before it does
    from recovery_app.storage.vault import Vault


def utc_now() -> datetime:
    return datetime.now(UTC)


class JournalPart:
    def __init__(self, vault: Vault, now: Callable[[], datetime] = utc_now) -> None:
        self._vault = vault
        self._now = now

    @property
    def data_dir(self) -> Path:
        """For kind error messages that name the journal's folder."""
        return self._vault.paths.data_dir

    def today(self) -> date:
        # Imported here: the vault service takes `utc_now` from this module on the way to the
        # unlock window, which needs none of the stretches' dataclasses.
        from recovery_app.domain.stretches import local_day

        return local_day(self._now())

    def changes(self) -> int:
        """Differs whenever anything was saved to the journal since it was last asked (here,
        from the command line or from the quick-log window): a screen shown again reads the
        journal again only when this is not what it was when the screen last read it."""
        return self._vault.changes()
