"""The door: how a journal gets opened, for the window (ui/shell/window.py).

- the key remembered on this computer, looked for once the unlock screen is on screen (or
  at most REMEMBERED_CHECK_LATEST_MS after the start): loading the keyring takes tens of
  milliseconds and more processes, which the first frame doesn't wait for;
- a new journal, made from the first-run screen;
- the password, tried after the pause that earlier wrong ones earned (`UnlockThrottle`);
- while the password is typed, what opening the journal and showing Today need, loaded off
  the GUI thread.

Every answer comes back with the window's generation at the time of asking: a journal that
finishes opening after a lock or a quick exit is closed again, not shown (`accept`).
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from recovery_app.domain.unlock_throttle import UnlockThrottle
from recovery_app.services.errors import SecretStoreError, WrongPassword
from recovery_app.services.secrets import SecretStoreStatus
from recovery_app.ui.kit.worker import run_in_background
from recovery_app.ui.shell import collector

if TYPE_CHECKING:
    from recovery_app.services.journal import Journal
    from recovery_app.ui.shell.window import JournalWindow

# Looking for a remembered key loads the keyring (tens of milliseconds, and more processes):
# it waits for the unlock screen's first paint, or at most this long.
REMEMBERED_CHECK_LATEST_MS = 300


class Door(QObject):
    def __init__(
        self, window: JournalWindow, *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        super().__init__(window)
        self._window = window
        self._service = window.service
        self._clock = clock
        self._throttle = UnlockThrottle()
        # What the keyring said, for the unlock screen each time it shows.
        self.remember_status = SecretStoreStatus(False, "")
        self._remember_asked = False  # the keyring asked whether it can remember at all
        self.remembered = False  # this journal's key is remembered on this computer
        self._remembered_check_waiting = False
        self._prepared = False  # what opening the journal needs is loading or loaded

    # ----- the key remembered on this computer ----------------------------------------------

    def look_for_remembered_key(self) -> None:
        """The unlock screen waits, busy, for the keyring's answer: once the screen has
        painted, or at the latest after REMEMBERED_CHECK_LATEST_MS."""
        self._window.unlock_screen.set_busy(True)
        self._remembered_check_waiting = True
        QTimer.singleShot(REMEMBERED_CHECK_LATEST_MS, self.start_remembered_check)

    def start_remembered_check(self) -> None:
        """Once the unlock screen is on screen: is a key remembered on this computer?"""
        if not self._remembered_check_waiting:
            return
        self._remembered_check_waiting = False
        generation = self._window.generation
        run_in_background(
            self._check_remembered,
            lambda result: self._remembered_checked(result, generation),
            lambda error: self._unlock_failed(error, generation),
            self,
        )

    def _check_remembered(self) -> tuple[SecretStoreStatus | None, Journal | None]:
        if not self._service.remembered_here():
            return None, None  # nothing was remembered: the keyring waits until it is wanted
        status = self._service.remember_status()
        journal = self._service.unlock_remembered() if status.available else None
        return status, journal

    def _remembered_checked(
        self, result: tuple[SecretStoreStatus | None, Journal | None], generation: int
    ) -> None:
        status, journal = result
        if status is None:  # offered; the keyring is asked once the box is ticked
            self._set_remember_status(SecretStoreStatus(True))
        else:
            self._remember_asked = True
            self._set_remember_status(status)
        if journal is not None and not self.accept(journal, generation):
            return
        unlock_screen = self._window.unlock_screen
        unlock_screen.set_busy(False)
        if journal is None:
            unlock_screen.focus_first_field()
        else:
            self.remembered = True
            self._window.open_journal(journal)

    def _set_remember_status(self, status: SecretStoreStatus) -> None:
        self.remember_status = status
        self._window.unlock_screen.set_remember_available(status.available, status.reason)

    def remember_ticked(self, on: bool) -> None:
        """The box "Remember on this computer" ticked for the first time: can the keyring?
        Asked off the GUI thread while the password is typed; if it can't, the box goes and
        the reason shows, as when the keyring was asked at start."""
        if not on or self._remember_asked:
            return
        self._remember_asked = True
        generation = self._window.generation

        def asked(status: SecretStoreStatus) -> None:
            if generation == self._window.generation and not status.available:
                self._set_remember_status(status)

        run_in_background(self._service.remember_status, asked, lambda _error: None, self)

    # ----- ready before the password is in --------------------------------------------------

    def prepare_unlock(self) -> None:
        """While the password is typed (or, pasted, while its key is derived): load what
        opening the journal and showing Today need, off the GUI thread."""
        if self._prepared:
            return
        self._prepared = True

        def prepare() -> None:
            self._service.prepare_unlock()
            import recovery_app.ui.shell.main_view
            import recovery_app.ui.today.screen  # noqa: F401

        # Nothing to report: a failure here meets the person again, worded, at the unlock.
        run_in_background(prepare, lambda _done: collector.set_aside(), lambda _error: None, self)

    # ----- create and unlock ----------------------------------------------------------------

    def create(self, password: str) -> None:
        generation = self._window.generation
        run_in_background(
            lambda: self._service.create(password),
            lambda journal: self._created(journal, generation),
            self._create_failed,
            self,
        )

    def _created(self, journal: Journal, generation: int) -> None:
        if self.accept(journal, generation):
            self.remembered = False  # a new journal: nothing of it is remembered yet
            self._window.first_run.clear()
            journal.reading_suggestions.note_first_run()  # Today may name one reading
            self._window.open_journal(journal)

    def _create_failed(self, error: BaseException) -> None:
        first_run = self._window.first_run
        first_run.show_error(first_run.message.words_for(error))

    def unlock(self, password: str, remember: bool) -> None:
        wait = self._throttle.seconds_left(self._clock())
        if wait > 0:
            self._window.unlock_screen.show_error(self.tr("Please wait a moment."), wait)
            return
        generation = self._window.generation
        self.prepare_unlock()

        def work() -> Journal:
            journal = self._service.unlock(password)
            if remember:
                # the journal still opens; Settings shows the keyring's state
                with contextlib.suppress(SecretStoreError):
                    journal.remember()
            return journal

        run_in_background(
            work,
            lambda journal: self._unlocked(journal, generation, remember),
            lambda error: self._unlock_failed(error, generation),
            self,
        )

    def unlock_remembered(self) -> None:
        generation = self._window.generation

        def done(journal: Journal | None) -> None:
            if journal is None:
                self.remembered = False
                unlock_screen = self._window.unlock_screen
                unlock_screen.set_remembered(False)
                unlock_screen.show_error(
                    self.tr("Nothing is remembered on this computer now. Please use your password.")
                )
            else:
                self._unlocked(journal, generation, True)

        run_in_background(
            self._service.unlock_remembered,
            done,
            lambda error: self._unlock_failed(error, generation),
            self,
        )

    def _unlocked(self, journal: Journal, generation: int, remember: bool) -> None:
        if not self.accept(journal, generation):
            return
        self._throttle.record_success()
        self.remembered = remember or self.remembered
        self._window.unlock_screen.reset()
        self._window.open_journal(journal)

    def _unlock_failed(self, error: BaseException, generation: int) -> None:
        if generation != self._window.generation:
            return
        pause = 0.0
        if isinstance(error, WrongPassword):
            pause = self._throttle.record_failure(self._clock())
        unlock_screen = self._window.unlock_screen
        unlock_screen.show_error(unlock_screen.message.words_for(error), pause)

    def accept(self, journal: Journal, generation: int) -> bool:
        """A journal that finished opening after a lock or quick exit is closed, not shown."""
        if generation != self._window.generation or self._window.journal is not None:
            journal.close()
            return False
        return True
