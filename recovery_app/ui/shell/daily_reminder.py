"""The optional daily reminder, shown through the tray: neutral, once a day, locked or not.

While the journal is open, a marked date near (services/hard_date_notices.py) changes the
words to "A day you marked is coming up" (or "... is today"): still neutral, never the
day's name. Locked, nothing of the journal can be read, so the words stay the plain ones.
"""

from __future__ import annotations

from collections.abc import Callable
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
        self._hint: Callable[[], str | None] | None = None

    def set_hint(self, hint: Callable[[], str | None] | None) -> None:
        """Neutral words from the open journal in place of the usual ones (None: locked)."""
        self._hint = hint

    def start(self) -> None:
        self._timer.start()

    def check(self, now: datetime | None = None) -> bool:
        """Show the reminder if it is on and due; True if shown.

        Its words are the app's own, never anything from the journal: a marked date near is
        said as "A day you marked is coming up", without its name.
        """
        prefs = self._preferences
        if not prefs.reminder_enabled:
            return False
        now = now or datetime.now()
        if not reminder_due(now, prefs.reminder_time, prefs.reminder_last_shown):
            return False
        self._tray.showMessage(APP_DISPLAY_NAME, self._hinted() or self.tr("Time for your journal"))
        prefs.reminder_last_shown = now.date()
        return True

    def _hinted(self) -> str | None:
        if self._hint is None:
            return None
        try:
            return self._hint()
        except Exception:  # a reminder is never worth an error; the usual words will do
            return None
