"""Every page of the journal checked once per unlock, off the GUI thread, while Today shows.

Damage locks the journal and the unlock screen names it, before anything more is read or
written; a journal found sound is backed up (never a copy of a damaged one). An answer that
comes after a lock (or another unlock) is dropped: the window's generation tells.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from recovery_app.services.errors import VaultError
from recovery_app.ui.kit.first_paint import after_first_paint
from recovery_app.ui.kit.worker import run_in_background

if TYPE_CHECKING:
    from recovery_app.services.journal import Journal
    from recovery_app.ui.shell.window import JournalWindow


def check_after_opening(window: JournalWindow, journal: Journal) -> None:
    """Start the check once Today is on screen (at once if it isn't showing)."""
    generation = window.generation

    def failed(error: BaseException) -> None:
        if generation != window.generation or not isinstance(error, VaultError):
            return  # locked meanwhile; anything unexpected is for the next unlock to meet
        window.lock()
        window.unlock_screen.show_error(window.unlock_screen.message.words_for(error))

    def checked(_result: object) -> None:
        if generation == window.generation and window.backup_schedule is not None:
            window.backup_schedule.start()

    def start() -> None:
        if generation == window.generation and window.journal is journal:
            run_in_background(journal.check_integrity, checked, failed, window)

    # Once Today is on screen: on two cores, a check of every page beside the first frame
    # would make the person wait for both.
    if window.main_view is not None and window.main_view.isVisible():
        after_first_paint(window.main_view, start)
    else:
        start()
