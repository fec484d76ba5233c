"""The optional daily reminder, shown through the tray: neutral, once a day, locked or not."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject, QTimer

from recovery_app import APP_DISPLAY_NAME
from recovery_app.domain.reminder import reminder_due
from recovery_app.ui.kit.preferences import Preferences
from recovery_app.ui.shell.tray import TrayIcon

CHECK_MS = 30_000


class DailyReminder(QObject):
    def __init__(self, preferences: Preferences, tray: TrayIcon, parent: QObject) -> None:
        super().__init__(parent)
        self._preferences = preferences
        self._tray = tray
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self.check)

    def start(self) -> None:
        self._timer.start()

    def check(self, now: datetime | None = None) -> bool:
        """Show the reminder if it is on and due; True if shown.

        Its text is fixed: nothing from the journal reaches a notification.
        """
        prefs = self._preferences
        if not prefs.reminder_enabled:
            return False
        now = now or datetime.now()
        if not reminder_due(now, prefs.reminder_time, prefs.reminder_last_shown):
            return False
        self._tray.showMessage(APP_DISPLAY_NAME, self.tr("Time for your journal"))
        prefs.reminder_last_shown = now.date()
        return True
