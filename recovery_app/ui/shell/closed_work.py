"""The window's side of `ui.kit.journal_tasks.JournalTasks`: restore, re-key and delete,
each with the journal closed.

Each one locks the window first (the screen that asked goes with the lock), shows the busy
page, runs on a worker thread, and then opens the journal again (on Settings → Backups,
saying what happened) or shows the first-run screen. A failure says what went wrong on the
unlock screen, in the words of services/messages.py; the services leave the journal as it was.
A quick exit meanwhile drops the answer (the generation changed): a journal opened after it
is closed again at once, and a restore not yet swapped in is stopped.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from recovery_app.services.messages import message_for
from recovery_app.services.vault_service import VaultState
from recovery_app.ui.kit.worker import run_in_background

if TYPE_CHECKING:
    from recovery_app.services.journal import Journal
    from recovery_app.services.restore import RestorePlan
    from recovery_app.ui.shell.busy_page import BusyPage
    from recovery_app.ui.shell.window import JournalWindow


class ClosedJournalWork(QObject):
    def __init__(self, window: JournalWindow) -> None:
        super().__init__(window)
        self._window = window
        self.busy_page: BusyPage | None = None

    @property
    def stop_event(self) -> threading.Event:
        return self._window.stop_event

    def restore(self, plan: RestorePlan, reopen_password: str | None) -> None:
        from recovery_app.services.my_data_words import restore_done_text
        from recovery_app.services.restore import RestoreService

        door = self._window.service
        stop = self._begin(
            self.tr("Restoring your backup…"),
            self.tr(
                "A safety backup of your journal as it is now is made first. Your journal "
                "opens again once the backup is in place."
            ),
            can_stop=True,
        )

        def work() -> tuple[str, Journal]:
            result = RestoreService(door).restore(plan, cancel=stop.is_set)
            if plan.journal is not None:
                journal = door.unlock_checked(plan.journal)  # its key file was kept
            else:
                assert reopen_password is not None
                journal = door.unlock(reopen_password)  # the backup's key file came along
            return restore_done_text(result, plan.preview.backup, now=door.now()), journal

        self._run(work)

    def rekey(self, password: str) -> None:
        from recovery_app.services.my_data_words import rekey_done_text
        from recovery_app.services.rekey import RekeyService

        door = self._window.service
        self._begin(
            self.tr("Re-keying your journal…"),
            self.tr("A new key, then a fresh backup under it. This takes a few seconds."),
        )

        def work() -> tuple[str, Journal]:
            result = RekeyService(door).rekey_everything(password)
            return rekey_done_text(result), door.unlock(password)

        self._run(work)

    def delete(self, password: str) -> None:
        from recovery_app.services.journal_deletion import JournalDeletion
        from recovery_app.services.my_data_words import deletion_done_text

        window = self._window
        door = window.service
        window.preferences.sync()  # nothing left waiting to be written once the file is gone
        self._begin(self.tr("Deleting your journal…"))
        generation = window.generation

        def done(text: str) -> None:
            if generation == window.generation:
                self.show_fresh_start(text)

        run_in_background(
            lambda: deletion_done_text(JournalDeletion(door).delete(password)),
            done,
            lambda error: self._failed(error, generation),
            window,
        )

    # ----- the window's pages for it -------------------------------------------------------

    def open_restore(self) -> None:
        """'Restore from a backup…' on the unlock or first-run screen: for a journal that is
        damaged or lost, or a backup brought from another computer."""
        from recovery_app.ui.settings.restore_dialog import RestoreDialog

        dialog = RestoreDialog(self._window.service, self, parent=self._window)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def show_busy(
        self,
        title: str,
        detail: str = "",
        *,
        button: str = "",
        on_button: Callable[[], None] | None = None,
    ) -> None:
        stack = self._window.stack
        if self.busy_page is None:
            from recovery_app.ui.shell.busy_page import BusyPage

            self.busy_page = BusyPage()
            stack.addWidget(self.busy_page)
        self.busy_page.show_work(title, detail, button=button, on_button=on_button)
        stack.setCurrentWidget(self.busy_page)

    def show_start_screen(self, message: str = "") -> None:
        """The unlock screen, or the first-run one when no journal is here, saying `message`."""
        window = self._window
        state = window.service.state()
        if state is VaultState.PRESENT:
            window.show_unlock()
            if message:
                window.unlock_screen.show_error(message)
            return
        first_run = window.first_run
        first_run.set_key_only(state is VaultState.KEY_ONLY)
        window.stack.setCurrentWidget(first_run)
        if message:
            first_run.show_error(message)
        first_run.focus_first_field()

    def show_fresh_start(self, note: str) -> None:
        """After "delete my journal": the first-run screen, and nothing of it remembered, not
        even the window's size."""
        window = self._window
        window.preferences.forget()
        first_run = window.first_run
        first_run.clear()
        first_run.set_key_only(False)
        first_run.show_note(note)
        window.stack.setCurrentWidget(first_run)
        first_run.focus_first_field()

    # ----- helpers --------------------------------------------------------------------------

    def _begin(self, title: str, detail: str = "", *, can_stop: bool = False) -> threading.Event:
        """Lock (saying so), show the busy page, and hand out a stop event for this work:
        set by a quick exit or a lock meanwhile, or by the page's Stop."""
        window = self._window
        window.lock()
        stop = window.begin_closed_work()
        self.show_busy(
            title,
            detail,
            button=self.tr("Stop") if can_stop else "",
            on_button=stop.set if can_stop else None,
        )
        return stop

    def _run(self, work: Callable[[], tuple[str, Journal]]) -> None:
        window = self._window
        generation = window.generation

        def done(result: tuple[str, Any]) -> None:
            note, journal = result
            if not window.door.accept(journal, generation):
                return
            window.open_journal(journal)
            if window.main_view is not None:
                window.main_view.navigation.show_backups(note)

        run_in_background(work, done, lambda error: self._failed(error, generation), window)

    def _failed(self, error: BaseException, generation: int) -> None:
        window = self._window
        if generation != window.generation:
            return
        self.show_start_screen(message_for(error, window.service.data_dir))
