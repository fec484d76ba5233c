"""Which look the app wears: the one the person chose in Settings, or the desktop's own light
or dark setting, followed live when it changes.

Asking Qt for the desktop's colour scheme builds PySide6's whole `Qt` enum namespace (about
30 ms, see ui/kit/lazy_qt.py), so the first look is read from the palette the desktop gave
the application (dark desktops hand out a dark one), and the scheme itself is asked for just
after the first window is on screen.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from recovery_app.ui.kit import theme
from recovery_app.ui.kit.preferences import Preferences
from recovery_app.ui.kit.theme import ThemeChoice

SCHEME_CHECK_DELAY_MS = 300  # after the first frame: the start stays light


class Appearance(QObject):
    def __init__(self, app: QApplication, preferences: Preferences) -> None:
        super().__init__(app)
        self._app = app
        self._preferences = preferences
        window = app.palette().color(QPalette.ColorRole.Window)
        self._system_dark = window.lightness() < 128  # the desktop's palette, until asked
        self._watching = False

    @property
    def choice(self) -> ThemeChoice:
        return self._preferences.theme

    def start(self) -> None:
        """Wear the chosen look now; ask the desktop for its scheme once the window shows."""
        self._apply()
        QTimer.singleShot(SCHEME_CHECK_DELAY_MS, self._watch_system)

    def choose(self, choice: ThemeChoice) -> None:
        """The person's choice in Settings: kept, and worn at once."""
        self._preferences.theme = choice
        self._preferences.sync()
        self._watch_system()
        self._apply()

    def _watch_system(self) -> None:
        if self._watching:
            return
        self._watching = True
        hints = self._app.styleHints()
        self._system_scheme_changed()
        hints.colorSchemeChanged.connect(lambda _scheme: self._system_scheme_changed())

    def _system_scheme_changed(self) -> None:
        from PySide6.QtCore import Qt

        scheme = self._app.styleHints().colorScheme()
        if scheme is not Qt.ColorScheme.Unknown:
            self._system_dark = scheme is Qt.ColorScheme.Dark
        self._apply()

    def _apply(self) -> None:
        wanted = theme.palette_for(self.choice, self._system_dark)
        if wanted is not theme.current() or not self._app.styleSheet():
            theme.apply(self._app, wanted)
