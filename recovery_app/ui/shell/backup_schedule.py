"""The automatic backups of one unlock: just after the journal opens (once it is checked),
every hour while it stays open, and before a normal quit; none at quick exit or auto-lock.

Each backup runs on a worker thread with the unlock's stop event as its `cancel`: the window
sets it at lock, quick exit and quit, so a backup in progress stops at once (its unfinished
copy removed, the older backups untouched) and nothing waits for it. Whether one is due (at
most one automatic backup an hour, after the last of any kind) is the service's rule.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from recovery_app.domain.backups import Trigger
from recovery_app.ui.kit.worker import run_in_background

if TYPE_CHECKING:
    from recovery_app.services.backups import BackupService
    from recovery_app.services.my_data_records import BackupOutcome

HOURLY_MS = 60 * 60 * 1000
# Before a quit: say so once it takes longer than this, and never wait longer than the limit
# (the backup is then stopped and the app closes; the next one comes at the next unlock).
SAY_WAITING_AFTER_MS = 600
QUIT_LIMIT_MS = 20_000

_log = logging.getLogger(__name__)


class BackupSchedule(QObject):
    finished = Signal(object)  # the BackupOutcome of each automatic backup

    def __init__(
        self,
        backups: BackupService,
        stop: threading.Event,
        *,
        every_ms: int | None = None,  # None: hourly
        quit_limit_ms: int | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._backups = backups
        self._stop = stop
        self._quit_limit_ms = quit_limit_ms
        self._running = False
        self._closing = ""  # "waiting" for the backup before closing, then "done"
        self._waiting: list[Callable[[], None]] = []  # to call once the running backup ends
        self._close: Callable[[], object] = lambda: None
        self._timer = QTimer(self)
        self._timer.setInterval(every_ms or HOURLY_MS)
        self._timer.timeout.connect(lambda: self.run(Trigger.HOURLY))

    @property
    def running(self) -> bool:
        return self._running

    def start(self) -> None:
        """The journal is open and checked: the backup after unlock, then the hourly timer."""
        if self._stop.is_set():
            return
        self._timer.start()
        self.run(Trigger.UNLOCK)

    def stop(self) -> None:
        """At lock, quick exit and quit: no more backups, and the running one stops."""
        self._stop.set()
        self._timer.stop()
        if self._closing == "waiting":  # a quick exit while closing: close without waiting
            self._closing = "done"
            QTimer.singleShot(0, self._close)

    def run(self, trigger: Trigger, then: Callable[[], None] | None = None) -> None:
        """One automatic backup, if due. A backup already running covers this one (it was
        made a moment ago); `then` waits for it to end."""
        if then is not None:
            self._waiting.append(then)
        if self._stop.is_set():
            self._call_waiting()
            return
        if self._running:
            return
        self._running = True
        backups, stop = self._backups, self._stop
        run_in_background(
            lambda: backups.run(trigger, cancel=stop.is_set), self._done, self._failed, self
        )

    def puts_off_close(self, close: Callable[[], object], show_busy: Callable[..., None]) -> bool:
        """For the window's close: True (put it off) while the backup before closing runs.
        `close` closes the window again once that is over; `show_busy` says why it waits."""
        if self._closing == "done" or self._stop.is_set():
            return False
        if self._closing != "waiting":
            self._closing = "waiting"
            self._close = close

            def over() -> None:
                if self._closing == "waiting":
                    self._closing = "done"
                    close()

            def say() -> None:
                if self._closing == "waiting":
                    show_busy(
                        self.tr("Backing up before closing…"),
                        self.tr("It takes a moment. Your journal is safe either way."),
                        button=self.tr("Close now"),
                        on_button=over,
                    )

            self.before_quit(over, say)
        return True

    def before_quit(self, proceed: Callable[[], None], say_waiting: Callable[[], None]) -> None:
        """The backup at a normal quit (when the last one is over an hour old). `proceed` runs
        once, when it is over or after the limit at the latest; `say_waiting` runs if it is
        still going after a moment, so the window can say why it hasn't closed yet."""
        over = False

        def finish() -> None:
            nonlocal over
            if not over:
                over = True
                proceed()

        QTimer.singleShot(SAY_WAITING_AFTER_MS, self, lambda: None if over else say_waiting())
        QTimer.singleShot(self._quit_limit_ms or QUIT_LIMIT_MS, self, finish)
        self.run(Trigger.QUIT, then=finish)

    def _done(self, outcome: BackupOutcome) -> None:
        self._running = False
        self.finished.emit(outcome)
        self._call_waiting()

    def _failed(self, error: BaseException) -> None:
        # The service keeps every folder and disk problem as the last failure; past a lock
        # the journal is closed under it. Anything else is unexpected: its kind only, as
        # the text could hold a path.
        if not self._stop.is_set():
            _log.warning("an automatic backup stopped (%s)", type(error).__name__)
        self._running = False
        self._call_waiting()

    def _call_waiting(self) -> None:
        waiting, self._waiting = self._waiting, []
        for then in waiting:
            then()
