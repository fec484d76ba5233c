"""What only the window can do for a screen, because the journal must be closed for it.

Restoring a backup over the journal, re-keying it and deleting it all need the journal
locked first: the screen that asked is destroyed by the lock, so the window (ui/shell,
which implements this) carries the work on, shows its progress, and then opens the journal
again or shows the first-run screen. Settings asks through this interface, never the shell.

`stop_event` is the open journal's: it is set at lock, quick exit and quit, so background
work started while the journal was open (a backup, an export) stops and cleans up.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from recovery_app.services.restore import RestorePlan


class JournalTasks(Protocol):
    @property
    def stop_event(self) -> threading.Event: ...

    def restore(self, plan: RestorePlan, reopen_password: str | None) -> None:
        """Lock, restore `plan` (a safety backup first), then open the restored journal.
        `reopen_password` opens it when the backup's key file came along (no journal was
        here, or its key file was damaged); otherwise the journal's own key file is kept."""
        ...

    def rekey(self, password: str) -> None:
        """Lock, give the journal a new key (and fresh backups), then open it again."""
        ...

    def delete(self, password: str) -> None:
        """Lock, delete the journal and everything of it that can be reached, then show the
        first-run screen."""
        ...
