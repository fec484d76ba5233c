"""The window: first run, unlock, or the journal; plus lock, auto-lock, quick exit and tray.

A shell plus wiring: how a journal gets opened is the door's (ui/shell/door.py). The
window's own connections are made in `_connect_signals()`, each screen's where it is made.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QHideEvent, QKeySequence
from PySide6.QtWidgets import (
    QMainWindow,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from recovery_app import APP_DISPLAY_NAME
from recovery_app.services.vault_service import VaultService, VaultState
from recovery_app.ui.kit.first_paint import after_first_paint
from recovery_app.ui.kit.lazy_qt import application
from recovery_app.ui.kit.preferences import Preferences
from recovery_app.ui.kit.screen_fit import fit_to_screen
from recovery_app.ui.shell import collector
from recovery_app.ui.shell.door import Door
from recovery_app.ui.shell.guards import SafetyFilter
from recovery_app.ui.shell.unlock import UnlockScreen

if TYPE_CHECKING:
    from recovery_app.services.journal import Journal
    from recovery_app.ui.kit.theme import ThemeChoice
    from recovery_app.ui.shell.backup_schedule import BackupSchedule
    from recovery_app.ui.shell.closed_work import ClosedJournalWork
    from recovery_app.ui.shell.daily_reminder import DailyReminder
    from recovery_app.ui.shell.first_run import FirstRunScreen
    from recovery_app.ui.shell.main_view import MainView
    from recovery_app.ui.shell.tray import TrayIcon

DEFAULT_SIZE = (960, 640)


class JournalWindow(QMainWindow):
    journal_opened = Signal()  # the data folder surely exists now (first run made it)

    def __init__(
        self,
        service: VaultService,
        preferences: Preferences,
        *,
        tray_available: bool,
        clock: Callable[[], float] = time.monotonic,
        choose_theme: Callable[[ThemeChoice], None] | None = None,
        backup_every_ms: int | None = None,  # None: hourly
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._backup_every_ms = backup_every_ms
        self.backup_schedule: BackupSchedule | None = None
        # Set at lock, quick exit and quit: the open journal's background work stops.
        self._stop = threading.Event()
        self._tasks: ClosedJournalWork | None = None
        self.service = service
        self.preferences = preferences
        self._choose_theme = choose_theme
        self.journal: Journal | None = None
        self.main_view: MainView | None = None
        self._generation = 0  # bumped on every lock: answers from before a lock are dropped
        self._pending_section: int | None = None
        self._pending_quick_log = False  # asked for while locked: opens once unlocked
        self.door = Door(self, clock=clock)

        self.setWindowTitle(APP_DISPLAY_NAME)
        # The icon once the first frame is up: the desktop shows it beside the window, and
        # reading and drawing it is work the first frame doesn't need.
        after_first_paint(self, self._set_icon)
        self.setMinimumSize(720, 520)
        self._first_run: FirstRunScreen | None = None
        self._unlock_screen: UnlockScreen | None = None
        self._build_ui()
        self.safety = SafetyFilter(self, clock=clock, quick_log_key=True)
        self.tray: TrayIcon | None = None
        self.reminder: DailyReminder | None = None
        self._started = False
        self._tray_question: Callable[[], bool] | None = None
        self._tray_added: Callable[[], None] | None = None
        if tray_available:
            self.add_tray()
        self._connect_signals()
        self._restore_geometry()

    # ----- building -------------------------------------------------------------------------

    def _build_ui(self) -> None:
        toolbar = QToolBar(self.tr("Safety"))
        toolbar.setObjectName("safety-toolbar")
        toolbar.setMovable(False)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        self.lock_action = QAction(self.tr("Lock"), self)
        # setShortcuts (a list) rather than setShortcut: the latter's overload check builds the
        # whole Qt enum namespace before the window can show (see ui/lazy_qt.py).
        self.lock_action.setShortcuts([QKeySequence("Ctrl+L")])
        self.lock_action.setToolTip(self.tr("Lock the journal (Ctrl+L)"))
        self.lock_action.setEnabled(False)
        self.lock_action.setVisible(False)  # nothing to lock until the journal is open
        self.quick_exit_action = QAction(self.tr("Quick exit"), self)
        self.quick_exit_action.setToolTip(
            self.tr("Hide this window and lock the journal at once (or press Shift three times)")
        )
        self.quick_log_action = QAction(self.tr("Log an urge"), self)
        self.quick_log_action.setShortcuts([QKeySequence("Ctrl+U")])
        self.quick_log_action.setToolTip(self.tr("Note an urge in seconds (Ctrl+U)"))
        self.addAction(self.quick_log_action)  # a shortcut only; the toolbar stays neutral
        toolbar.addAction(self.lock_action)
        toolbar.addAction(self.quick_exit_action)
        self.addToolBar(toolbar)
        self.toolbar = toolbar

        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)

    def _set_icon(self) -> None:
        from recovery_app.ui.kit.resources import app_icon

        self.setWindowIcon(app_icon())

    # Only the screen that shows first is built before the window appears; the other one
    # is built the first time it is needed.
    @property
    def first_run(self) -> FirstRunScreen:
        if self._first_run is None:
            from recovery_app.ui.shell.first_run import FirstRunScreen

            self._first_run = FirstRunScreen(self.service.data_dir)
            self.stack.addWidget(self._first_run)
            self._first_run.create_requested.connect(self.door.create)
            self._first_run.restore_requested.connect(lambda: self.tasks.open_restore())
        return self._first_run

    @property
    def unlock_screen(self) -> UnlockScreen:
        if self._unlock_screen is None:
            self._unlock_screen = UnlockScreen(self.service.data_dir)
            self.stack.addWidget(self._unlock_screen)
            self._unlock_screen.unlock_requested.connect(self.door.unlock)
            self._unlock_screen.remembered_unlock_requested.connect(self.door.unlock_remembered)
            self._unlock_screen.restore_requested.connect(lambda: self.tasks.open_restore())
            self._unlock_screen.first_painted.connect(self.door.start_remembered_check)
            self._unlock_screen.typing_started.connect(self.door.prepare_unlock)
            self._unlock_screen.remember.toggled.connect(self.door.remember_ticked)
        return self._unlock_screen

    def _connect_signals(self) -> None:
        self.lock_action.triggered.connect(self.lock)
        self.quick_exit_action.triggered.connect(self.quick_exit)
        self.quick_log_action.triggered.connect(self.open_quick_log)
        self.safety.quick_exit_requested.connect(self.quick_exit)
        self.safety.lock_requested.connect(self._lock_if_open)
        self.safety.quick_log_requested.connect(self.open_quick_log)
        self.safety.idle_timeout.connect(self._lock_if_open)

    # ----- the tray -------------------------------------------------------------------------

    def add_tray(self) -> None:
        """The tray icon (Open, Log an urge, Lock, Quit) and the daily reminder it shows."""
        if self.tray is not None:
            return
        from recovery_app.ui.shell.daily_reminder import DailyReminder
        from recovery_app.ui.shell.tray import TrayIcon

        self.tray = tray = TrayIcon(self)
        self.reminder = DailyReminder(self.preferences, tray, self)
        tray.open_action.triggered.connect(self.bring_to_front)
        tray.log_urge_action.triggered.connect(self.open_quick_log)
        tray.lock_action.triggered.connect(self.lock)
        tray.quit_action.triggered.connect(self.quit)
        tray.activated.connect(self._tray_activated)
        if self._started:
            self.reminder.start()
            tray.show()

    def look_for_tray(self, available: Callable[[], bool], added: Callable[[], None]) -> None:
        """Ask the desktop whether it has a tray once the first frame is up (the question is
        a round trip to the display server), or at once if the journal opens before that;
        `added` is told if a tray icon was added."""
        self._tray_question, self._tray_added = available, added
        after_first_paint(self, self._settle_tray)

    def _settle_tray(self) -> None:
        available, added = self._tray_question, self._tray_added
        self._tray_question = self._tray_added = None
        if available is not None and available() and self.tray is None:
            self.add_tray()
            if added is not None:
                added()

    # ----- start ----------------------------------------------------------------------------

    def start(self) -> None:
        """Show the right first screen at once; look for a remembered key after it is shown."""
        # The safety filter watches the windows from the first turn of the event loop: its
        # one-off setup stays out of the first paint.
        QTimer.singleShot(0, self._install_safety_filter)
        self._started = True
        if self.reminder is not None:
            self.reminder.start()
        state = self.service.state()
        if state is VaultState.PRESENT:
            self.show_unlock()
            self.door.look_for_remembered_key()
        else:
            self.first_run.set_key_only(state is VaultState.KEY_ONLY)
            self.stack.setCurrentWidget(self.first_run)
            self.first_run.focus_first_field()
        if self.tray is not None:
            self.tray.show()

    def _install_safety_filter(self) -> None:
        self.safety.watch(application())

    def open_journal(self, journal: Journal) -> None:
        from recovery_app.ui.shell.backup_schedule import BackupSchedule
        from recovery_app.ui.shell.main_view import MainView  # loads the screens on first use

        self._settle_tray()  # the screens are told whether there is one
        self.journal = journal
        self._stop = threading.Event()
        self.journal_opened.emit()
        self.main_view = MainView(
            self.service,
            journal,
            self.preferences,
            on_locking_changed=self._apply_locking_prefs,
            parent=self.stack,  # made in place: see MainView.section
            tray_available=self.tray is not None,
            choose_theme=self._choose_theme,
            tasks=self.tasks,
        )
        self.backup_schedule = BackupSchedule(
            journal.backups, self._stop, every_ms=self._backup_every_ms, parent=self
        )
        self.backup_schedule.finished.connect(self.main_view.backups_changed)
        self.main_view.section_drawn.connect(collector.set_aside)
        self.stack.addWidget(self.main_view)
        self.stack.setCurrentWidget(self.main_view)
        self.lock_action.setEnabled(True)
        self.lock_action.setVisible(True)
        if self._pending_section is not None:
            self.main_view.show_section(self._pending_section)
            self._pending_section = None
        self.main_view.focus_sidebar()
        if self.reminder is not None:
            self.reminder.set_hint(journal.hard_dates.tray_line)
        self._apply_locking_prefs()
        from recovery_app.ui.shell.integrity_check import check_after_opening

        check_after_opening(self, journal)
        if self._pending_quick_log:
            self._pending_quick_log = False
            self.main_view.urges.open_quick_log()

    # ----- work with the journal closed (ui/shell/closed_work.py) ---------------------------

    @property
    def tasks(self) -> ClosedJournalWork:
        """What Settings asks of the window: restore, re-key, delete (JournalTasks)."""
        if self._tasks is None:
            from recovery_app.ui.shell.closed_work import ClosedJournalWork

            self._tasks = ClosedJournalWork(self)
        return self._tasks

    @property
    def stop_event(self) -> threading.Event:
        return self._stop

    @property
    def generation(self) -> int:
        return self._generation

    def begin_closed_work(self) -> threading.Event:
        """A stop event for work done with the journal closed: a quick exit sets it."""
        self._stop = threading.Event()
        return self._stop

    # ----- lock and quick exit --------------------------------------------------------------

    def lock(self) -> None:
        """Close the journal and destroy every widget that held anything written."""
        self._stop.set()  # first: a backup or an export stops before the journal closes
        self._generation += 1
        if self.backup_schedule is not None:
            self.backup_schedule.stop()
            self.backup_schedule.deleteLater()
            self.backup_schedule = None
        self.safety.stop_idle()
        if self.reminder is not None:
            self.reminder.set_hint(None)
        from PySide6.QtWidgets import QDialog  # built by PySide6 on first use, not at start

        for dialog in self.findChildren(QDialog):
            dialog.reject()
        if self.main_view is not None:
            self.stack.removeWidget(self.main_view)
            self.main_view.hide()
            self.main_view.setParent(None)
            self.main_view.deleteLater()
            self.main_view = None
        was_open = self.journal is not None
        if self.journal is not None:
            self.journal.close()
        self.journal = None
        self.lock_action.setEnabled(False)
        self.lock_action.setVisible(False)  # nothing to lock until the journal is open
        if was_open or self.stack.currentWidget() is self._unlock_screen:
            self.show_unlock()
        if was_open:
            collector.take_back_soon(self)  # the closed journal's screens, collected

    def show_unlock(self) -> None:
        self.unlock_screen.reset()
        status = self.door.remember_status
        self.unlock_screen.set_remember_available(status.available, status.reason)
        self.unlock_screen.set_remembered(self.door.remembered)
        self.stack.setCurrentWidget(self.unlock_screen)
        self.unlock_screen.focus_first_field()

    def _lock_if_open(self) -> None:
        if self.journal is not None:
            self.lock()

    def quick_exit(self) -> None:
        """Hide and lock at once. Without a tray a hidden window has no way back, so quit."""
        self._pending_quick_log = False
        self.lock()
        self.hide()
        if self.tray is None:
            self.quit()

    def _apply_locking_prefs(self) -> None:
        if self.journal is not None:
            self.safety.set_idle_minutes(self.preferences.auto_lock_minutes)

    # ----- window and tray ------------------------------------------------------------------

    def open_quick_log(self) -> None:
        """The quick-log window; when locked, the password first, then the quick log."""
        if self.main_view is None:
            self._pending_quick_log = True
            self.bring_to_front()
            return
        self.main_view.urges.open_quick_log()

    def bring_to_front(self, section: int | None = None) -> None:
        if section is not None:
            if self.main_view is not None:
                self.main_view.show_section(section)
            else:
                self._pending_section = section
        self.showNormal()
        self.raise_()
        self.activateWindow()

    def _tray_activated(self, reason: object) -> None:
        from PySide6.QtWidgets import QSystemTrayIcon

        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.bring_to_front()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if (
            event.type() == QEvent.Type.ActivationChange
            and self.isActiveWindow()
            and self.main_view is not None
        ):
            self.main_view.refresh_if_changed()
        if (
            event.type() == QEvent.Type.WindowStateChange
            and self.isMinimized()
            and self.preferences.lock_when_minimised
            and self.journal is not None
        ):
            # After the minimise finishes, so the window manager sees a consistent window.
            QTimer.singleShot(0, self.lock)

    def closeEvent(self, event: QCloseEvent) -> None:
        schedule = self.backup_schedule
        if schedule is not None and schedule.puts_off_close(self.close, self.tasks.show_busy):
            event.ignore()  # a backup first: the window closes once it is over
            return
        self._save_geometry()
        self.lock()
        if self.tray is not None:
            self.tray.hide()
        event.accept()
        application().quit()

    def quit(self) -> None:
        if self.close():  # False while the backup before closing runs: it quits after
            application().quit()

    def _restore_geometry(self) -> None:
        geometry = self.preferences.window_geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(*DEFAULT_SIZE)
        # A size kept from a larger screen (or before scaling went up) comes back inside
        # this one, and never larger than it.
        fit_to_screen(self)

    def _save_geometry(self) -> None:
        self.preferences.save_window_geometry(self.saveGeometry())

    def hideEvent(self, event: QHideEvent) -> None:
        self._save_geometry()
        super().hideEvent(event)
