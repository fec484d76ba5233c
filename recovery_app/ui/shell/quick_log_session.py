"""`recovery-app quick-log` when no journal window is running: the quick log on its own.

The window shows at once; the journal opens behind it with the key remembered on this
computer, or asks for the password. After saving, the guide or the full form can follow;
after noting that they reached out (T), the plan for it shows instead of the quick log.
Quick exit, Ctrl+L and the auto-lock time close everything (keeping what was entered) and
end the process, as they lock the main window.

Backups: none when it opens (it is a moment of craving on a small machine: nothing competes
with the two key presses, and a session that ends seconds later would only stop it again).
When its last window closes after an urge was saved, and the last backup is over an hour
old, it makes the backup at quit the window would make, bounded, with nothing left on screen;
quick exit, Ctrl+L and the auto-lock time make none and wait for nothing.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from recovery_app.domain.unlock_throttle import UnlockThrottle
from recovery_app.services.errors import VaultError, WrongPassword
from recovery_app.ui.kit.lazy_qt import application
from recovery_app.ui.kit.preferences import Preferences
from recovery_app.ui.kit.worker import run_in_background
from recovery_app.ui.shell.guards import SafetyFilter
from recovery_app.ui.urges.quick_log import QuickLogDialog

QUIT_BACKUP_LIMIT_MS = 10_000  # no window is left by then: never linger for long

if TYPE_CHECKING:
    from recovery_app.services.clock_records import SavedContact
    from recovery_app.services.journal import Journal
    from recovery_app.services.urges import SavedUrge
    from recovery_app.services.vault_service import VaultService
    from recovery_app.ui.shell.navigation import JournalNavigation


class QuickLogSession(QObject):
    def __init__(
        self,
        service: VaultService,
        preferences: Preferences,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__()
        self.service = service
        self.preferences = preferences
        self.journal: Journal | None = None
        self.navigation: JournalNavigation | None = None
        self.windows: list[QDialog] = []
        self._clock = clock
        self._throttle = UnlockThrottle()
        self._ended = False
        self._stop = threading.Event()  # set when the session ends: a backup stops
        self.dialog = QuickLogDialog(data_dir=service.data_dir)
        self._track(self.dialog)
        self.safety = SafetyFilter(self, clock=clock)
        self.dialog.password_entered.connect(self._unlock)
        self.dialog.ride_requested.connect(self.ride_the_wave)
        self.dialog.details_requested.connect(self.add_details)
        self.dialog.reached_out_logged.connect(self.show_reach_out_plan)
        for signal in (
            self.safety.quick_exit_requested,
            self.safety.lock_requested,
            self.safety.idle_timeout,
        ):
            signal.connect(self.end)

    def start(self) -> None:
        """Show the window; the journal starts opening once it is on screen (opening loads
        SQL, which would otherwise hold the window back)."""
        self.dialog.painted.connect(self._open_remembered)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        self.safety.watch(application())
        self.safety.set_idle_minutes(self.preferences.auto_lock_minutes)

    def _open_remembered(self) -> None:
        run_in_background(self.service.unlock_remembered, self._opened, self._failed, self)

    # ----- opening the journal --------------------------------------------------------------

    def _unlock(self, password: str) -> None:
        wait = self._throttle.seconds_left(self._clock())
        if wait > 0:
            self.dialog.ask_password(self.tr("Please wait a moment, then try again."))
            return
        run_in_background(lambda: self.service.unlock(password), self._opened, self._failed, self)

    def _opened(self, journal: Journal | None) -> None:
        if journal is None:
            self.dialog.ask_password()
            return
        if self._ended:
            journal.close()
            return
        from recovery_app.ui.shell.navigation import JournalNavigation

        self._throttle.record_success()
        self.journal = journal
        run_in_background(journal.check_integrity, lambda _result: None, self._damaged, self)
        self.navigation = JournalNavigation(journal, lambda: self.preferences.reduce_motion)
        self.dialog.set_clocks(journal.clocks)
        self.dialog.set_urges(journal.urges)

    def _damaged(self, error: BaseException) -> None:
        """A page failed its check: close the journal and say so; the choice stays."""
        if self.journal is None or not isinstance(error, VaultError):
            return
        self.journal.close()
        self.journal = None
        self.dialog.ask_password(self.dialog.message.words_for(error))

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, WrongPassword):
            self._throttle.record_failure(self._clock())
        self.dialog.ask_password(self.dialog.message.words_for(error))

    # ----- what follows a saved urge --------------------------------------------------------

    def ride_the_wave(self, saved: SavedUrge) -> None:
        from recovery_app.ui.urges.wave.ride_the_wave import RideTheWaveDialog

        assert self.journal is not None
        journal = self.journal
        guide = RideTheWaveDialog(
            journal.urges,
            journal.reasons,
            journal.people,
            journal.letters,
            navigation=self.navigation,
            urge=saved,
            reduce_motion=self.preferences.reduce_motion,
        )
        self._show_instead_of_quick_log(guide)

    def add_details(self, saved: SavedUrge) -> None:
        from recovery_app.ui.urges.urge_dialog import UrgeDialog

        assert self.journal is not None
        dialog = UrgeDialog(self.journal.urges, self.navigation, saved=saved)
        self._show_instead_of_quick_log(dialog)

    def show_reach_out_plan(self, saved: SavedContact) -> None:
        assert self.navigation is not None
        moment = self.navigation.show_reach_out_plan(None, saved)
        if moment is None:
            self.dialog.accept()  # noted; with no plan to show, nothing more is in the way
            return
        self._show_instead_of_quick_log(moment)

    def _show_instead_of_quick_log(self, window: QDialog) -> None:
        self._track(window)
        window.show()
        window.raise_()
        window.activateWindow()
        self.dialog.hide()

    # ----- the end --------------------------------------------------------------------------

    def _track(self, window: QDialog) -> None:
        self.windows.append(window)
        # After the close has settled: a window may open another as it closes (the form's
        # "note it on your clock?" question), and that one keeps the session going.
        window.finished.connect(lambda _result: QTimer.singleShot(0, self._end_if_nothing_left))

    def _end_if_nothing_left(self) -> None:
        still_open = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        if not still_open:
            self._back_up_then_end()
        else:
            for window in still_open:  # watch these too, whoever opened them
                if isinstance(window, QDialog) and window not in self.windows:
                    self._track(window)

    def _back_up_then_end(self) -> None:
        """The normal end: the backup at quit if an urge was saved (see the module's words)."""
        journal = self.journal
        if self._ended or journal is None or self.dialog.saved is None:
            self.end()
            return
        from recovery_app.domain.backups import Trigger

        stop = self._stop
        QTimer.singleShot(QUIT_BACKUP_LIMIT_MS, self, self.end)
        run_in_background(
            lambda: journal.backups.run(Trigger.QUIT, cancel=stop.is_set),
            lambda _outcome: self.end(),
            lambda _error: self.end(),
            self,
        )

    def end(self) -> None:
        """Close every window (each keeps what was entered), close the journal, and quit."""
        if self._ended:
            return
        self._ended = True
        self._stop.set()
        self.safety.stop_idle()
        # Every window this process shows is the session's (the plan's next steps open
        # windows of their own): each one goes, and with it every picture it drew.
        for window in [*self.windows, *QApplication.topLevelWidgets()]:
            if isinstance(window, QDialog) and window.isVisible():
                window.reject()
        if self.journal is not None:
            self.journal.close()
        self.journal = None
        application().quit()
